"""`toc import model.xlsx --into MODEL`: the workbook's edits, as changes to the model file.

The workbook is compared with what `toc export` would write for the model as it is
now (``toc.capture.columns.model_rows`` through ``spreadsheet_cell``, the export's
own escaping): a cell that still holds exactly that is unchanged, whatever it looks
like, so a workbook nobody edited changes nothing (the file is not even written).
A cell that differs is read as a value of its column (a drop-down list's choice,
an id, a number or text) or becomes a finding (TOC907: a formula, a value outside
its list, control characters, text too long); a row naming a box that is not
there is TOC908. With any finding nothing is applied, so the model never changes
half way. The changes are applied through ``toc.editing`` (comments, key order
and untouched lines kept byte for byte).

A module of the commands layer (like toc/serving.py): it needs the renderers'
escaping and the editing layer.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from toc import fields
from toc.capture import kinds
from toc.capture.columns import BOXES, INDICATORS, LINKS, QUESTIONS, Column, Sheet, model_rows
from toc.capture.sheets import Cell, Row, Workbook
from toc.editing import operations
from toc.findings import Finding
from toc.model import Model
from toc.renderers.escape import spreadsheet_cell
from toc.suggest import closest

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
_YES, _NO = {"yes", "y", "true", "x", "✓", "1"}, {"no", "n", "false", "0"}
_ID = re.compile(fields.ID_PATTERN)
Edit = Callable[[object], None]


@dataclass
class Plan:
    """What the workbook changes, as edits of the round-trip document, in the order to apply them."""

    edits: list[Edit] = field(default_factory=list)
    deletions: list[Edit] = field(default_factory=list)  # boxes last: their links go with them
    findings: list[Finding] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not self.edits and not self.deletions

    def apply(self, document) -> None:
        for edit in [*self.edits, *self.deletions]:
            edit(document)


def plan_changes(model: Model, workbook: Workbook) -> Plan:
    plan = Plan()
    exported = model_rows(model)
    reader = _Reader(plan.findings)
    boxes_after = _boxes(model, workbook.rows[BOXES.name], exported[BOXES.name], reader, plan)
    _links(model, workbook.rows[LINKS.name], exported[LINKS.name], boxes_after, reader, plan)
    _indicators(model, workbook.rows[INDICATORS.name], exported[INDICATORS.name], boxes_after, reader, plan)
    _questions(model, workbook.rows[QUESTIONS.name], exported[QUESTIONS.name], boxes_after, reader, plan)
    plan.findings.sort(key=lambda finding: (finding.location.sheet, finding.location.line, finding.location.column))
    return plan


# ------------------------------------------------------------------ reading one cell
class _Reader:
    """Reads cells of a column into values, or reports them (TOC907)."""

    def __init__(self, findings: list[Finding]):
        self.findings = findings

    def changed(self, cell: Cell, old) -> bool:
        """Whether the cell holds something else than `toc export` wrote for ``old``."""
        expected = spreadsheet_cell(old)
        got = None if cell.is_blank else cell.value
        if cell.data_type in ("f", "e"):
            return True
        if expected is None or got is None:
            return (expected is None) != (got is None)
        if isinstance(got, bool) or isinstance(expected, bool):
            return True
        if isinstance(expected, (int, float)) and isinstance(got, (int, float)):
            return expected != got
        return expected != got

    def value(self, cell: Cell, column: Column):
        """The cell as a value of its column (None when blank); a finding and ``_BAD`` when unusable."""
        if cell.data_type == "f":
            return self._bad(cell, f"{column.name}: a formula ({str(cell.value)[:40]}); type the value itself",
                             "toc reads what is typed, never what a formula computes")
        if cell.data_type == "e":
            return self._bad(cell, f"{column.name}: an error value ({str(cell.value)[:20]})", None)
        if cell.is_blank:
            return None
        value = cell.value
        if isinstance(value, bool):
            if column.kind == "yes":
                return value or None
            value = "yes" if value else "no"
        if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
            midnight = isinstance(value, datetime.datetime) and value.time() == datetime.time()
            value = value.date().isoformat() if midnight else value.isoformat()
        if isinstance(value, (int, float)):
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            if column.kind == "value":
                return value
            value = str(value)
        text = str(value)
        if text.startswith("'") and spreadsheet_cell(text[1:]) == text:
            text = text[1:]  # the quote `toc export` put before text a spreadsheet would have run
        text = text.strip()
        if _CONTROL.search(text):
            return self._bad(cell, f"{column.name}: control characters (invisible, or ones that rewrite a "
                                   "terminal) in the text", "retype the text without them")
        if len(text) > operations.TEXT_LIMIT:
            return self._bad(cell, f"{column.name}: {len(text):,} characters, over the {operations.TEXT_LIMIT:,} "
                                   "a cell of the workbook may bring in", "write long text in the model file itself")
        if column.choices:
            chosen = text.casefold()
            if column.kind == "yes":
                if chosen in _YES:
                    return True
                if chosen in _NO:
                    return None
            elif chosen in column.choices:
                return chosen
            suggestion = closest(text, column.choices)
            return self._bad(cell, f'{column.name}: "{text[:40]}" is not one of ' + ", ".join(column.choices),
                             f'did you mean "{suggestion}"?' if suggestion else "choose from the drop-down list")
        if column.kind == "id" and not _ID.match(text):
            return self._bad(cell, f'{column.name}: "{text[:40]}" is not an id: ids are one word without spaces',
                             f'use hyphens, e.g. "{"-".join(text.split())[:40]}"')
        if column.kind == "ids":
            return tuple(part for part in re.split(r"[,\s]+", text) if part)
        return text

    def _bad(self, cell: Cell, message: str, hint: str | None):
        self.findings.append(kinds.UNUSABLE_CELL.finding(message, cell.location, hint=hint))
        return _BAD

    def missing(self, cell: Cell, column: Column, what: str) -> None:
        self.findings.append(kinds.UNUSABLE_CELL.finding(
            f"{column.name}: {what} needs one", cell.location,
            hint=("choose from the drop-down list: " + ", ".join(column.choices)) if column.choices else None))

    def unknown(self, cell: Cell, message: str, hint: str | None = None) -> None:
        self.findings.append(kinds.UNKNOWN_ROW_REFERENCE.finding(message, cell.location, hint=hint))


class _Bad:
    def __repr__(self) -> str:
        return "<unusable cell>"


_BAD = _Bad()


def _row_values(row: Row, sheet: Sheet, reader: _Reader, old: list | None) -> dict[str, object] | None:
    """The changed cells of a row (every cell of a new row) as values, or None if one is unusable."""
    values, usable = {}, True
    for index, column in enumerate(sheet.columns):
        cell = row.cells[column.name]
        if old is not None and not reader.changed(cell, old[index]):
            continue
        value = reader.value(cell, column)
        if value is _BAD:
            usable = False
        elif old is None or value != _old_value(old[index], column):
            values[column.name] = value
    return values if usable else None


def _unchanged(row: Row, sheet: Sheet, old: list) -> bool:
    """Whether a row still says what `toc export` wrote (its findings, if any, are left for the
    full reading that follows when it does not)."""
    return _row_values(row, sheet, _Reader([]), old) == {}


def _old_value(old, column: Column):
    if column.kind == "ids":
        return tuple(part for part in re.split(r"[,\s]+", old or "") if part)
    if column.kind == "yes":
        return True if old == "yes" else None
    return old


def _by_cell(ids) -> dict:
    """Each id by the text `toc export` wrote for it (an id with a control character is written
    with the character shown as an escape): how a row's unchanged id cell finds its id."""
    return {spreadsheet_cell(identifier): identifier for identifier in ids if identifier is not None}


