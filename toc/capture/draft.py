"""Notes from a workshop, made into a draft model: ids derived, links resolved, YAML written.

``notes`` (CSV) and ``outline`` (Markdown) each read their file into ``Note`` records
and call ``build_draft``; the draft is YAML text that `toc check` loads (ids unique,
every value quoted where YAML would read it as something else), plus the findings
about what could not be decided. Nothing is guessed: a note whose stage is unknown
is left out of the model and listed in a comment at the end of the draft, so no
note is lost; a "leads to" that names no note, or several, makes no link.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from toc.capture import kinds
from toc.capture.stages import KNOWN_HEADINGS, names_no_term, nearest_heading, stage_of
from toc.findings import Finding, Related
from toc.model import Location, Stage

# (type, term) of each stage, as the format writes them.
_TYPE_OF_STAGE = {
    Stage.NEED: ("need", None), Stage.INPUT: ("input", None), Stage.ACTIVITY: ("activity", None),
    Stage.OUTPUT: ("output", None), Stage.SHORT_TERM_OUTCOME: ("outcome", "short"),
    Stage.MEDIUM_TERM_OUTCOME: ("outcome", "medium"), Stage.LONG_TERM_OUTCOME: ("outcome", "long"),
    Stage.IMPACT: ("impact", None),
}
# Words left out of a derived id, so that ids read as the note's gist.
_SMALL_WORDS = frozenset("a an the of for to and in on at with by from as is are be been our their its into "
                         "who which that this these those more between than so they can will".split())
_ID_WORDS, _ID_LENGTH = 5, 48


@dataclass
class Reference:
    """A "leads to" as written: a note's number or its text, and where it is written."""

    text: str
    location: Location
    target: Note | None = None  # a note written nested under this one: no need to look it up


@dataclass
class Note:
    """One sticky note as read: its words, the heading it was under, where it was."""

    text: str
    heading: str
    location: Location  # of the text
    heading_location: Location
    number: str | None = None  # how "leads to" may name it, besides its text
    group: str | None = None
    leads_to: list[Reference] = field(default_factory=list)
    # Set by build_draft.
    stage: Stage | None = None
    id: str | None = None


@dataclass
class Draft:
    """The draft model's YAML text, and the findings about what could not be decided."""

    text: str
    findings: list[Finding]
    boxes: int
    links: int


def build_draft(notes: list[Note], source: str, title: str | None, findings: list[Finding]) -> Draft:
    """Place the notes in stages, merge repeats, derive ids, resolve links, write the YAML."""
    placed = _placed(notes, findings)
    kept = _without_repeats(placed, findings)
    _derive_ids(kept)
    box_of = {(normal_text(note.text), note.stage): note for note in kept}
    for note in placed:  # a repeated note is its first note's box
        note.id = box_of[(normal_text(note.text), note.stage)].id
    by_number, by_text = _index(notes, kept)
    links: dict[str, list[str]] = {note.id: [] for note in kept}
    for note in placed:
        owner = box_of[(normal_text(note.text), note.stage)]
        for reference in note.leads_to:
            target = _resolve(reference, by_number, by_text, findings)
            if target is not None and target.id is not None and target.id not in links[owner.id]:
                links[owner.id].append(target.id)
    unplaced = [note for note in notes if note.stage is None]
    text = _yaml(kept, links, unplaced, source, title)
    return Draft(text, sorted(findings, key=lambda f: (f.location, f.code)), len(kept),
                 sum(len(targets) for targets in links.values()))


def _placed(notes: list[Note], findings: list[Finding]) -> list[Note]:
    placed = []
    for note in notes:
        note.stage = stage_of(note.heading) if note.heading.strip() else None
        if note.stage is not None:
            placed.append(note)
            continue
        shown = _short(note.heading)
        if not note.heading.strip():
            message = f'note "{_short(note.text)}" has no stage: left out of the draft'
            hint = "write its column heading, e.g. " + ", ".join(KNOWN_HEADINGS)
        elif names_no_term(note.heading):
            message = f'"{shown}" does not say which outcomes: note "{_short(note.text)}" left out of the draft'
            hint = "write Short-term outcomes, Medium-term outcomes or Long-term outcomes"
        else:
            message = f'"{shown}" is not a stage toc knows: note "{_short(note.text)}" left out of the draft'
            nearest = nearest_heading(note.heading)
            if nearest == "Outcomes":
                hint = 'did you mean outcomes? write Short-term outcomes, Medium-term outcomes or Long-term outcomes'
            else:
                hint = (f'did you mean "{nearest}"? ' if nearest else "") + "stages: " + ", ".join(KNOWN_HEADINGS)
        findings.append(kinds.UNKNOWN_STAGE.finding(message, note.heading_location, hint=hint))
    return placed


