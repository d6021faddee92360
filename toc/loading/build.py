"""Turning composed YAML nodes into the typed model, reporting every problem on the way.

The builder walks only where the format says there is something to read, so
depth is bounded by the format, not by the file. It reports a problem and goes
on with the rest of the file, the way a linter does: a duplicate key or an
unknown field never hides the findings that follow it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

import yaml
from yaml.constructor import SafeConstructor

from toc import fields as field_tables
from toc.findings import Finding, FindingKind, Related
from toc.limits import Limits
from toc.loading.evaluation import EvaluationReader
from toc.loading.wording import BOOL, FLOAT, INT, NULL, STR, TIMESTAMP
from toc.loading.wording import TAG as _TAG
from toc.loading.wording import a as _a
from toc.loading.wording import describe as _describe
from toc.loading.wording import is_null as _is_null
import toc.loading.misplaced as misplaced
import toc.loading.monitoring_fields as monitoring_fields
import toc.loading.pathway_fields as pathway_fields
import toc.loading.descriptive_fields as descriptive_fields
from toc.model import (
    Assumption,
    Availability,
    CheckSettings,
    Criticality,
    Evidence,
    Indicator,
    Link,
    Location,
    Model,
    Node,
    NodeType,
    Reference,
    Term,
)
from toc.suggest import closest, did_you_mean
from toc.loading.finding_kinds import DUPLICATE_KEY, INVALID_VALUE, LIMIT_EXCEEDED, MISSING_FIELD, UNKNOWN_FIELD

_ALLOWED_TAGS = frozenset({STR, INT, FLOAT, BOOL, NULL, TIMESTAMP, _TAG + "map", _TAG + "seq"})
_TEXT_TAGS = frozenset({STR, INT, FLOAT, BOOL, TIMESTAMP})
_CONSTRUCTOR = SafeConstructor()
_SPACE = re.compile(r"\s")  # what str.isspace() matches, searched in C
_MERGE = _TAG + "merge"
_CODE_FORM = re.compile(r"TOC[0-9]*")
# Python refuses to read an integer of more than 4,300 digits, and no calculation on a
# model (rates, differences, all in floating point) can use one past a float's range (2**1024).
_MOST_DIGITS, _MOST_BITS = 300, 1_000
_MAP = _TAG + "map"



class _LimitReached(Exception):
    pass


class ModelBuilder(EvaluationReader):
    """Builds one ``Model`` from a composed YAML document; ``findings`` collects problems.

    """

    # Set (toc.loading.lines.EditorLines) when libyaml's line count differs from an editor's.
    editor_lines = None
    # Set when building from the parts of a file that read after a syntax error
    # (toc.loading.partial): a section that is not there may be in the part that did not read.
    partial = False

    def __init__(self, path: str, limits: Limits, known_codes: Iterable[str] | None = None):
        self.path = path
        self.limits = limits
        # The rule codes `ignore:` may name, handed in by the checker (loading knows no rules);
        # without them a code is only checked for its form.
        self.known_codes = None if known_codes is None else tuple(sorted(known_codes))
        self.findings: list[Finding] = []
        # Findings about lines read as they were meant rather than as YAML reads them (a node's
        # field indented like the node ids, a node indented like a field): the model differs
        # from the file's literal structure, so toc fmt leaves such a file alone.
        self.read_as_meant: list[Finding] = []
        self._seen_collections: set[int] = set()
        self._alias_expansion = 0

    # ----------------------------------------------------------------- entry
    def build(self, root: yaml.Node | None) -> Model | None:
        start = Location(self.path, 1, 1)
        if root is None:
            self._report(MISSING_FIELD, "the file is empty: a model needs at least `toc: 1` and `nodes:`", start,
                         hint="`toc init FILE` writes a commented starter model to fill in")
            return None
        if not isinstance(root, yaml.MappingNode):
            self._report(INVALID_VALUE, f"a model is a mapping of fields (toc:, title:, nodes:...), not {_describe(root)}",
                         self._loc(root))
            return None
        model = Model(path=self.path, location=start)
        try:
            self._top_level(root, model)
        except _LimitReached:
            return None
        pathway_fields.check_model(self, model)
        return model

    # ------------------------------------------------------------ top level
    def _top_level(self, root: yaml.MappingNode, model: Model) -> None:
        fields = self._fields(self._pairs(root), field_tables.TOP_LEVEL, "top level")
        for name, value in fields.items():
            model.value_locations[name] = self._loc(value)
            if name == "toc":
                version = self._integer(value, "toc")
                if version is not None and version != field_tables.FORMAT_VERSION:
                    self._report(INVALID_VALUE, f"unsupported format version {version}: this toc reads version 1",
                                 self._loc(value), hint="write `toc: 1`")
                model.format_version = version
            elif name == "nodes":
                self._nodes(value, model)
            elif name == "assumptions":
                self._assumptions(value, model)
            elif name == "check":
                model.check = self._check_settings(value)
            elif name == "evaluation":
                model.evaluation = self._evaluation(value)
            elif name == "methods":
                model.methods = self._methods(value)
            elif name == "measures":
                model.measures = self._measures(value)
            elif name == "catalogues":
                model.catalogues = self._paths(value, name)
            elif name == "pathway":
                model.pathway = pathway_fields.read_pathway(self, value)
            elif name == "uses":
                model.uses = self._references(value, "uses", None)
            elif name == "monitoring":
                model.monitoring = monitoring_fields.read_monitoring(self, value)
            elif name == "mechanisms":
                model.mechanisms = descriptive_fields.read_mechanisms(self, value)
            elif name == "meta":
                model.meta = descriptive_fields.read_meta(self, value, None)
            else:
                setattr(model, name, self._text(value, name))
        if self.partial:
            return
        if "toc" not in fields:
            self._report(MISSING_FIELD, "missing `toc: 1` (the format version) at the top of the file",
                         model.location, hint="add `toc: 1` as the first line")
        if "nodes" not in fields:
            self._report(MISSING_FIELD, "missing `nodes:`: a model needs its boxes", model.location)

    def _nodes(self, value: yaml.Node, model: Model) -> None:
        if _is_null(value):
            return
        pairs = self._mapping(value, "nodes", "a mapping of node id to node")
        if pairs is None:
            return
        if len(pairs) > self.limits.max_nodes:
            self._report(LIMIT_EXCEEDED, f"{len(pairs)} nodes, over the limit of {self.limits.max_nodes}",
                         self._loc(value), hint="raise the limit with TOC_MAX_NODES if the model is genuine")
            raise _LimitReached
        taken = {pair[0] for pair in pairs}
        for node_id, key, node_value in misplaced.adopt_stray_fields(self, pairs):
            # A bad id is reported, but the node is still read so nothing inside it is hidden.
            mark = len(self.findings)
            self._valid_id(node_id, key, "node id")
            self._node_in_fields = False
            node = self._node(node_id, key, node_value)
            if self._node_in_fields:  # (an unknown field that may be a node indented too far)
                split = misplaced.nested_nodes(self, node_id, key, node_value, taken)
                if split is not None:
                    del self.findings[mark:]  # read again as separate nodes, each with its own findings
                    pieces, findings = split
                    for kind, message, location, extra in findings:
                        self._report(kind, message, location, **extra)
                        self.read_as_meant.append(self.findings[-1])
                    self._reading_again = True  # (what was read once is not an alias read again)
                    for piece_id, piece_key, piece_value in pieces:
                        self._valid_id(piece_id, piece_key, "node id")
                        model.nodes[piece_id] = self._node(piece_id, piece_key, piece_value)
                    self._reading_again = False
                    continue
            model.nodes[node_id] = node

    # Set by _fields when a node has an unknown field whose value is a mapping or empty.
    _node_in_fields = False
    _reading_again = False

    # ----------------------------------------------------------------- nodes
    def _node(self, node_id: str, key: yaml.Node, value: yaml.Node) -> Node:
        node = Node(id=node_id, location=self._loc(key))
        if _is_null(value):
            self._report(MISSING_FIELD, f'node "{node_id}" has no fields: it needs type and label',
                         node.location, node=node_id)
            return node
        fields = self._section(value, f'node "{node_id}"', "a mapping with type, label...", field_tables.NODE, "node",
                               node_id, node.value_locations)
        if fields is None:
            return node
        for name, field_value in fields.items():
            if name in _NODE_TEXT:
                setattr(node, name, self._text(field_value, name, node_id))
            elif name == "type":
                node.type = self._choice(field_value, "type", field_tables.NODE_TYPES, NodeType, node_id)
            elif name == "term":
                node.term = self._choice(field_value, "term", field_tables.TERMS, Term, node_id)
            elif name == "leads_to":
                node.links = self._links(node_id, field_value)
            elif name == "indicators":
                node.indicators = self._indicators(node_id, field_value)
            elif name == "ignore":
                node.ignore = self._codes(field_value, node_id)
            elif name == "methods":
                node.methods = self._id_list(field_value, name, node_id)
            elif name in pathway_fields.NODE_FIELDS:
                pathway_fields.read_node_field(self, node, name, field_value)
            elif name == "maps_to":
                node.maps_to = self._references(field_value, "maps_to", node_id)
            elif name in descriptive_fields.NODE_FIELDS:
                descriptive_fields.read_node_field(self, node, name, field_value)
            else:
                setattr(node, name, self._text(field_value, name, node_id))
        for required in ("type", "label"):
            if getattr(node, required) is None and (required not in fields or _is_null(fields[required])):
                self._report(MISSING_FIELD, f'node "{node_id}" has no {required}', node.location, node=node_id,
                             hint=_REQUIRED_HINTS[required], rests_on=(f"field:{node_id}.{required}",))
        if node.type is NodeType.OUTCOME and ("term" not in fields or _is_null(fields["term"])):
            self._report(MISSING_FIELD, f'outcome "{node_id}" has no term', node.location, node=node_id,
                         hint="add `term: short`, `term: medium` or `term: long`", rests_on=(f"field:{node_id}.term",))
        elif "term" in fields and node.type is not None and node.type is not NodeType.OUTCOME:
            self._report(INVALID_VALUE, f'term applies only to outcomes; "{node_id}" is {_a(node.type.value)}',
                         node.value_locations["term"], node=node_id, hint="remove `term:` or change the type to outcome")
        pathway_fields.check_node(self, node, fields)
        return node

    def _links(self, node_id: str, value: yaml.Node) -> list[Link]:
        if _is_null(value):
            return []
        if not isinstance(value, yaml.SequenceNode):
            # (ids written on lines of their own without dashes arrive as one text with spaces)
            hint = f"write a list: leads_to: [{', '.join(value.value.split())}]" \
                if isinstance(value, yaml.ScalarNode) else None
            self._report(INVALID_VALUE, f"leads_to should be a list of ids or links, not {_describe(value)}",
                         self._loc(value), node=node_id, hint=hint, affects=(f"links-from:{node_id}",))
            return []
        links = []
        for item in self._items(value):
            location = self._loc(item)
            if isinstance(item, yaml.MappingNode):
                link = self._link_mapping(node_id, item, location)
                if link is not None:
                    links.append(link)
                continue
            target = self._id_text(item, "leads_to entry", node_id)
            if target is not None:
                links.append(Link(source=node_id, target=target, location=location, value_locations={"to": location}))
        return links

    def _link_mapping(self, node_id: str, item: yaml.MappingNode, location: Location) -> Link | None:
        link = Link(source=node_id, target="", location=location)
        fields = self._section(item, "link", "a mapping", field_tables.LINK, "link", node_id, link.value_locations)
        if fields is None:
            return None
        for name, field_value in fields.items():
            if name == "to":
                link.target = self._id_text(field_value, "to", node_id) or ""
            elif name == "evidence":
                link.evidence = self._choice(field_value, "evidence", field_tables.EVIDENCE_LEVELS, Evidence, node_id)
            elif name == "feedback":
                link.feedback = bool(self._boolean(field_value, "feedback", node_id))
            elif name == "assumptions":
                link.assumptions = self._references(field_value, "assumptions", node_id)
            elif name in descriptive_fields.LINK_FIELDS:
                descriptive_fields.read_link_field(self, link, name, field_value, node_id)
            else:
                link.assumption = self._text(field_value, name, node_id)
        if "to" not in fields:
            self._report(MISSING_FIELD, f'a link from "{node_id}" has no `to:`', location, node=node_id,
                         hint="name the node it leads to: {to: some-id, assumption: ...}")
            return None
        return link if link.target else None

    def _records(self, value: yaml.Node, plural: str, singular: str, expected: str,
                 section: tuple[field_tables.Field, ...], where: str, node_id: str | None = None):
        """(location, known fields, where each field's value is) of each mapping in a list of records
        (indicators, questions, figures): a value that is not a list, or an item that is not a
        mapping, is reported once."""
        if _is_null(value):
            return
        if not isinstance(value, yaml.SequenceNode):
            self._report(INVALID_VALUE, f"{plural} should be a list of {plural}, not {_describe(value)}",
                         self._loc(value), node=node_id, hint=f"start each {singular} with '- id: ...'")
            return
        what = _a(singular)
        for item in self._items(value):
            locations: dict[str, Location] = {}
            fields = self._section(item, what, expected, section, where, node_id, locations)
            if fields is not None:
                yield self._loc(item), fields, locations

    def _indicators(self, node_id: str, value: yaml.Node) -> list[Indicator]:
        indicators = []
        for location, fields, locations in self._records(
                value, "indicators", "indicator", "a mapping with id, measure, source...", field_tables.INDICATOR, "indicator",
                node_id):
            indicator = Indicator(id=None, location=location, value_locations=locations)
            for name, field_value in fields.items():
                if name in _INDICATOR_TEXT:
                    setattr(indicator, name, self._text(field_value, name, node_id))
                elif name == "id":
                    indicator.id = self._id_text(field_value, "indicator id", node_id)
                elif name == "availability":
                    indicator.availability = self._choice(field_value, name, field_tables.AVAILABILITY, Availability, node_id)
                elif name == "instrument":
                    indicator.instrument = self._id_text(field_value, "instrument", node_id)
                elif name == "sample":
                    indicator.sample = self._positive(field_value, name, node_id, whole=True)
                elif name == "sd":
                    indicator.sd = self._positive(field_value, name, node_id, whole=False)
                elif name in monitoring_fields.INDICATOR_FIELDS:
                    monitoring_fields.read_indicator_field(self, indicator, name, field_value, node_id)
                else:  # baseline, target
                    setattr(indicator, name, self._scalar(field_value, name, node_id))
            if "id" not in fields:
                self._report(MISSING_FIELD, f'an indicator of "{node_id}" has no id', location, node=node_id,
                             hint="give it a short id, e.g. `id: confidence-survey`")
            indicators.append(indicator)
        return indicators

    # ------------------------------------------------------ other sections
    def _assumptions(self, value: yaml.Node, model: Model) -> None:
        if _is_null(value):
            return
        pairs = self._mapping(value, "assumptions", "a mapping of assumption id to assumption")
        for assumption_id, key, item in pairs or ():
            if not self._valid_id(assumption_id, key, "assumption id"):
                continue
            assumption = Assumption(id=assumption_id, location=self._loc(key))
            model.assumptions[assumption_id] = assumption
            fields_given = self._mapping(item, f'assumption "{assumption_id}"', "a mapping with text, evidence, criticality")
            if fields_given is None:
                continue
            fields = self._fields(fields_given, field_tables.ASSUMPTION, "assumption")
            for name, field_value in fields.items():
                assumption.value_locations[name] = self._loc(field_value)
                if name == "evidence":
                    assumption.evidence = self._choice(field_value, name, field_tables.EVIDENCE_LEVELS, Evidence)
                elif name == "criticality":
                    assumption.criticality = self._choice(field_value, name, field_tables.CRITICALITY_LEVELS, Criticality)
                else:
                    assumption.text = self._text(field_value, name)
            if assumption.text is None:
                self._report(MISSING_FIELD, f'assumption "{assumption_id}" has no text', assumption.location,
                             hint="state the assumption in a sentence: `text: ...`")

    def _check_settings(self, value: yaml.Node) -> CheckSettings:
        settings = CheckSettings()
        pairs = None if _is_null(value) else self._mapping(value, "check", "a mapping with ignore and severity")
        if pairs is None:
            return settings
        fields = self._fields(pairs, field_tables.CHECK, "check")
        if "ignore" in fields:
            settings.ignore = self._codes(fields["ignore"])
        if "severity" in fields and not _is_null(fields["severity"]):
            overrides = self._mapping(fields["severity"], "severity", "a mapping of rule code to severity")
            for code, key, level in overrides or ():
                if self._valid_codes([(code, key)]):
                    chosen = self._choice(level, "severity", field_tables.SEVERITIES, str)
                    if chosen is not None:
                        settings.severity[code] = chosen
        return settings

    # ------------------------------------------------------ value readers
    def _section(self, value: yaml.Node, what: str, expected: str, section: tuple[field_tables.Field, ...], where: str,
                 node_id: str | None, locations: dict[str, Location]):
        """``_fields(_mapping(value))``, with each field's value location put in ``locations``."""
        pairs = self._mapping(value, what, expected, node_id)
        if pairs is None:
            return None
        fields = self._fields(pairs, section, where, node_id)
        for name, item in fields.items():
            locations[name] = self._loc(item)
        return fields

    def _fields(self, pairs, section: tuple[field_tables.Field, ...], where: str,
                node_id: str | None = None) -> dict[str, yaml.Node]:
        """Known fields of a mapping's pairs by name; unknown ones reported with a suggestion."""
        known = field_tables.names_of(section)
        fields = {}
        for name, key, value in pairs:
            if name in known:
                fields[name] = value
                continue
            names = field_tables.field_names(section)
            meant = closest(name, names)
            hint = f'did you mean "{meant}"?' if meant else ""
            home = misplaced.HOME_OF_FIELD.get(name)
            if not hint and where == "top level" and misplaced.looks_like_node(value):
                hint = (f"`{name}` looks like a node (it has `type:`): nodes go under a `nodes:` line, "
                        "each indented by 2 spaces")
            elif not hint and home and home != where:
                hint = f"`{name}` is a field of {_a(home)}, not of {_a(where)}"
            elif not hint and name == "<<":
                hint = "merge keys (<<) are not supported: write the fields out"
            if not hint and "meta" in known:  # (format 1.1: a field of the user's own has a place)
                hint = f"a field of your own goes under `meta:`, e.g. meta: {{{name}: ...}}"
            if where == "node" and (isinstance(value, yaml.MappingNode) or _is_null(value)):
                self._node_in_fields = True
            self._report(UNKNOWN_FIELD, f"unknown field `{name}` in {_a(where)}", self._loc(key),
                         node=node_id, hint=hint or f"fields here: {', '.join(names)}",
                         affects=misplaced.left_out(meant, node_id, value) if where == "node" else ())
        return fields

    def _mapping(self, value: yaml.Node, what: str, expected: str, node_id: str | None = None):
        """The (key text, key node, value node) triples of a mapping, or None if it is not one."""
        if not isinstance(value, yaml.MappingNode):
            self._report(INVALID_VALUE, f"{what} should be {expected}, not {_describe(value)}",
                         self._loc(value), node=node_id)
            return None
        if not self._tag_allowed(value, node_id):
            return None
        return self._pairs(value)

    def _pairs(self, mapping: yaml.MappingNode) -> list[tuple[str, yaml.Node, yaml.Node]]:
        self._count_visit(mapping)
        first_keys: dict[str, yaml.Node] = {}
        pairs = []
        for key, value in mapping.value:
            # The usual key, plain new text, is read as it is; anything else is looked at closely.
            if not isinstance(key, yaml.ScalarNode) or key.tag not in _TEXT_TAGS or key.value in first_keys:
                if not self._usable_key(key, first_keys):
                    continue
            first_keys[key.value] = key
            pairs.append((key.value, key, value))
        return pairs

    def _usable_key(self, key: yaml.Node, first_keys: dict[str, yaml.Node]) -> bool:
        """Whether a key that is not plain new text is still read (reporting why not)."""
        if isinstance(key, yaml.ScalarNode) and key.tag == _MERGE:
            self._report(UNKNOWN_FIELD, "merge keys (<<) are not supported", self._loc(key),
                         hint="write the fields out in full; anchors and aliases on whole values do work")
            return False
        if not isinstance(key, yaml.ScalarNode) or key.tag not in _ALLOWED_TAGS:
            self._report(INVALID_VALUE, f"a key must be plain text, not {_describe(key)}", self._loc(key))
            return False
        name = key.value
        if name in first_keys:
            first = self._loc(first_keys[name])
            self._report(DUPLICATE_KEY, f"`{name}` is given twice; the second is ignored", self._loc(key),
                         hint=f"first given at line {first.line}; merge the two or rename one",
                         related=(Related(first, f"`{name}` first given here"),))
            return False
        return True  # a scalar key of another allowed type (a number, a date...): read as its text

    def _items(self, sequence: yaml.SequenceNode) -> list[yaml.Node]:
        self._count_visit(sequence)
        return sequence.value if self._tag_allowed(sequence) else []

    def _count_visit(self, collection: yaml.Node) -> None:
        # Aliases share one composed node; reading it again is what alias bombs exploit.
        if id(collection) in self._seen_collections and not self._reading_again:
            self._alias_expansion += len(collection.value) + 1
            if self._alias_expansion > self.limits.max_alias_expansion:
                self._report(LIMIT_EXCEEDED,
                             f"YAML aliases expand to more than {self.limits.max_alias_expansion} elements",
                             self._loc(collection),
                             hint="write repeated content out, or raise TOC_MAX_ALIAS_EXPANSION")
                raise _LimitReached
        else:
            self._seen_collections.add(id(collection))

    def _tag_allowed(self, value: yaml.Node, node_id: str | None = None) -> bool:
        if value.tag in _ALLOWED_TAGS:
            return True
        shown = "!!" + value.tag[len(_TAG):] if value.tag.startswith(_TAG) else value.tag
        self._report(INVALID_VALUE, f"YAML tag `{shown}` is not allowed: toc reads plain values only",
                     self._loc(value), node=node_id, hint="remove the tag; toc never runs or converts tagged values")
        return False

    def _text(self, value: yaml.Node, name: str, node_id: str | None = None) -> str | None:
        """Text as written: `label: No` stays "No", `version: 1.10` stays "1.10"."""
        if isinstance(value, yaml.ScalarNode) and value.tag in _TEXT_TAGS:
            return value.value
        if _is_null(value):
            return None
        if self._tag_allowed(value, node_id):
            mapping = isinstance(value, yaml.MappingNode)
            self._report(INVALID_VALUE, f"`{name}` should be text, not {_describe(value)}", self._loc(value),
                         node=node_id, hint=misplaced.text_hint(name, value) if mapping else None,
                         # fields indented under a text field are lost to their node
                         affects=tuple(fact for key, item in (value.value if mapping and node_id else ())
                                       for fact in misplaced.left_out(getattr(key, "value", None), node_id, item)))
        return None

    def _id_text(self, value: yaml.Node, what: str, node_id: str | None) -> str | None:
        text = self._text(value, what, node_id)
        if text is None:
            if _is_null(value):
                self._report(INVALID_VALUE, f"empty {what}", self._loc(value), node=node_id)
            return None
        if not self._valid_id(text, value, what, node_id):
            return None
        return text

    def _valid_id(self, text: str, where: yaml.Node, what: str, node_id: str | None = None) -> bool:
        if text and _SPACE.search(text) is None:
            return True
        if " - " in text:  # "- a\n   - b" with the second dash further in: one item, "a - b"
            hint = "a `-` indented more than the `-` above it is read as part of that item's text: " \
                   "start every item's `-` in the same column"
        else:
            hint = f'use hyphens, e.g. "{"-".join(text.split()) or "my-id"}"'
        self._report(INVALID_VALUE, f'{what} "{text}" is not a valid id: ids are one word without spaces',
                     self._loc(where), node=node_id, hint=hint,
                     affects=(f"links-from:{node_id}",) if what in ("leads_to entry", "to") and node_id else ())
        return False

    def _choice(self, value: yaml.Node, name: str, choices: tuple[str, ...], kind, node_id: str | None = None):
        text = self._text(value, name, node_id)
        if text is None:
            return None
        if text in choices:
            return kind._value2member_map_[text] if kind is not str else text
        suggestion = closest(text, choices)
        self._report(INVALID_VALUE, f'`{name}: {text}` is not one of {" | ".join(choices)}', self._loc(value),
                     node=node_id, hint=f'did you mean "{suggestion}"?' if suggestion else None)
        return None

    def _integer(self, value: yaml.Node, name: str) -> int | None:
        if isinstance(value, yaml.ScalarNode) and value.tag == INT:
            return self._whole_number(value, name, None)
        if isinstance(value, yaml.ScalarNode) and value.tag == FLOAT:  # 1.0 is the number 1, as in JSON
            number = _CONSTRUCTOR.construct_yaml_float(value)
            if number.is_integer():
                return int(number)
        if self._tag_allowed(value):
            self._report(INVALID_VALUE, f"`{name}` should be a whole number, not {_describe(value)}",
                         self._loc(value))
        return None

    def _whole_number(self, value: yaml.ScalarNode, name: str, node_id: str | None) -> int | None:
        """An integer's value, or None with a finding when it is too large to use."""
        text = value.value
        # Plain decimal digits (a baseline of 42) need none of YAML 1.1's 0x, 0o, 1_000 or 1:30 forms.
        number = None if len(text) > _MOST_DIGITS else (
            int(text) if text.isascii() and text.isdigit() and text[0] != "0" else _CONSTRUCTOR.construct_yaml_int(value))
        if number is None or number.bit_length() > _MOST_BITS:
            self._report(INVALID_VALUE, f"`{name}` is a number too large to use ({len(text):,} characters)",
                         self._loc(value), node=node_id,
                         hint="a number in a model is at most about 1e300; quote it to keep it as text")
            return None
        return number

    def _positive(self, value: yaml.Node, name: str, node_id: str | None, whole: bool) -> int | float | None:
        """A number above zero (`sample:` a whole number of people, `sd:` any), or None with a finding."""
        if whole:  # read (and an empty or fractional value reported) as every whole number is
            number = self._integer(value, name)
            if number is None:
                return None
        else:
            number = self._scalar(value, name, node_id)
            if number is None:
                return None
        usable = isinstance(number, int) or (isinstance(number, float) and math.isfinite(number))
        if not usable or number <= 0:
            kind = "a whole number above 0" if whole else "a number above 0"
            self._report(INVALID_VALUE, f"`{name}` should be {kind}, not {_describe(value)}", self._loc(value),
                         node=node_id)
            return None
        return number

    def _boolean(self, value: yaml.Node, name: str, node_id: str | None) -> bool | None:
        if isinstance(value, yaml.ScalarNode) and value.tag == BOOL:
            return _CONSTRUCTOR.construct_yaml_bool(value)
        if self._tag_allowed(value, node_id):
            self._report(INVALID_VALUE, f"`{name}` should be true or false, not {_describe(value)}",
                         self._loc(value), node=node_id)
        return None

    def _scalar(self, value: yaml.Node, name: str, node_id: str | None) -> str | int | float | None:
        if isinstance(value, yaml.ScalarNode) and value.tag == INT:
            return self._whole_number(value, name, node_id)
        if isinstance(value, yaml.ScalarNode) and value.tag == FLOAT:
            return _CONSTRUCTOR.construct_yaml_float(value)
        if isinstance(value, yaml.ScalarNode) and value.tag in _TEXT_TAGS:
            return value.value
        if not _is_null(value) and self._tag_allowed(value, node_id):
            self._report(INVALID_VALUE, f"`{name}` should be a number or text, not {_describe(value)}",
                         self._loc(value), node=node_id)
        return None

    def _codes(self, value: yaml.Node, node_id: str | None = None) -> tuple[str, ...]:
        """A list of rule codes or prefixes (TOC301, TOC3), each checked against the rules."""
        if _is_null(value):
            return ()
        if not isinstance(value, yaml.SequenceNode):
            self._report(INVALID_VALUE, f"ignore should be a list of rule codes, not {_describe(value)}",
                         self._loc(value), node=node_id, hint="e.g. ignore: [TOC303, TOC4]")
            return ()
        written = [(self._text(item, "rule code", node_id), item) for item in self._items(value)]
        return tuple(code for code, _ in written if code is not None and self._valid_codes([(code, _)], node_id))

    def _valid_codes(self, codes: list[tuple[str, yaml.Node]], node_id: str | None = None) -> bool:
        valid = True
        for code, where in codes:
            if self.known_codes is None:
                if _CODE_FORM.fullmatch(code):
                    continue
            elif _CODE_FORM.fullmatch(code) and any(known.startswith(code) for known in self.known_codes):
                continue
            valid = False
            self._report(INVALID_VALUE, f'unknown rule code "{code}"', self._loc(where), node=node_id,
                         hint=did_you_mean(code, self.known_codes or ()) or "`toc rules` lists every code")
        return valid

    def _references(self, value: yaml.Node, name: str, node_id: str) -> tuple[Reference, ...]:
        if _is_null(value):
            return ()
        if not isinstance(value, yaml.SequenceNode):
            self._report(INVALID_VALUE, f"`{name}` should be a list of ids, not {_describe(value)}",
                         self._loc(value), node=node_id)
            return ()
        found = []
        for item in self._items(value):
            text = self._id_text(item, f"{name} entry", node_id)
            if text is not None:
                found.append(Reference(text, self._loc(item)))
        return tuple(found)

    # --------------------------------------------------------------- misc
    def _loc(self, value: yaml.Node) -> Location:
        mark = value.start_mark
        if self.editor_lines is not None:
            return self.editor_lines.location(mark.index)
        return Location(self.path, mark.line + 1, mark.column + 1)

    def _report(self, kind: FindingKind, message: str, location: Location, *, node: str | None = None,
                hint: str | None = None, related: tuple[Related, ...] = (), affects: tuple[str, ...] = (),
                rests_on: tuple[str, ...] = ()) -> None:
        self.findings.append(kind.finding(message, location, node=node, hint=hint, related=related, affects=affects,
                                          rests_on=rests_on))


# The node fields read as text by the builder itself, tried first (labels, groups...).
_NODE_TEXT = frozenset(f.name for f in field_tables.NODE if f.kind == "text") - set(pathway_fields.NODE_FIELDS)
# The indicator fields read as text, tried first (most of an indicator is text).
_INDICATOR_TEXT = frozenset(f.name for f in field_tables.INDICATOR if f.kind == "text")
assert {f.name for f in field_tables.INDICATOR} - _INDICATOR_TEXT == {"id", "availability", "instrument", "baseline",
                                                                     "target", "sample", "sd",
                                                                     *monitoring_fields.INDICATOR_FIELDS}, \
    "read the new indicator field in ModelBuilder._indicators"
_REQUIRED_HINTS = {
    "type": "add `type:` with one of " + " | ".join(field_tables.NODE_TYPES),
    "label": "add `label:` with the words for the box",
}