def _known(cell: Cell, known: dict):
    """The existing id an id cell still names as exported, or None."""
    if cell.data_type in ("f", "e") or cell.is_blank or isinstance(cell.value, bool):
        return None
    return known.get(cell.value)


def _key(row: Row, name: str, column: Column, reader: _Reader, known: dict):
    cell = row.cells[name]
    found = _known(cell, known)
    return cell, (found if found is not None else reader.value(cell, column))


# ------------------------------------------------------------------ boxes
def _boxes(model: Model, rows: list[Row], exported: list[list], reader: _Reader, plan: Plan) -> set[str]:
    old_rows = {row[0]: row for row in exported}
    known = _by_cell(old_rows)
    seen: dict[str, Row] = {}
    after = set()
    for row in rows:
        cell, node_id = _key(row, "id", BOXES.column("id"), reader, known)
        if node_id is _BAD:
            continue
        if node_id is not None and node_id in seen:
            reader.unknown(cell, f'box "{node_id}" is on two rows (also row {seen[node_id].number})',
                           "each box once: delete or re-id one of the rows")
            continue
        if node_id is not None:
            seen[node_id] = row
            after.add(node_id)
        old = old_rows.get(node_id)
        values = _row_values(row, BOXES, reader, old)
        if values is None or (old is not None and not values):
            continue  # unusable (reported), or as exported: what the model says, right or wrong, stays
        merged = dict(zip(BOXES.names, old)) if old else {}
        merged.update(values)
        if not _box_is_whole(row, merged, reader):
            continue
        if old is None:
            plan.edits.insert(0, _add_box(node_id, merged))
            if node_id is None:
                after.add(operations.derive_id(merged["label"], after | set(model.nodes)))
            continue
        for name, value in values.items():
            plan.edits.append(_edit(operations.set_node_field, node_id, name, value))
    for node_id in old_rows:
        if node_id not in seen:
            plan.deletions.append(_edit(_delete_box, node_id))
    return after