def normal_text(text: str) -> str:
    """How two notes are compared: case, spacing and end punctuation do not count."""
    return " ".join(re.findall(r"[^\W_]+", text.casefold()))


def _without_repeats(placed: list[Note], findings: list[Finding]) -> list[Note]:
    """One box per text and stage: a note written twice (two people, one idea) is one box."""
    first: dict[tuple[str, Stage], Note] = {}
    other_stage: dict[str, Note] = {}
    kept = []
    for note in placed:
        key = (normal_text(note.text), note.stage)
        if key in first:
            original = first[key]
            findings.append(kinds.DUPLICATE_NOTE.finding(
                f'"{_short(note.text)}" is already a note in {note.stage.column_title}: made one box',
                note.location, related=(Related(original.location, "first written here"),),
                hint="if they are different ideas, reword one of them"))
            continue
        if key[0] in other_stage:
            original = other_stage[key[0]]
            findings.append(kinds.DUPLICATE_NOTE.finding(
                f'"{_short(note.text)}" is also a note in {original.stage.column_title}: kept as two boxes',
                note.location, related=(Related(original.location, "also written here"),),
                hint='a "leads to" naming this text is ambiguous; reword one, or name notes by number'))
        first[key] = note
        other_stage.setdefault(key[0], note)
        kept.append(note)
    return kept


def derive_id(text: str) -> str:
    """A readable id from a note's words: "Professionals trained to support parents" ->
    "professionals-trained-support-parents"."""
    words = re.findall(r"[^\W_]+", text.casefold())
    meaningful = [word for word in words if word not in _SMALL_WORDS] or words
    chosen: list[str] = []
    for word in meaningful[:_ID_WORDS]:
        if chosen and len("-".join([*chosen, word])) > _ID_LENGTH:
            break
        chosen.append(word[:_ID_LENGTH])
    return "-".join(chosen) or "note"


def unique_id(wanted: str, taken: set[str]) -> str:
    """``wanted``, or ``wanted-2``, ``wanted-3``... whichever is free; then taken."""
    candidate, number = wanted, 1
    while candidate in taken:
        number += 1
        candidate = f"{wanted}-{number}"
    taken.add(candidate)
    return candidate


def _derive_ids(kept: list[Note]) -> None:
    taken: set[str] = set()
    for note in kept:  # in the order written: the same notes always get the same ids
        note.id = unique_id(derive_id(note.text), taken)


def _index(notes: list[Note], kept: list[Note]):
    by_number: dict[str, Note] = {}
    for note in notes:
        if note.number:
            by_number.setdefault(note.number.casefold(), note)
    by_text: dict[str, list[Note]] = {}
    for note in kept:
        by_text.setdefault(normal_text(note.text), []).append(note)
    for note in notes:  # notes left out can still be named; the link is then left out too
        if note.stage is None:
            by_text.setdefault(normal_text(note.text), []).append(note)
    return by_number, by_text


_NUMBER = re.compile(r"^(?:#|no\.?\s*|note\s*|n)?\s*(\d+)$", re.I)


