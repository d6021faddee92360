"""The edits a page asks for, as JSON objects, checked and turned into ``toc.editing`` operations.

One request is one edit: ``{"action": "add-node", "label": "...", "type": "outcome", ...}``.
Every value is checked for its kind here (a request is untrusted input); what
the values may be is checked by the operations. ``apply_action`` answers with a
sentence for the page and the box the page should show next.
"""

from __future__ import annotations

from dataclasses import dataclass

from toc.editing import operations
from toc.editing.files import EditOutcome, UndoHistory, edit_file
from toc.editing.operations import EditError


@dataclass(frozen=True)
class ActionResult:
    message: str  # what happened, in a sentence the page announces
    focus: str | None  # the box to select after the redraw (None: the whole model)
    outcome: EditOutcome


def _text(request: dict, name: str, required: bool = False) -> str | None:
    value = request.get(name)
    if value is None or value == "":
        if required:
            raise EditError(f"{name}: required")
        return None
    if not isinstance(value, str):
        raise EditError(f"{name}: give text")
    return value


def _fields(request: dict, names: tuple[str, ...]) -> dict[str, str | None]:
    """The fields a request sets: present keys only (an empty string removes the field)."""
    return {name: (_text(request, name) or "") for name in names if name in request}


def apply_action(path: str, request: dict, expected_hash: str | None, history: UndoHistory) -> ActionResult:
    """Make the edit ``request`` asks for in the model file at ``path`` (see the module docstring)."""
    action = request.get("action")
    if action == "undo":
        return ActionResult("Undone: the file is back as it was before the last edit.", None, history.undo(path))
    handler = _ACTIONS.get(action) if isinstance(action, str) else None
    if handler is None:
        raise EditError(f"unknown action; use one of {', '.join(sorted(_ACTIONS))} or undo")
    return handler(path, request, expected_hash, history)


def _add_node(path, request, expected_hash, history) -> ActionResult:
    label = _text(request, "label", required=True)
    outcome = edit_file(path, expected_hash, lambda document: operations.add_node(
        document, label, _text(request, "type", required=True), _text(request, "term"), _text(request, "group"),
        _text(request, "id")), history)
    return ActionResult(f'Added the box "{label}".', outcome.result, outcome)


def _set_node(path, request, expected_hash, history) -> ActionResult:
    node_id = _text(request, "node", required=True)
    values = _fields(request, operations.NODE_EDITABLE)
    if not values:
        raise EditError("nothing to change: give a label, type, term, group or description")

    def change(document):
        for name, value in values.items():
            operations.set_node_field(document, node_id, name, value)

    outcome = edit_file(path, expected_hash, change, history)
    return ActionResult("Saved the box.", node_id, outcome)


def _delete_node(path, request, expected_hash, history) -> ActionResult:
    node_id = _text(request, "node", required=True)
    outcome = edit_file(path, expected_hash, lambda document: operations.delete_node(document, node_id), history)
    links = len(outcome.result)
    return ActionResult(f'Deleted the box "{node_id}" and {links} link{"" if links == 1 else "s"}.', None, outcome)


def _add_link(path, request, expected_hash, history) -> ActionResult:
    source, target = _text(request, "source", required=True), _text(request, "target", required=True)
    outcome = edit_file(path, expected_hash, lambda document: operations.add_link(
        document, source, target, _text(request, "assumption"), _text(request, "evidence")), history)
    return ActionResult("Added the link.", source, outcome)


def _set_link(path, request, expected_hash, history) -> ActionResult:
    source, target = _text(request, "source", required=True), _text(request, "target", required=True)
    values = _fields(request, operations.LINK_EDITABLE)

    def change(document):
        for name, value in values.items():
            operations.set_link(document, source, target, name, value)

    outcome = edit_file(path, expected_hash, change, history)
    return ActionResult("Saved the link.", source, outcome)


def _delete_link(path, request, expected_hash, history) -> ActionResult:
    source, target = _text(request, "source", required=True), _text(request, "target", required=True)
    outcome = edit_file(path, expected_hash, lambda document: operations.delete_link(document, source, target),
                        history)
    return ActionResult("Deleted the link.", source, outcome)


def _add_indicator(path, request, expected_hash, history) -> ActionResult:
    node_id = _text(request, "node", required=True)
    measure = _text(request, "measure", required=True)
    values = _fields(request, tuple(name for name in operations.INDICATOR_EDITABLE if name != "measure"))
    outcome = edit_file(path, expected_hash, lambda document: operations.add_indicator(
        document, node_id, measure, _text(request, "id"), **values), history)
    return ActionResult(f'Added the indicator "{measure}".', node_id, outcome)


def _set_indicator(path, request, expected_hash, history) -> ActionResult:
    node_id = _text(request, "node", required=True)
    indicator_id = _text(request, "indicator", required=True)
    values = _fields(request, operations.INDICATOR_EDITABLE)

    def change(document):
        for name, value in values.items():
            operations.set_indicator(document, node_id, indicator_id, name, value)

    outcome = edit_file(path, expected_hash, change, history)
    return ActionResult("Saved the indicator.", node_id, outcome)


def _delete_indicator(path, request, expected_hash, history) -> ActionResult:
    node_id = _text(request, "node", required=True)
    indicator_id = _text(request, "indicator", required=True)
    outcome = edit_file(path, expected_hash, lambda document: operations.delete_indicator(
        document, node_id, indicator_id), history)
    return ActionResult("Deleted the indicator.", node_id, outcome)


_ACTIONS = {
    "add-node": _add_node, "set-node": _set_node, "delete-node": _delete_node,
    "add-link": _add_link, "set-link": _set_link, "delete-link": _delete_link,
    "add-indicator": _add_indicator, "set-indicator": _set_indicator, "delete-indicator": _delete_indicator,
}