def _box_is_whole(row: Row, values: dict, reader: _Reader) -> bool:
    whole = True
    for name in ("type", "label"):
        if not values.get(name):
            reader.missing(row.cells[name], BOXES.column(name), "a box")
            whole = False
    if values.get("type") == "outcome" and not values.get("term"):
        reader.missing(row.cells["term"], BOXES.column("term"), "an outcome")
        whole = False
    if values.get("term") and values.get("type") not in (None, "outcome"):
        reader.findings.append(kinds.UNUSABLE_CELL.finding(
            f"term: only outcomes have a term, and this is a{'n' if values['type'][0] in 'aeiou' else ''} "
            f"{values['type']}", row.cells["term"].location, hint="empty the cell, or make the box an outcome"))
        whole = False
    return whole


def _add_box(node_id: str | None, values: dict) -> Edit:
    def add(document) -> None:
        new_id = operations.add_node(document, values["label"], values["type"], values.get("term"),
                                     values.get("group"), node_id)
        if values.get("description"):
            operations.set_node_field(document, new_id, "description", values["description"])
    return add


def _delete_box(document, node_id: str) -> None:
    operations.delete_node(document, node_id)


def _edit(function, *arguments) -> Edit:
    return lambda document: function(document, *arguments)


# ------------------------------------------------------------------ links
def _links(model: Model, rows: list[Row], exported: list[list], boxes: set[str], reader: _Reader,
           plan: Plan) -> None:
    old_rows = {(row[0], row[1]): row for row in exported}
    known = _by_cell({*model.nodes, *(end for key in old_rows for end in key)})
    twice = _repeated((row[0], row[1]) for row in exported)
    seen: dict[tuple[str, str], Row] = {}
    for row in rows:
        written = (_known(row.cells["from"], known), _known(row.cells["to"], known))
        if written in old_rows and not set(written) & (set(model.nodes) - boxes) and (
                written in twice or _unchanged(row, LINKS, old_rows[written])):
            seen[written] = row  # as exported (the model's own duplicate links are the model's to fix)
            continue
        ends = []
        for name in ("from", "to"):
            cell, node_id = _key(row, name, LINKS.column(name), reader, known)
            if node_id is None:
                reader.missing(cell, LINKS.column(name), "a link")
            elif node_id is not _BAD and node_id not in boxes:
                reader.unknown(cell, f'{name}: there is no box "{node_id}" on the Boxes sheet',
                               _did_you_mean(node_id, boxes) or "add the box on the Boxes sheet first")
            else:
                ends.append(node_id)
        if len(ends) != 2 or _BAD in ends:
            continue
        key = (ends[0], ends[1])
        if key in seen:
            reader.unknown(row.cells["from"], f'the link {key[0]} -> {key[1]} is on two rows (also row '
                                              f'{seen[key].number})', "delete one of the rows")
            continue
        seen[key] = row
        old = old_rows.get(key)
        values = _row_values(row, LINKS, reader, old)
        if values is None:
            continue
        for assumption in values.get("assumptions") or ():
            if assumption not in model.assumptions:
                reader.unknown(row.cells["assumptions"], f'assumptions: there is no shared assumption "{assumption}"',
                               _did_you_mean(assumption, model.assumptions) or
                               "shared assumptions are written in the model file's assumptions: section")
                values = None
                break
        if values is None:
            continue
        if old is None:
            plan.edits.append(_edit(_add_link, key, values))
            continue
        for name, value in values.items():
            plan.edits.append(_edit(_set_link, key, name, value))
    for key in old_rows:
        if key not in seen:
            plan.edits.insert(0, _edit(_delete_link, key))


