"""The edits, as small typed functions on a model's round-trip document.

Each takes the document (``toc.editing.document.load_document``) and changes it in
place, or raises ``EditError`` (one line, saying what to do) and changes nothing.
They check what an edit must not break (an id that exists, a value from the
format's choices) and leave everything else to ``toc check``, which the page runs
after every edit: a box without indicators is a finding, not a refusal.

A value given as ``None`` or ``""`` to a ``set_`` function removes the field
(except the fields a box cannot do without: label and type).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from toc import fields
from toc.errors import UserError

# Node fields the page edits, and link and indicator fields: each in the format's choices where it has them.
NODE_EDITABLE = ("label", "type", "term", "group", "description")
LINK_EDITABLE = ("assumption", "evidence")
INDICATOR_EDITABLE = ("measure", "source", "baseline", "target", "availability", "unit", "frequency", "owner")
# An id made from a label is cut to this many characters (at a word end where possible).
ID_LENGTH = 40
# A text field longer than this is refused: a paste gone wrong, not words for a box.
TEXT_LIMIT = 5000

_CHOICES = {
    "type": fields.NODE_TYPES,
    "term": fields.TERMS,
    "evidence": fields.EVIDENCE_LEVELS,
    "availability": fields.AVAILABILITY,
}
_NUMBER = re.compile(r"-?(0|[1-9][0-9]{0,15})(\.[0-9]{1,15})?")


class EditError(UserError):
    """An edit that cannot be made as asked (an unknown id, a value not allowed)."""


@dataclass(frozen=True)
class Link:
    """A link as a deletion reports it: from which box to which."""

    source: str
    target: str


def derive_id(label: str, taken=()) -> str:
    """A short, readable id made from a label, not one in ``taken``.

    >>> derive_id("Parents argue less (self-report)")
    'parents-argue-less-self-report'
    >>> derive_id("Parents argue less", taken={"parents-argue-less"})
    'parents-argue-less-2'
    >>> derive_id("???")
    'box'
    """
    ascii_text = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    base = ""
    for word in words:
        candidate = f"{base}-{word}" if base else word
        if len(candidate) > ID_LENGTH:
            break
        base = candidate
    base = base or (words[0][:ID_LENGTH] if words else "box")
    taken = set(taken)
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"


def _nodes(document: CommentedMap) -> CommentedMap:
    nodes = document.get("nodes")
    if nodes is None:
        nodes = CommentedMap()
        document["nodes"] = nodes
    if not isinstance(nodes, CommentedMap):
        raise EditError("the model's nodes: is not a mapping of id to box; fix it in the file first")
    return nodes


def _node(document: CommentedMap, node_id: str) -> CommentedMap:
    nodes = _nodes(document)
    if node_id not in nodes:
        raise EditError(f'there is no box "{node_id}" (it may have been deleted); reload the page')
    node = nodes[node_id]
    if not isinstance(node, CommentedMap):
        raise EditError(f'box "{node_id}" is not a mapping of fields; fix it in the file first')
    return node


def _text(name: str, value) -> str | None:
    """A field's new value from a form: None to remove it, else checked text."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise EditError(f"{name}: give text")
    value = value.strip()
    if not value:
        return None
    if len(value) > TEXT_LIMIT:
        raise EditError(f"{name}: at most {TEXT_LIMIT} characters")
    if name in _CHOICES and value not in _CHOICES[name]:
        raise EditError(f'{name}: "{value}" is not one of {", ".join(_CHOICES[name])}')
    return value


def _scalar(value: str) -> str | int | float:
    """A baseline or target typed as a number is written as a number."""
    if _NUMBER.fullmatch(value):
        return float(value) if "." in value else int(value)
    return value


def _set(mapping: CommentedMap, name: str, value, order: tuple[fields.Field, ...]) -> None:
    """Set or remove one field, placing a new one where the format's field order puts it."""
    if value is None:
        mapping.pop(name, None)
        return
    if name in mapping:
        mapping[name] = value
        return
    known = [field.name for field in order]
    rank = known.index(name) if name in known else len(known)
    position = len(mapping)
    for index, key in enumerate(mapping):
        if key in known and known.index(key) > rank:
            position = index
            break
    mapping.insert(position, name, value)


