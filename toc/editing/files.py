"""One edit of one model file: never over newer work, never leaving a file that no longer loads.

``edit_file(path, expected_hash, change)`` reads the file, refuses (``StaleModel``)
if its bytes are not the ones the caller loaded (their ``content_hash``), applies
``change`` to the round-trip document, splices the changed lines into the file's
text (``toc.editing.document.splice``), checks that the result loads as a model
(no syntax error, no duplicate key), and writes it atomically through
``toc.output.write_output``, which again refuses if the file changed while the
edit was being made. ``UndoHistory`` keeps the bytes before each edit.
"""

from __future__ import annotations

import collections
import hashlib
import threading
from dataclasses import dataclass
from typing import Callable, Generic, TypeVar

from toc.editing.document import dump_document, keep_prepared, prepared, splice
from toc.errors import UserError
from toc.limits import Limits

Result = TypeVar("Result")
# Findings that mean a file cannot be edited safely (as for toc fmt): a syntax error,
# a duplicate key, a file that is not a mapping.
BLOCKING_CODES = ("TOC001", "TOC002", "TOC006")
# Edits the page can undo, per server run.
UNDO_DEPTH = 50
# A model file larger than this is not edited from the page.
MAX_FILE_BYTES = 8 * 1024 * 1024


class EditRefused(UserError):
    """The edit was not made, and the file was not touched; the message says why."""


class StaleModel(EditRefused):
    """The file is not the version the edit was asked of: someone saved a newer one."""


def content_hash(data: bytes) -> str:
    """The version token of a file's bytes: the edit is refused unless the file still has them."""
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class EditOutcome(Generic[Result]):
    """What an edit did: the change function's answer, and the file's bytes before and after."""

    result: Result
    before: bytes
    after: bytes

    @property
    def hash(self) -> str:
        return content_hash(self.after)


def edit_text(text: str, change: Callable[[object], Result], path: str = "<model>") -> tuple[str, Result]:
    """The model text with ``change`` applied to its round-trip document, and what ``change`` returned.

    Raises EditRefused for a text that cannot be edited safely (or would not load after),
    and whatever ``change`` raises (an EditError) for an edit that cannot be made.
    """
    _refuse_unloadable(text, path, "the file")
    crlf = "\r\n" in text
    lf_text = text.replace("\r\n", "\n") if crlf else text
    try:
        document, before, fresh = prepared(lf_text)
    except Exception as error:  # ruamel reads less than libyaml in a few corners (e.g. some tags)
        raise EditRefused(f"{path}: cannot be edited from here ({type(error).__name__}); edit it in a text editor") \
            from None
    result = change(document)
    after = dump_document(document)
    new_text = splice(lf_text, before, after)
    if not _spliced(new_text, after) and not fresh:
        # The document kept from the last edit places some comment elsewhere than the file
        # does, just where this edit goes: read the file afresh and make the edit again.
        document, before, fresh = prepared(lf_text, fresh=True)
        result = change(document)
        after = dump_document(document)
        new_text = splice(lf_text, before, after)
    if not _spliced(new_text, after):
        # The edit touches lines ruamel prints differently from the file: its own printing of
        # the whole file is used, but only if it keeps every comment.
        if not _keeps_comments(lf_text, after):
            raise EditRefused(f"{path}: this edit cannot be made here without moving the file's comments; "
                              "make it in a text editor")
        new_text = after
    keep_prepared(new_text, document, after)
    if crlf:
        new_text = new_text.replace("\n", "\r\n")
    _refuse_unloadable(new_text, path, "the edited file")
    return new_text, result


_UNREADABLE = object()


def _spliced(new_text: str | None, after: str) -> bool:
    """Whether the splice gave a text holding exactly what ruamel's printing of the edit holds."""
    if new_text is None:
        return False
    data = _data(new_text)
    return data is not _UNREADABLE and data == _data(after)