def _repeated(keys) -> set:
    """Keys the model itself has twice (two links between the same boxes, an indicator id used twice):
    rows of theirs are left as they are, never guessed between."""
    counted: dict = {}
    for key in keys:
        counted[key] = counted.get(key, 0) + 1
    return {key for key, count in counted.items() if count > 1}


def _did_you_mean(word: str, choices) -> str | None:
    match = closest(word, choices)
    return f'did you mean "{match}"?' if match else None


def _add_link(document, key: tuple[str, str], values: dict) -> None:
    operations.add_link(document, key[0], key[1], values.get("assumption"), values.get("evidence"))
    for name in ("assumptions", "feedback"):
        if values.get(name):
            _set_link(document, key, name, values[name])


def _set_link(document, key: tuple[str, str], name: str, value) -> None:
    if name in operations.LINK_EDITABLE:
        operations.set_link(document, key[0], key[1], name, value)
        return
    links = document["nodes"][key[0]]["leads_to"]
    index = next(index for index, link in enumerate(links) if operations._target_of(link) == key[1])
    link = links[index]
    if isinstance(link, str):
        if not value:
            return
        from ruamel.yaml.comments import CommentedMap

        link = CommentedMap([("to", key[1])])
        links[index] = link
    _put(link, name, list(value) if name == "assumptions" else value, fields.LINK)


def _delete_link(document, key: tuple[str, str]) -> None:
    if key[0] in document.get("nodes", {}):
        try:
            operations.delete_link(document, key[0], key[1])
        except operations.EditError:
            pass  # gone with a deleted box already


def _put(mapping, name: str, value, order) -> None:
    """Set, or with an empty value remove, one field; a new field goes where the format's order puts it
    (as toc.editing does for the fields it edits)."""
    if value in (None, "", (), []):
        mapping.pop(name, None)
        return
    if isinstance(value, list):
        from ruamel.yaml.comments import CommentedSeq

        sequence = CommentedSeq(value)
        sequence.fa.set_flow_style()
        value = sequence
    if name in mapping:
        mapping[name] = value
        return
    known = [entry.name for entry in order]
    rank = known.index(name) if name in known else len(known)
    position = next((index for index, key in enumerate(mapping) if key in known and known.index(key) > rank),
                    len(mapping))
    mapping.insert(position, name, value)