def add_node(document: CommentedMap, label: str, type: str, term: str | None = None,
             group: str | None = None, node_id: str | None = None) -> str:
    """Add a box; its id is ``node_id`` or one made from the label. Returns the id.

    The box goes after the last box of its column in the file (the file reads in
    the diagram's order, and the diagram keeps the file's order within a column).
    """
    nodes = _nodes(document)
    label_text = _text("label", label)
    type_text = _text("type", type)
    if label_text is None or type_text is None:
        raise EditError("a box needs a label and a type")
    term_text = _text("term", term)
    group_text = _text("group", group)
    if node_id is not None and node_id.strip():
        node_id = node_id.strip()
        if not re.fullmatch(fields.ID_PATTERN, node_id) or len(node_id) > 200:
            raise EditError(f'id "{node_id}": use letters, digits and hyphens, no spaces')
        if node_id in nodes:
            raise EditError(f'there is already a box "{node_id}"; choose another id')
    else:
        node_id = derive_id(label_text, nodes.keys())
    node = CommentedMap()
    node["type"] = type_text
    if term_text is not None:
        node["term"] = term_text
    if group_text is not None:
        node["group"] = group_text
    node["label"] = label_text
    nodes.insert(_place_for(nodes, node), node_id, node)
    return node_id


# A box's column, in the diagram's order, from its type and term (an outcome without a term sits mid-way).
_COLUMN = {"need": 0, "input": 1, "activity": 2, "output": 3, "outcome": 5, "impact": 7}
_OUTCOME_COLUMN = {"short": 4, "medium": 5, "long": 6}


def _column_of(node) -> int | None:
    if not isinstance(node, dict):
        return None
    kind = str(node.get("type"))
    if kind == "outcome":
        return _OUTCOME_COLUMN.get(str(node.get("term")), _COLUMN["outcome"])
    return _COLUMN.get(kind)


def _place_for(nodes: CommentedMap, new_node: CommentedMap) -> int:
    """The index after the last box of the same column or an earlier one (the end if none is later)."""
    column = _column_of(new_node)
    columns = [_column_of(node) for node in nodes.values()]
    if column is None:
        return len(nodes)
    not_later = [index for index, other in enumerate(columns) if other is not None and other <= column]
    if not_later:
        return not_later[-1] + 1
    return 0 if any(other is not None for other in columns) else len(nodes)


def set_node_field(document: CommentedMap, node_id: str, name: str, value) -> None:
    """Set (or, with None or "", remove) a box's label, type, term, group or description."""
    if name not in NODE_EDITABLE:
        raise EditError(f"{name}: the page edits a box's {', '.join(NODE_EDITABLE)}")
    node = _node(document, node_id)
    text = _text(name, value)
    if text is None and name in ("label", "type"):
        raise EditError(f"a box needs a {name}")
    _set(node, name, text, fields.NODE)


def delete_node(document: CommentedMap, node_id: str) -> list[Link]:
    """Delete a box and every link to or from it; returns those links (for the confirmation)."""
    nodes = _nodes(document)
    node = _node(document, node_id)
    removed = [Link(node_id, target) for target in _targets(node)]
    for source, other in nodes.items():
        if source == node_id or not isinstance(other, dict):
            continue
        links = other.get("leads_to")
        if not isinstance(links, list):
            continue
        for index in reversed(range(len(links))):
            if _target_of(links[index]) == node_id:
                del links[index]
                removed.insert(0, Link(source, node_id))
        if not links:
            del other["leads_to"]
    del nodes[node_id]
    return removed


def links_of(document: CommentedMap, node_id: str) -> list[Link]:
    """The links a deletion of ``node_id`` would take with it, without deleting anything."""
    nodes = _nodes(document)
    node = _node(document, node_id)
    incoming = [Link(source, node_id) for source, other in nodes.items()
                if source != node_id and isinstance(other, dict) and isinstance(other.get("leads_to"), list)
                and any(_target_of(link) == node_id for link in other["leads_to"])]
    return incoming + [Link(node_id, target) for target in _targets(node)]


def _target_of(link) -> str | None:
    if isinstance(link, str):
        return str(link)
    if isinstance(link, dict) and link.get("to") is not None:
        return str(link["to"])
    return None


def _targets(node: CommentedMap) -> list[str]:
    links = node.get("leads_to")
    if not isinstance(links, list):
        return []
    return [target for target in map(_target_of, links) if target is not None]


def _link_index(node: CommentedMap, source: str, target: str) -> int:
    links = node.get("leads_to")
    if isinstance(links, list):
        for index, link in enumerate(links):
            if _target_of(link) == target:
                return index
    raise EditError(f'there is no link from "{source}" to "{target}"; reload the page')


