"""The ruamel.yaml round trip of a model file, and the splice that keeps untouched bytes as they were.

ruamel.yaml reads a file into maps and lists that remember their comments, key
order, quotes and flow or block style, and prints them back. Printing back is
faithful for files written the usual way (``toc fmt``'s style, which is every
shipped example's), but not byte-for-byte for every file: a sequence indented
another way, an unusual blank line or a long folded line may come back changed.
So the printed text is never written as it is. ``splice`` compares three texts:

* the file as it is (``original``),
* ruamel's printing of it without the edit (``before``),
* ruamel's printing of it with the edit (``after``),

and carries only the lines that differ between ``before`` and ``after`` into the
original. Every line the edit did not touch stays exactly as the file had it, in
whatever style. Where an edited line is one ruamel printed differently from the
file, the lines cannot be matched, and the whole of ``after`` is used instead
(correct, in ruamel's style); the caller then checks it loads to the same model.

Comments travel with the key below them (as people write them and as ``toc fmt``
moves them), whereas ruamel attaches a comment to the value above it. Two
adjustments follow: lines deleted with a node keep the full-line comments that
came after its last line, and a new block goes above the comments that head the
next one rather than below them.
"""

from __future__ import annotations

import collections
import difflib
import io
import threading

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap

# Long enough that ruamel never folds a line of its own accord.
_NEVER_WRAP = 1_000_000


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = _NEVER_WRAP
    # toc fmt's layout: keys 2 spaces in, list dashes 2 spaces inside their key.
    yaml.indent(mapping=2, sequence=4, offset=2)
    # The caller refuses files with duplicate keys (TOC002) before any edit.
    yaml.allow_duplicate_keys = True
    return yaml


def load_document(text: str) -> CommentedMap:
    """The round-trip document of a model's text (LF line endings)."""
    document = _yaml().load(text)
    if not isinstance(document, CommentedMap):
        raise ValueError("the model is not a mapping")
    return document


def dump_document(document: CommentedMap) -> str:
    stream = io.StringIO()
    _yaml().dump(document, stream)
    return stream.getvalue()


# ruamel.yaml reads a 150-node model in about half a second and prints it in a fifth: too slow to
# do twice per edit when the page must redraw within a second. So the document read for one text
# is kept (with its printing) for the next edit of that text: after an edit, the edited document
# is exactly what the next edit needs, and `toc serve --edit` reads a file ahead, in the
# background, as soon as it has drawn it. A document is handed out once (edits change it).
_PREPARED: collections.OrderedDict[str, tuple[CommentedMap, str]] = collections.OrderedDict()
_PREPARED_LOCK = threading.Lock()
_PREPARED_MOST = 4


def prepared(text: str, fresh: bool = False) -> tuple[CommentedMap, str, bool]:
    """The round-trip document of ``text`` (LF line endings), ruamel's printing of it, and whether
    it was read just now (``fresh`` forces that) rather than kept from an edit (see above)."""
    with _PREPARED_LOCK:
        kept = _PREPARED.pop(text, None)
        if kept is not None and not fresh:
            return (*kept, False)
        document = load_document(text)
        return document, dump_document(document), True


def keep_prepared(text: str, document: CommentedMap, printing: str) -> None:
    """Keep ``document`` (and its ``printing``) as the reading of ``text`` for the next edit."""
    with _PREPARED_LOCK:
        _PREPARED[text] = (document, printing)
        while len(_PREPARED) > _PREPARED_MOST:
            _PREPARED.popitem(last=False)


def prepare(text: str) -> None:
    """Read ``text`` ahead of its first edit (a background thread of toc serve --edit does this)."""
    with _PREPARED_LOCK:
        if text in _PREPARED:
            return
        try:
            document = load_document(text)
            printing = dump_document(document)
        except Exception:  # whatever it is, the edit meets it again and says so
            return
        _PREPARED[text] = (document, printing)
        while len(_PREPARED) > _PREPARED_MOST:
            _PREPARED.popitem(last=False)


def plain(value):
    """The document's data as plain dicts, lists and scalars (to compare two loads)."""
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    if isinstance(value, str):
        return str(value)
    return value


def _is_comment_or_blank(line: str) -> bool:
    stripped = line.strip()
    return not stripped or stripped.startswith("#")


def splice(original: str, before: str, after: str) -> str | None:
    """``original`` with the changes from ``before`` to ``after`` (see the module docstring),
    or None when a changed line cannot be placed in the original."""
    if before == after:
        return original
    old = original.splitlines(keepends=True)
    base = before.splitlines(keepends=True)
    new = after.splitlines(keepends=True)
    # Where each line of ruamel's printing is in the file (the lines it printed as they were).
    position: dict[int, int] = {}
    if original == before:
        position = {index: index for index in range(len(base))}
    else:
        for block in difflib.SequenceMatcher(None, old, base, autojunk=False).get_matching_blocks():
            for offset in range(block.size):
                position[block.b + offset] = block.a + offset
    replacements: list[tuple[int, int, list[str]]] = []  # (start, end) in the file, and the new lines
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, base, new, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        lines = new[j1:j2]
        if tag == "delete":
            # Comments at the indentation of the keys that go (or further out) head what
            # follows or a section of the file: they stay, each with the blank line above it.
            lines = _kept_comments(base[i1:i2])
        elif tag == "insert" and lines and not _is_comment_or_blank(lines[0]):
            # New lines go straight after the last line of content before them, above the
            # comments (and blank lines) that head what follows: ruamel places comments
            # elsewhere than the file may have them, so they are no guide to the place.
            anchor = i1 - 1
            while anchor >= 0 and _is_comment_or_blank(base[anchor]):
                anchor -= 1
            if anchor >= 0:
                if anchor not in position:
                    return None
                point = position[anchor] + 1
                replacements.append((point, point, lines))
                continue
        span = _file_span(position, i1, i2, len(base), len(old))
        if span is None:
            return None
        replacements.append((*span, lines))
    result: list[str] = []
    cursor = 0
    for start, end, lines in replacements:
        if start < cursor:
            return None
        result += old[cursor:start]
        result += lines
        cursor = end
    result += old[cursor:]
    return "".join(result)


def _indentation(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _kept_comments(deleted: list[str]) -> list[str]:
    """The full-line comments among deleted lines that are not inside what was deleted."""
    keys = [_indentation(line) for line in deleted if not _is_comment_or_blank(line)]
    outermost = min(keys, default=0)
    kept: list[str] = []
    for index, line in enumerate(deleted):
        if line.strip().startswith("#") and _indentation(line) <= outermost:
            if index and not deleted[index - 1].strip() and (not kept or kept[-1] is not deleted[index - 1]):
                kept.append(deleted[index - 1])
            kept.append(line)
    return kept


def _file_span(position: dict[int, int], start: int, end: int, base_length: int,
               file_length: int) -> tuple[int, int] | None:
    """Where lines ``start:end`` of ruamel's printing are in the file, if they are there as printed."""
    if start == end:  # a point: before the line at ``start``, or after the one before it
        if start in position:
            return position[start], position[start]
        if start > 0 and (start - 1) in position:
            return position[start - 1] + 1, position[start - 1] + 1
        if start == base_length == 0:
            return file_length, file_length
        return None
    if any(index not in position for index in range(start, end)):
        return None
    if position[end - 1] - position[start] != end - 1 - start:
        return None
    return position[start], position[end - 1] + 1