# ------------------------------------------------------------------ indicators
def _indicators(model: Model, rows: list[Row], exported: list[list], boxes: set[str], reader: _Reader,
                plan: Plan) -> None:
    old_rows = {row[1]: row for row in exported}
    known, boxes_known = _by_cell(old_rows), _by_cell(model.nodes)
    twice = _repeated(row[1] for row in exported)
    seen: dict[str, Row] = {}
    for row in rows:
        written = _known(row.cells["id"], known)
        if written in old_rows and old_rows[written][0] in boxes and (
                written in twice or _unchanged(row, INDICATORS, old_rows[written])):
            seen[written] = row  # as exported: left as the model has it
            continue
        box_cell, box = _key(row, "box", INDICATORS.column("box"), reader, boxes_known)
        id_cell, indicator_id = _key(row, "id", INDICATORS.column("id"), reader, known)
        if box is None:
            reader.missing(box_cell, INDICATORS.column("box"), "an indicator")
            continue
        if box is _BAD or indicator_id is _BAD:
            continue
        if box not in boxes:
            reader.unknown(box_cell, f'box: there is no box "{box}" on the Boxes sheet',
                           _did_you_mean(box, boxes) or "add the box on the Boxes sheet first")
            continue
        if indicator_id is not None:
            if indicator_id in seen:
                reader.unknown(id_cell, f'indicator "{indicator_id}" is on two rows (also row '
                                        f'{seen[indicator_id].number})', "indicator ids are unique in a model")
                continue
            seen[indicator_id] = row
        old = old_rows.get(indicator_id)
        values = _row_values(row, INDICATORS, reader, old)
        if values is None:
            continue
        merged = dict(zip(INDICATORS.names, old)) if old else {}
        merged.update(values)
        if not merged.get("measure"):
            reader.missing(row.cells["measure"], INDICATORS.column("measure"), "an indicator")
            continue
        if old is None:
            plan.edits.append(_edit(_add_indicator, box, indicator_id, merged))
            continue
        if "box" in values:
            plan.edits.append(_edit(_move_indicator, old[0], box, indicator_id))
        for name, value in values.items():
            if name not in ("box", "id"):
                plan.edits.append(_edit(_set_indicator, box, indicator_id, name, value))
    for indicator_id, old in old_rows.items():
        if indicator_id not in seen:
            plan.edits.insert(0, _edit(_delete_indicator, old[0], indicator_id))


def _text(value) -> str | None:
    return None if value is None else str(value)


def _add_indicator(document, box: str, indicator_id: str | None, values: dict) -> None:
    new_id = operations.add_indicator(document, box, values["measure"], indicator_id)
    for name, value in values.items():
        if name not in ("box", "id", "measure") and value is not None:
            _set_indicator(document, box, new_id, name, value)


def _set_indicator(document, box: str, indicator_id: str, name: str, value) -> None:
    if name in operations.INDICATOR_EDITABLE:
        operations.set_indicator(document, box, indicator_id, name, _text(value))
    else:
        _put(operations._indicator(document["nodes"][box], box, indicator_id), name, value, fields.INDICATOR)


def _move_indicator(document, old_box: str, new_box: str, indicator_id: str) -> None:
    from ruamel.yaml.comments import CommentedSeq

    source = document["nodes"][old_box]
    indicator = operations._indicator(source, old_box, indicator_id)
    source["indicators"].remove(indicator)
    if not source["indicators"]:
        del source["indicators"]
    target = document["nodes"][new_box]
    if not isinstance(target.get("indicators"), list):
        target_list = CommentedSeq()
        position = next((index for index, key in enumerate(target) if key == "leads_to"), len(target))
        target.insert(position, "indicators", target_list)
    target["indicators"].append(indicator)


