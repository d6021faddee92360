"""The edits `toc import` makes to a model's round-trip document, for the workbook's changes.

Boxes, links and indicators are changed through toc.editing's operations (as
`toc serve --edit` changes them); the fields and records those do not edit
(a box's or link's status, a link's shared assumptions and feedback, an
indicator's notes, moving an indicator, evaluation questions) are changed here,
each new field placed where the format's field order puts it.
"""

from __future__ import annotations

from collections.abc import Callable

from toc import fields
from toc.editing import operations

# One edit of the round-trip document.
Edit = Callable[[object], None]


def add_box(node_id: str | None, values: dict) -> Edit:
    def add(document) -> None:
        new_id = operations.add_node(document, values["label"], values["type"], values.get("term"),
                                     values.get("group"), node_id)
        for name in ("description", "status"):
            if values.get(name):
                set_box(document, new_id, name, values[name])
    return add


def set_box(document, node_id: str, name: str, value) -> None:
    if name in operations.NODE_EDITABLE:
        operations.set_node_field(document, node_id, name, value)
    else:  # a field toc.editing does not edit from the page (status)
        put(document["nodes"][node_id], name, value, fields.NODE)


def delete_box(document, node_id: str) -> None:
    operations.delete_node(document, node_id)


def add_link(document, key: tuple[str, str], values: dict) -> None:
    operations.add_link(document, key[0], key[1], values.get("assumption"), values.get("evidence"))
    for name in ("assumptions", "feedback", "status"):
        if values.get(name):
            set_link(document, key, name, values[name])


def set_link(document, key: tuple[str, str], name: str, value) -> None:
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
    put(link, name, list(value) if name == "assumptions" else value, fields.LINK)


def delete_link(document, key: tuple[str, str]) -> None:
    if key[0] in document.get("nodes", {}):
        try:
            operations.delete_link(document, key[0], key[1])
        except operations.EditError:
            pass  # gone with a deleted box already


def put(mapping, name: str, value, order) -> None:
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


def _text(value) -> str | None:
    return None if value is None else str(value)


def add_indicator(document, box: str, indicator_id: str | None, values: dict) -> None:
    new_id = operations.add_indicator(document, box, values["measure"], indicator_id)
    for name, value in values.items():
        if name not in ("box", "id", "measure") and value is not None:
            set_indicator(document, box, new_id, name, value)


def set_indicator(document, box: str, indicator_id: str, name: str, value) -> None:
    if name in operations.INDICATOR_EDITABLE:
        operations.set_indicator(document, box, indicator_id, name, _text(value))
    else:
        put(operations._indicator(document["nodes"][box], box, indicator_id), name, value, fields.INDICATOR)


def move_indicator(document, old_box: str, new_box: str, indicator_id: str) -> None:
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


def delete_indicator(document, box: str, indicator_id: str) -> None:
    if box in document.get("nodes", {}):
        operations.delete_indicator(document, box, indicator_id)


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


def add_question(document, question_id: str, values: dict) -> None:
    from ruamel.yaml.comments import CommentedMap

    question = CommentedMap([("id", question_id)])
    _question_list(document, create=True).append(question)
    for name, value in values.items():
        if name != "id":
            set_question(document, question_id, name, value)


def set_question(document, question_id: str, name: str, value) -> None:
    value = list(value) if isinstance(value, tuple) else value
    put(_question(document, question_id), _QUESTION_FIELD.get(name, name), value, fields.QUESTION)


def delete_question(document, question_id: str) -> None:
    questions = _question_list(document)
    questions.remove(_question(document, question_id))
    if not questions:
        del document["evaluation"]["questions"]

