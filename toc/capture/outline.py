"""An indented Markdown outline of a theory of change, as people type one during a workshop.

    # Wirral: reducing parental conflict        <- the title
    ## Activities                               <- a stage heading for the items below it
    - Multi-agency RPC training
      - leads to: Professionals trained         <- a link, by a note's text (or #number)
      - Output: Training evaluations returned   <- a new note, which this one leads to
      - group: Workforce
    - Need: Parents argue in front of children  <- a stage written on the item itself

Items are ``-``, ``*``, ``+`` or numbered (``3.``: the note is number 3, and ``leads to
3`` names it). A stage written on an item (``Need: ...``) wins over the heading it is
under. Lines that are neither (paragraphs, nested items that are not ``leads to``,
``group:`` or a note with its stage) are reported, not guessed at.
"""

from __future__ import annotations

import re

from toc.capture import kinds
from toc.capture.draft import Draft, Note, Reference, build_draft
from toc.capture.notes import clean_text
from toc.capture.stages import names_no_term, stage_of
from toc.findings import Finding
from toc.model import Location, Stage

_OUTCOME_STAGES = (Stage.SHORT_TERM_OUTCOME, Stage.MEDIUM_TERM_OUTCOME, Stage.LONG_TERM_OUTCOME)

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_ITEM = re.compile(r"^(\s*)(?:[-*+]|(\d+)[.)])\s+(.*)$")
_LEADS_TO = re.compile(r"^(?:leads\s+to|leads|links?\s+to|then|->|→|=>)\s*:?\s*(.+)$", re.I)
_GROUP = re.compile(r"^(?:group|theme|strand)\s*:\s*(.+)$", re.I)
_PREFIX = re.compile(r"^([^:]{1,40}?)\s*:\s+(.+)$")


def read_outline(data: bytes, path: str, title: str | None = None) -> Draft:
    findings: list[Finding] = []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    notes: list[Note] = []
    heading, heading_location = "", Location(path, 1, 1)
    stack: list[tuple[int, Note]] = []  # the notes the next nested item may belong to, by indent
    in_code = False
    for number, line in enumerate(text.splitlines(), start=1):
        if line.lstrip().startswith("```"):
            in_code = not in_code
            continue
        if in_code or not line.strip():
            continue
        line = line.replace("\t", "    ")
        if match := _HEADING.match(line):
            words = match.group(2)
            if len(match.group(1)) == 1 and title is None and not notes and stage_of(words) is None:
                title = words
            else:
                heading, heading_location = words, Location(path, number, len(match.group(1)) + 2)
            stack.clear()
            continue
        item = _ITEM.match(line)
        if item is None:
            if not line.startswith((" ", ">")) and not stack:
                continue  # a paragraph of prose between lists: not a note, nothing to report
            findings.append(kinds.UNREADABLE_NOTES.finding(
                "line is not a list item: not read", Location(path, number, len(line) - len(line.lstrip()) + 1),
                hint="write notes as `- text` under a stage heading, links as `  - leads to: text`"))
            continue
        indent, column = len(item.group(1)), len(line) - len(item.group(3)) + 1
        content = clean_text(item.group(3), Location(path, number, column), findings).strip()
        while stack and stack[-1][0] >= indent:
            stack.pop()
        parent = stack[-1][1] if stack else None
        where = Location(path, number, column)
        if parent is not None and (link := _LEADS_TO.match(content)):
            parent.leads_to.extend(Reference(part.strip(), where) for part in re.split(r"\s*;\s*", link.group(1))
                                   if part.strip())
            continue
        if parent is not None and (group := _GROUP.match(content)):
            parent.group = group.group(1).strip()
            continue
        note_heading, note_heading_location, words = heading, heading_location, content
        prefix = _PREFIX.match(content)
        if prefix and names_no_term(prefix.group(1)) and stage_of(heading) in _OUTCOME_STAGES:
            words = prefix.group(2).strip()  # "- Outcome: ..." under "## Short-term outcomes": the heading's term
        elif prefix and (stage_of(prefix.group(1)) is not None or names_no_term(prefix.group(1))
                         or (not heading and parent is None and len(prefix.group(1).split()) <= 4)):
            note_heading, note_heading_location, words = prefix.group(1), where, prefix.group(2).strip()
        elif parent is not None:
            findings.append(kinds.UNREADABLE_NOTES.finding(
                f'nested item "{content[:60]}" is neither a link nor a note with its stage: not read', where,
                hint=f"write `- leads to: {content[:40]}` to link to a note, or `- Outcome (short): ...` for a new "
                     "note that this one leads to"))
            continue
        note = Note(text=words, heading=note_heading, location=where, heading_location=note_heading_location,
                    number=item.group(2))
        if parent is not None:
            parent.leads_to.append(Reference(words, where, target=note))
        notes.append(note)
        stack.append((indent, note))
    return build_draft(notes, path, title, findings)