def _delete_indicator(document, box: str, indicator_id: str) -> None:
    if box in document.get("nodes", {}):
        operations.delete_indicator(document, box, indicator_id)


# ------------------------------------------------------------------ questions
def _questions(model: Model, rows: list[Row], exported: list[list], boxes: set[str], reader: _Reader,
               plan: Plan) -> None:
    old_rows = {row[0]: row for row in exported}
    known = _by_cell(old_rows)
    twice = _repeated(row[0] for row in exported)
    seen: dict[str, Row] = {}
    for row in rows:
        written = _known(row.cells["id"], known)
        named = set(_old_value(old_rows[written][3], QUESTIONS.column("boxes"))) if written in old_rows else set()
        if written in old_rows and not named & (set(model.nodes) - boxes) and (
                written in twice or _unchanged(row, QUESTIONS, old_rows[written])):
            seen[written] = row
            continue
        cell, question_id = _key(row, "id", QUESTIONS.column("id"), reader, known)
        if question_id is None:
            reader.missing(cell, QUESTIONS.column("id"), "a question")
            continue
        if question_id is _BAD:
            continue
        if question_id in seen:
            reader.unknown(cell, f'question "{question_id}" is on two rows (also row {seen[question_id].number})',
                           "question ids are unique")
            continue
        seen[question_id] = row
        old = old_rows.get(question_id)
        values = _row_values(row, QUESTIONS, reader, old)
        if values is None:
            continue
        named = values["boxes"] if "boxes" in values else _old_value(old[3], QUESTIONS.column("boxes")) if old else ()
        unknown = [node_id for node_id in named or () if node_id not in boxes]
        if unknown:
            reader.unknown(row.cells["boxes"], f'boxes: there is no box "{unknown[0]}" on the Boxes sheet',
                           _did_you_mean(unknown[0], boxes))
            continue
        merged = dict(zip(QUESTIONS.names, old)) if old else {}
        merged.update(values)
        if old is None:
            missing = [name for name in ("kind", "text") if not merged.get(name)]
            for name in missing:
                reader.missing(row.cells[name], QUESTIONS.column(name), "a question")
            if not missing:
                plan.edits.append(_edit(_add_question, question_id, merged))
            continue
        for name, value in values.items():
            plan.edits.append(_edit(_set_question, question_id, name, value))
    for question_id in old_rows:
        if question_id not in seen:
            plan.edits.insert(0, _edit(_delete_question, question_id))


# Question fields by the Questions sheet's column names.
_QUESTION_FIELD = {"boxes": "nodes"}


def _question_list(document, create: bool = False):
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    evaluation = document.get("evaluation")
    if not isinstance(evaluation, dict):
        if not create:
            return None
        evaluation = CommentedMap()
        document["evaluation"] = evaluation
    questions = evaluation.get("questions")
    if not isinstance(questions, list):
        if not create:
            return None
        questions = CommentedSeq()
        evaluation["questions"] = questions
    return questions


def _question(document, question_id: str):
    for question in _question_list(document) or ():
        if isinstance(question, dict) and str(question.get("id")) == question_id:
            return question
    raise operations.EditError(f'there is no question "{question_id}"')


def _add_question(document, question_id: str, values: dict) -> None:
    from ruamel.yaml.comments import CommentedMap

    question = CommentedMap([("id", question_id)])
    _question_list(document, create=True).append(question)
    for name, value in values.items():
        if name != "id":
            _set_question(document, question_id, name, value)


def _set_question(document, question_id: str, name: str, value) -> None:
    value = list(value) if isinstance(value, tuple) else value
    _put(_question(document, question_id), _QUESTION_FIELD.get(name, name), value, fields.QUESTION)


def _delete_question(document, question_id: str) -> None:
    questions = _question_list(document)
    questions.remove(_question(document, question_id))
    if not questions:
        del document["evaluation"]["questions"]
