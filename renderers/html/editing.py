"""What the editing controls of `toc serve --edit` need: each box's, link's and indicator's own values.

The panel shows values worded for reading ("held by a partner"); the forms need
them as the file has them ("partner"), and the format's choices for the drop-down
lists. Pure, like the rest of the page's data.
"""

from __future__ import annotations

from toc import fields
from toc.model import Model


def _value(value) -> str:
    if value is None:
        return ""
    if hasattr(value, "value"):  # an enum member
        return str(value.value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def edit_data(model: Model) -> dict:
    """The editable values of every box, link and indicator, and the allowed choices.

    >>> from toc.loading import load_text
    >>> model = load_text("toc: 1\\nnodes:\\n  a: {type: activity, label: Train, leads_to: [b]}\\n"
    ...                   "  b: {type: outcome, term: short, label: Trained}\\n").model
    >>> data = edit_data(model)
    >>> data["nodes"]["b"], data["links"]
    ({'label': 'Trained', 'type': 'outcome', 'term': 'short', 'group': ''}, [['a', 'b', '', '']])
    """
    return {
        "nodes": {node.id: {"label": _value(node.label), "type": _value(node.type), "term": _value(node.term),
                            "group": _value(node.group)} for node in model.nodes.values()},
        "links": [[link.source, link.target, _value(link.assumption), _value(link.evidence)]
                  for link in model.links()],
        "indicators": {node.id: [{"id": _value(indicator.id), "measure": _value(indicator.measure),
                                  "source": _value(indicator.source), "baseline": _value(indicator.baseline),
                                  "target": _value(indicator.target),
                                  "availability": _value(indicator.availability)}
                                 for indicator in node.indicators]
                       for node in model.nodes.values() if node.indicators},
        "choices": {"type": list(fields.NODE_TYPES), "term": list(fields.TERMS),
                    "evidence": list(fields.EVIDENCE_LEVELS), "availability": list(fields.AVAILABILITY)},
    }