def _resolve(reference: Reference, by_number: dict, by_text: dict, findings: list[Finding]) -> Note | None:
    written = reference.text.strip()
    number = _NUMBER.match(written)
    if reference.target is not None:
        target = reference.target
    elif number and number.group(1).casefold() in by_number:
        target = by_number[number.group(1).casefold()]
    elif number and normal_text(written) not in by_text:
        findings.append(kinds.UNKNOWN_NOTE.finding(
            f'"leads to" names note {number.group(1)}, and there is no note {number.group(1)}: no link made',
            reference.location, hint="name the note by its number (the # column, or its row) or its text"))
        return None
    else:
        candidates = by_text.get(normal_text(written), [])
        if len(candidates) > 1:
            findings.append(kinds.AMBIGUOUS_NOTE.finding(
                f'"leads to" names "{_short(written)}", which is a note in '
                + " and in ".join(_stage_name(note) for note in candidates) + ": no link made",
                reference.location, related=tuple(Related(note.location, "this note") for note in candidates),
                hint="name the note by its number instead, or reword one of the notes"))
            return None
        if not candidates:
            import difflib

            texts = {note.text: note for notes in by_text.values() for note in notes}
            near = difflib.get_close_matches(written, list(texts), n=1, cutoff=0.7) if len(written) < 300 else []
            findings.append(kinds.UNKNOWN_NOTE.finding(
                f'"leads to" names "{_short(written)}", which is no note\'s text: no link made',
                reference.location, hint=(f'did you mean "{_short(near[0])}"?' if near
                                          else "copy the note's text exactly, or name it by number")))
            return None
        target = candidates[0]
    if target.stage is None:
        return None  # left out of the draft (its own finding says why); so is the link
    return target


def _stage_name(note: Note) -> str:
    return note.stage.column_title if note.stage is not None else f'"{_short(note.heading)}"'


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ------------------------------------------------------------------ the YAML text
_PLAIN = re.compile(r"^[^\W_][^\n\r\t:#\"'`{}\[\]|>*&!%@]*$")


def yaml_text(text: str) -> str:
    """``text`` as a YAML scalar that reads back as exactly this text: plain when it can be,
    else double-quoted with every character YAML cannot carry as written escaped."""
    if _PLAIN.match(text) and text == text.strip() and len(text) < 1000:
        try:
            if yaml.safe_load(f"k: {text}") == {"k": text}:
                return text
        except yaml.YAMLError:
            pass
    return '"' + "".join(_escaped(character) for character in text) + '"'


def _escaped(character: str) -> str:
    code = ord(character)
    if character in '"\\':
        return "\\" + character
    if character == "\n":
        return "\\n"
    if character == "\t":
        return "\\t"
    if code < 0x20 or 0x7F <= code < 0xA0 or 0xD800 <= code < 0xE000 or code in (0x2028, 0x2029, 0xFEFF) \
            or code in (0xFFFE, 0xFFFF):
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    return character


def comment_text(text: str) -> str:
    """Text on one comment line: control and line-breaking characters shown as escapes."""
    return "".join(character if character.isprintable() or character == " " else
                   (f"\\x{ord(character):02x}" if ord(character) < 0x100 else f"\\u{ord(character):04x}")
                   for character in text)


def _yaml(kept: list[Note], links: dict[str, list[str]], unplaced: list[Note], source: str,
          title: str | None) -> str:
    lines = [f"# Draft theory of change from {comment_text(source)}, made by `toc import`.",
             "# Ids were derived from the notes' words; rename them freely (and every link naming them).",
             "toc: 1"]
    if title:
        lines.append(f"title: {yaml_text(title)}")
    lines.append("nodes:")
    for note in sorted(kept, key=lambda note: note.stage):  # by column; within one, as written
        node_type, term = _TYPE_OF_STAGE[note.stage]
        lines.append(f"  {yaml_text(note.id)}:")
        lines.append(f"    type: {node_type}")
        if term:
            lines.append(f"    term: {term}")
        lines.append(f"    label: {yaml_text(note.text.strip())}")
        if note.group and note.group.strip():
            lines.append(f"    group: {yaml_text(note.group.strip())}")
        if links[note.id]:
            lines.append("    leads_to: [" + ", ".join(yaml_text(target) for target in links[note.id]) + "]")
    if not kept:
        lines[-1] = "nodes: {}"
    if unplaced:
        lines.append("# Notes toc could not place (see the findings of `toc import`); add them above by hand:")
        for note in unplaced:
            lines.append(f"#   {comment_text(str(note.location))} ({comment_text(_short(note.heading) or 'no stage')})"
                         f": {comment_text(' '.join(note.text.split()))}")
    return "\n".join(lines) + "\n"
