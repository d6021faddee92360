"""Reading the parts format 1.1 added: mechanisms of change, `status:`, `details:`, `meta:`
and the links an evaluation question tests.

Kept out of build.py (as pathway_fields.py is) so that these fields can grow
without touching the core builder; the builder calls these functions and passes
itself, so every value is read, and every problem located, exactly as elsewhere.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import yaml

from toc import fields as field_tables
from toc.loading.finding_kinds import INVALID_VALUE, MISSING_FIELD
from toc.loading.wording import describe as _describe
from toc.loading.wording import FLOAT, INT, is_null as _is_null
from toc.model import Evidence, Link, LinkReference, Mechanism, Meta, Node, Status

if TYPE_CHECKING:
    from toc.loading.build import ModelBuilder

# The fields of a node and of a link read here (notes, being text, is read with the other text).
NODE_FIELDS = ("status", "details", "mechanisms", "meta")
LINK_FIELDS = ("status", "mechanisms", "meta")

_LINK_TEXT = re.compile(field_tables.LINK_REFERENCE_PATTERN)


def read_node_field(builder: ModelBuilder, node: Node, name: str, value: yaml.Node) -> None:
    if name == "details":
        node.details = builder._texts(value, name)
    else:
        _read_shared(builder, node, name, value, node.id)


def read_link_field(builder: ModelBuilder, link: Link, name: str, value: yaml.Node, node_id: str) -> None:
    _read_shared(builder, link, name, value, node_id)


def _read_shared(builder: ModelBuilder, record: Node | Link, name: str, value: yaml.Node, node_id: str) -> None:
    if name == "status":
        record.status = builder._choice(value, name, field_tables.STATUSES, Status, node_id)
    elif name == "mechanisms":
        record.mechanisms = builder._references(value, name, node_id)
    else:
        record.meta = read_meta(builder, value, node_id)


# ---------------------------------------------------------------- meta:
def read_meta(builder: ModelBuilder, value: yaml.Node, node_id: str | None) -> dict[str, Meta]:
    """The user's own fields: any key, each value text (as written), a number, or a list of text.
    Nothing under `meta:` is an unknown field; a nested mapping is the one thing refused."""
    if _is_null(value):
        return {}
    pairs = builder._mapping(value, "meta", "a mapping of your own field names to values", node_id)
    found: dict[str, Meta] = {}
    for key, _, item in pairs or ():
        if _is_null(item):
            continue
        if isinstance(item, yaml.SequenceNode):
            found[key] = builder._texts(item, f"meta {key}")
        elif isinstance(item, yaml.ScalarNode) and item.tag in (INT, FLOAT):
            found[key] = builder._scalar(item, f"meta {key}", node_id)
        elif isinstance(item, yaml.ScalarNode):
            text = builder._text(item, f"meta {key}", node_id)
            if text is not None:
                found[key] = text
        elif builder._tag_allowed(item, node_id):
            builder._report(INVALID_VALUE, f"`meta` field `{key}` should be text, a number or a list of text, "
                            f"not {_describe(item)}", builder._loc(item), node=node_id,
                            hint=f"write the parts as fields of their own: `{key}-part: ...`")
    return found


# ----------------------------------------------------------- mechanisms:
def read_mechanisms(builder: ModelBuilder, value: yaml.Node) -> dict[str, Mechanism]:
    if _is_null(value):
        return {}
    pairs = builder._mapping(value, "mechanisms", "a mapping of mechanism id to mechanism")
    mechanisms: dict[str, Mechanism] = {}
    for mechanism_id, key, item in pairs or ():
        if not builder._valid_id(mechanism_id, key, "mechanism id"):
            continue
        mechanism = Mechanism(id=mechanism_id, location=builder._loc(key))
        mechanisms[mechanism_id] = mechanism
        given = builder._mapping(item, f'mechanism "{mechanism_id}"', "a mapping with label, description, evidence")
        if given is None:
            continue
        for name, field_value in builder._fields(given, field_tables.MECHANISM, "mechanism").items():
            mechanism.value_locations[name] = builder._loc(field_value)
            if name == "evidence":
                mechanism.evidence = builder._choice(field_value, name, field_tables.EVIDENCE_LEVELS, Evidence)
            else:
                setattr(mechanism, name, builder._text(field_value, name))
        if mechanism.label is None:
            builder._report(MISSING_FIELD, f'mechanism "{mechanism_id}" has no label', mechanism.location,
                            hint="name it in a few words: `label: Practitioners model calm disagreement`")
    return mechanisms


# -------------------------------------------------- questions' links:
def read_link_references(builder: ModelBuilder, value: yaml.Node, name: str) -> tuple[LinkReference, ...]:
    """A question's `links:`, each written `from -> to`."""
    if isinstance(value, yaml.ScalarNode) and not _is_null(value):
        builder._report(INVALID_VALUE, f"`{name}` should be a list of links, not {_describe(value)}",
                        builder._loc(value), hint=f"write a list: {name}: [{value.value}]")
        return ()
    found = []
    for item in builder._sequence(value, name):
        text = builder._text(item, f"{name} entry", None)
        if text is None:
            if _is_null(item):
                builder._report(INVALID_VALUE, f"empty {name} entry", builder._loc(item))
            continue
        if not _LINK_TEXT.match(text):
            builder._report(INVALID_VALUE, f'"{text}" is not a link: write it as `from -> to`, two node ids',
                            builder._loc(item), hint="e.g. links: [training -> confident]")
            continue
        source, target = (part.strip() for part in text.split("->", 1))
        found.append(LinkReference(source, target, builder._loc(item)))
    return tuple(found)