def add_link(document: CommentedMap, source: str, target: str, assumption: str | None = None,
             evidence: str | None = None) -> None:
    """Add a link from one box to another, with its assumption and evidence if given."""
    node = _node(document, source)
    _node(document, target)
    if source == target:
        raise EditError("a link goes from one box to another, not to itself")
    if target in _targets(node):
        raise EditError(f'there is already a link from "{source}" to "{target}"; edit that one')
    assumption_text = _text("assumption", assumption)
    evidence_text = _text("evidence", evidence)
    links = node.get("leads_to")
    if not isinstance(links, list):
        if links is not None:
            raise EditError(f'box "{source}": leads_to is not a list; fix it in the file first')
        links = CommentedSeq()
        _set(node, "leads_to", links, fields.NODE)
    if assumption_text is None and evidence_text is None and all(isinstance(link, str) for link in links):
        links.append(target)  # a plain list of ids stays one
        return
    if links.fa.flow_style():
        links.fa.set_block_style()  # a link with words does not fit in [a, b]: one line per link
    link = CommentedMap()
    link["to"] = target
    if assumption_text is not None:
        link["assumption"] = assumption_text
    if evidence_text is not None:
        link["evidence"] = evidence_text
    links.append(link)


def set_link(document: CommentedMap, source: str, target: str, name: str, value) -> None:
    """Set (or remove) a link's assumption or evidence."""
    if name not in LINK_EDITABLE:
        raise EditError(f"{name}: the page edits a link's {', '.join(LINK_EDITABLE)}")
    node = _node(document, source)
    index = _link_index(node, source, target)
    links = node["leads_to"]
    text = _text(name, value)
    link = links[index]
    if isinstance(link, str):
        if text is None:
            return
        if links.fa.flow_style():
            links.fa.set_block_style()
        link = CommentedMap()
        link["to"] = target
        links[index] = link
    _set(link, name, text, fields.LINK)


def delete_link(document: CommentedMap, source: str, target: str) -> None:
    node = _node(document, source)
    index = _link_index(node, source, target)
    del node["leads_to"][index]
    if not node["leads_to"]:
        del node["leads_to"]


def _indicator_ids(document: CommentedMap) -> set[str]:
    taken = set()
    for node in _nodes(document).values():
        if isinstance(node, dict) and isinstance(node.get("indicators"), list):
            taken |= {str(item["id"]) for item in node["indicators"] if isinstance(item, dict) and "id" in item}
    return taken


def _indicator(node: CommentedMap, node_id: str, indicator_id: str) -> CommentedMap:
    for item in node.get("indicators") or ():
        if isinstance(item, dict) and str(item.get("id")) == indicator_id:
            return item
    raise EditError(f'box "{node_id}" has no indicator "{indicator_id}"; reload the page')


def add_indicator(document: CommentedMap, node_id: str, measure: str, indicator_id: str | None = None,
                  **values) -> str:
    """Add an indicator to a box (its id made from the measure unless given); returns its id."""
    node = _node(document, node_id)
    measure_text = _text("measure", measure)
    if measure_text is None:
        raise EditError("an indicator needs a measure: what is measured, in words")
    taken = _indicator_ids(document)
    if indicator_id is not None and indicator_id.strip():
        indicator_id = indicator_id.strip()
        if not re.fullmatch(fields.ID_PATTERN, indicator_id) or indicator_id in taken:
            raise EditError(f'indicator id "{indicator_id}" is taken or has spaces; choose another')
    else:
        indicator_id = derive_id(measure_text, taken)
    indicators = node.get("indicators")
    if not isinstance(indicators, list):
        if indicators is not None:
            raise EditError(f'box "{node_id}": indicators is not a list; fix it in the file first')
        indicators = CommentedSeq()
        _set(node, "indicators", indicators, fields.NODE)
    indicator = CommentedMap()
    indicator["id"] = indicator_id
    indicator["measure"] = measure_text
    indicators.append(indicator)
    for name, value in values.items():
        set_indicator(document, node_id, indicator_id, name, value)
    return indicator_id


def set_indicator(document: CommentedMap, node_id: str, indicator_id: str, name: str, value) -> None:
    """Set (or remove) an indicator's measure, source, baseline, target, availability..."""
    if name not in INDICATOR_EDITABLE:
        raise EditError(f"{name}: the page edits an indicator's {', '.join(INDICATOR_EDITABLE)}")
    node = _node(document, node_id)
    indicator = _indicator(node, node_id, indicator_id)
    text = _text(name, value)
    if text is None and name == "measure":
        raise EditError("an indicator needs a measure")
    if text is not None and name in ("baseline", "target"):
        text = _scalar(text)
    _set(indicator, name, text, fields.INDICATOR)


def delete_indicator(document: CommentedMap, node_id: str, indicator_id: str) -> None:
    node = _node(document, node_id)
    indicator = _indicator(node, node_id, indicator_id)
    node["indicators"].remove(indicator)
    if not node["indicators"]:
        del node["indicators"]
