"""Lines a new user put at the wrong indentation that YAML still reads, read as they were meant.

A node's last field indented like the node ids (`  leads_to: [x]`) is valid YAML: a node
named "leads_to". A node id indented like the fields of the node above is valid YAML too:
a field of that node. Read literally, each gives a broken node and, with its links lost, a
dead end and unreached outcomes: a screen of findings for one misplaced line. The builder
reports each such line once (TOC003), and reads it as it was meant; the findings go in
``ModelBuilder.read_as_meant`` so that toc fmt, which moves lines as written, leaves the
file alone. Also here: what a misspelt or misplaced field leaves out of a node, for the
checker's caused-by ordering (Finding.affects).
"""

from __future__ import annotations

import yaml

from toc import fields as field_tables
from toc.loading.finding_kinds import UNKNOWN_FIELD
from toc.loading.wording import is_null

NODE_FIELD_NAMES = field_tables.names_of(field_tables.NODE)
# Where each field belongs (its first section in the field tables).
HOME_OF_FIELD: dict[str, str] = {}
for _section, _fields in field_tables.SECTIONS.items():
    for _field in _fields:
        HOME_OF_FIELD.setdefault(_field.name, _section)
TEXT_HINT = "text containing ': ' needs quotes, e.g. label: \"Outcome: better relationships\""


def adopt_stray_fields(builder, pairs):
    """The node pairs, with a node's field indented as a node id given back to the node above it.

    A last field indented like the node ids (`  leads_to: [x]` under a node whose fields
    have four spaces) is valid YAML, but a node named "leads_to": read literally it gives
    a broken node and, with the links lost, a dead end and unreached outcomes. It is
    reported once, and read as the field it was meant to be.
    """
    kept = []
    for pair in pairs:
        name, key, value = pair
        owner = kept[-1] if kept else None
        if name in NODE_FIELD_NAMES and not isinstance(value, yaml.MappingNode) and owner is not None \
                and isinstance(owner[2], yaml.MappingNode) and owner[2].value and not owner[2].flow_style \
                and not any(getattr(field_key, "value", None) == name for field_key, _ in owner[2].value):
            owner_id, owner_key, fields = owner
            first_field = fields.value[0][0]
            builder._report(UNKNOWN_FIELD,
                            f'`{name}` is indented as a node under `nodes:`, but it is a field; line it up with '
                            f'`{first_field.value}` of "{owner_id}" above',
                            builder._loc(key), node=owner_id,
                            hint=f'indent `{name}:` by {first_field.start_mark.column} spaces, like the other fields '
                                 f'of "{owner_id}"; until then toc reads it as a field of "{owner_id}"')
            builder.read_as_meant.append(builder.findings[-1])
            kept[-1] = (owner_id, owner_key, yaml.MappingNode(fields.tag, [*fields.value, (key, value)],
                                                              fields.start_mark, value.end_mark, fields.flow_style))
            continue
        kept.append(pair)
    return kept


def nested_nodes(builder, node_id, key, value, taken):
    """The node and the nodes indented as its fields, with a finding for each, or None.

    `    next-node:` indented like the fields of the node above, its own fields at the
    same indentation or deeper, is valid YAML: a field "next-node" of the node above,
    and its fields either inside it or read as duplicates of the node's own. It is
    reported once, and read as the node it was meant to be. Every such node of one
    node is split off in one pass, so each field is read at most twice.
    """
    if not isinstance(value, yaml.MappingNode) or value.flow_style:
        return None
    pieces = [[node_id, key, []]]  # (id, key node, fields) of the node and each node split off
    findings = []
    fields = value.value
    spaces = key.start_mark.column
    for index, (field_key, field_value) in enumerate(fields):
        name = getattr(field_key, "value", None)
        nested = isinstance(name, str) and name not in NODE_FIELD_NAMES and name not in taken and (
            looks_like_node(field_value)
            or is_null(field_value) and any(getattr(later, "value", None) == "type"
                                             for later, _ in fields[index + 1:index + 40]))
        if not nested:
            pieces[-1][2].append((field_key, field_value))
            continue
        owner = pieces[-1][0]
        findings.append((UNKNOWN_FIELD,
                         f'`{name}` is indented like a field of "{owner}", but it is a node (it has `type:`); '
                         f'line it up with "{owner}" above', builder._loc(field_key),
                         {"node": owner, "hint": f"a node's id starts after {spaces} spaces, like the other "
                                                 f'node ids; until then toc reads "{name}" as a node after '
                                                 f'"{owner}"'}))
        taken.add(name)
        if looks_like_node(field_value):  # its fields indented under it: a node of its own
            pieces.append([name, field_key, field_value])
            pieces.append([owner, None, []])  # (the fields after it are the owner's again)
        else:  # its fields at the node's fields' indentation: they follow it
            pieces.append([name, field_key, []])
    if not findings:
        return None
    nodes = []
    for piece_id, piece_key, piece_fields in pieces:
        if piece_key is None:  # more fields of an earlier piece
            previous = next(entry for entry in reversed(nodes) if entry[0] == piece_id)
            previous[2].extend(piece_fields)
            continue
        nodes.append([piece_id, piece_key, piece_fields])
    built = []
    for piece_id, piece_key, piece_fields in nodes:
        if isinstance(piece_fields, yaml.MappingNode):
            built.append((piece_id, piece_key, piece_fields))
        else:
            start = piece_fields[0][0].start_mark if piece_fields else piece_key.end_mark
            built.append((piece_id, piece_key, yaml.MappingNode(value.tag, piece_fields, start,
                                                                value.end_mark, False)))
    return built, findings


def looks_like_node(value: yaml.Node) -> bool:
    return isinstance(value, yaml.MappingNode) and any(getattr(key, "value", None) == "type" for key, _ in value.value)


def left_out(meant: str | None, node_id: str | None, value: yaml.Node) -> tuple[str, ...]:
    """What a node loses when a field meant as ``meant`` is misspelt (Finding.affects)."""
    if meant is None or node_id is None:
        return ()
    if meant == "indicators":
        return (f"indicators:{node_id}", f"field:{node_id}.indicators")
    if meant != "leads_to":
        return (f"field:{node_id}.{meant}",)
    targets = []
    for item in value.value if isinstance(value, yaml.SequenceNode) else ():
        if isinstance(item, yaml.ScalarNode):
            targets.append(item.value)
        elif isinstance(item, yaml.MappingNode):
            targets += [to.value for key, to in item.value if getattr(key, "value", None) == "to"
                        and isinstance(to, yaml.ScalarNode)]
    return (f"links-from:{node_id}", *(f"links-to:{target}" for target in targets))


def text_hint(name: str, value: yaml.MappingNode) -> str:
    """A text field that holds a mapping: fields indented under it by mistake, or an unquoted ': '."""
    first = value.value[0][0] if value.value else None
    if isinstance(first, yaml.ScalarNode) and first.value in HOME_OF_FIELD and not value.flow_style:
        return (f"the lines under `{name}:` are indented more than it, so YAML reads `{first.value}` as part of "
                f"`{name}`: write the text after `{name}:` and line `{first.value}` up with `{name}`")
    return TEXT_HINT