def _comments(text: str) -> collections.Counter:
    return collections.Counter(line[line.index("#"):].strip() for line in text.splitlines()
                               if line.lstrip().startswith("#"))


def _keeps_comments(before: str, after: str) -> bool:
    """Whether every full-line comment of ``before`` is still in ``after``."""
    return not (_comments(before) - _comments(after))


def _data(text: str):
    """What a text holds, read by libyaml (fast): the splice must not change it."""
    import yaml

    try:
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506 (a safe loader)
    except yaml.YAMLError:
        return _UNREADABLE


def _refuse_unloadable(text: str, path: str, what: str) -> None:
    from toc.loading import load_text

    loaded = load_text(text, path, Limits(), catalogue_dir=None)
    blocking = [finding for finding in loaded.findings if finding.code in BLOCKING_CODES]
    if loaded.model is None or blocking:
        finding = (blocking or loaded.findings)[0]
        raise EditRefused(f"{what} does not load ({finding.code} at line {finding.location.line}: "
                          f"{finding.message}); fix it in a text editor first")


def _read(path: str) -> bytes:
    try:
        with open(path, "rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise EditRefused(f"{path}: cannot read: {error.strerror}") from None
    if len(data) > MAX_FILE_BYTES:
        raise EditRefused(f"{path}: larger than {MAX_FILE_BYTES // (1024 * 1024)} MB; edit it in a text editor")
    return data


def _decode(data: bytes, path: str) -> str:
    from toc.findings import Finding
    from toc.loading.source import decode

    text = decode(data, path)
    if isinstance(text, Finding):
        raise EditRefused(f"{path}: {text.message}")
    return text


def _refuse_if_changed(path: str, data: bytes, expected_hash: str | None) -> None:
    if expected_hash is not None and content_hash(data) != expected_hash:
        raise StaleModel(f"{path} changed on disk since this page loaded it (someone saved it elsewhere); "
                         "nothing was changed: the page now shows the newer version, make the edit again there")


def edit_file(path: str, expected_hash: str | None, change: Callable[[object], Result],
              history: UndoHistory | None = None) -> EditOutcome[Result]:
    """Apply ``change`` to the model file at ``path``, if it still has ``expected_hash``
    (None: whatever it has now), keeping every comment; see the module docstring."""
    from toc.output import write_output

    data = _read(path)
    _refuse_if_changed(path, data, expected_hash)
    bom = data.startswith(b"\xef\xbb\xbf")
    new_text, result = edit_text(_decode(data, path), change, path)
    payload = (b"\xef\xbb\xbf" if bom else b"") + new_text.encode("utf-8")
    if payload != data:
        write_output(path, payload, unchanged_since=data)
        if history is not None:
            history.record(path, data, payload)
    return EditOutcome(result, data, payload)


class UndoHistory:
    """The bytes before each of the last ``depth`` edits, for undo (kept in memory for one server run).

    An undo writes those bytes back, only if the file is still exactly as that edit
    left it: an edit made elsewhere since then is never undone by accident.
    """

    def __init__(self, depth: int = UNDO_DEPTH):
        self._entries: collections.deque[tuple[str, bytes, bytes]] = collections.deque(maxlen=depth)
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._entries)

    def record(self, path: str, before: bytes, after: bytes) -> None:
        with self._lock:
            self._entries.append((path, before, after))

    def undo(self, path: str) -> EditOutcome[None]:
        """Put back the file as it was before the last edit; raises EditRefused if there is none
        or the file changed since."""
        from toc.output import write_output

        with self._lock:
            if not self._entries:
                raise EditRefused("nothing to undo: no edit was made from this page since toc serve started")
            entry_path, before, after = self._entries[-1]
            current = _read(path)
            if entry_path != path or current != after:
                self._entries.clear()  # the history no longer describes the file
                raise StaleModel(f"{path} changed on disk since the last edit from this page; "
                                 "not undone (the newer version is kept)")
            write_output(path, before, unchanged_since=after)
            self._entries.pop()
            return EditOutcome(None, after, before)
