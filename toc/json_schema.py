"""A JSON Schema (draft-07) of the model format, built from ``toc.fields``.

Editors use it for completion and inline errors (see the README). It accepts
exactly the files whose fields `toc check` reads without a TOC0xx finding
(tests/test_schema_agreement.py holds the two to that), except what a schema
cannot see: one part of the file naming another (a service's level that the
pathway lacks, an id used twice) and the catalogue files a model names. Links,
stages and everything else the rules find are `toc check`'s alone.

How YAML's values meet JSON's types, as the loader reads them:

- text is any scalar, taken as written: `label: yes` and `label: 12` are text;
- an empty value (`title:`, `evidence: ~`) counts as not given, so every optional
  field may be null, except where the loader asks for a value: an id (`level:`,
  `instrument:`), a whole number (`sms:`) or true/false (`feedback:`);
- a required field that is empty is missing;
- JSON has one kind of number: `1.0` is the whole number 1, and `eif_rating: 3.0`
  is the rating 3.
"""

from __future__ import annotations

from collections.abc import Iterable

from toc import fields
from toc.loading.pathway_fields import SERVICE_FIELDS
from toc.periods import FIRST_YEAR, LAST_YEAR, PERIOD_PATTERN

_TEXT = {"type": ["string", "number", "boolean"]}
_ID = {"type": ["string", "number", "boolean"], "pattern": fields.ID_PATTERN}
_CODE_FORM = {"type": "string", "pattern": "^TOC[0-9]*$"}
# The loader reads catalogue files only by these names (toc.loading.catalogue_files); JSON Schema's
# regular expressions have no flag for case.
_YAML_PATH = {"type": "string", "pattern": r"\.([yY][aA][mM][lL]|[yY][mM][lL])$"}
# Actuals files are read by these names (toc.loading.monitoring_fields).
_DATA_PATH = {"type": "string", "pattern": r"\.([cC][sS][vV]|[xX][lL][sS][xX])$"}
# A period: a year as a number, or any form as text (a financial year's second part, the year after
# the first, is the loader's to check).
_PERIOD = {"type": ["string", "integer"], "pattern": PERIOD_PATTERN, "minimum": FIRST_YEAR, "maximum": LAST_YEAR}
# JSON has no NaN or infinity, YAML has (.nan, .inf) and the loader refuses them as figures. Infinity
# is beyond the largest double; NaN passes every comparison, so it alone is at least 0 and at most -1.
_LARGEST = 1.7976931348623157e308
_FINITE_NUMBER = {"type": "number", "minimum": -_LARGEST, "maximum": _LARGEST,
                  "not": {"type": "number", "minimum": 0, "maximum": -1}}
# A number of people (`sample:`) and a standard deviation (`sd:`) are above zero.
_PEOPLE = {"type": "integer", "minimum": 1}
_POSITIVE_NUMBER = {**_FINITE_NUMBER, "exclusiveMinimum": 0}
# Kinds whose empty value the loader reports (an empty id, number or true/false) rather than ignores.
_NEVER_EMPTY = frozenset({"id", "integer", "boolean"})


def _or_null(schema: dict) -> dict:
    """``schema``, or an empty value (which the loader reads as not given)."""
    if "$ref" in schema:
        return {"anyOf": [schema, {"type": "null"}]}
    schema = dict(schema)
    if "enum" in schema:
        schema["enum"] = [*schema["enum"], None]
    if "type" in schema:
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        schema["type"] = [*types, "null"]
    return schema


def _field_schema(field: fields.Field, code: dict) -> dict:
    simple = {
        "text": _TEXT,
        "id": _ID,
        "integer": {"type": "integer"},
        "number": _FINITE_NUMBER,
        "boolean": {"type": "boolean"},
        "scalar": _TEXT,  # a number, or text such as `not yet known`
        # In a list of text, choices, codes or paths an empty item is left out; an empty id is reported.
        "codes": {"type": "array", "items": _or_null(code)},
        "ids": {"type": "array", "items": _ID},
        "texts": {"type": "array", "items": _or_null(_TEXT)},
        "paths": {"type": "array", "items": _or_null(_YAML_PATH)},
        "data paths": {"type": "array", "items": _or_null(_DATA_PATH)},
        "period": _PERIOD,
        # Format 1.1: a question's links, `from -> to`; the user's own fields under `meta:`.
        "links": {"type": "array", "items": {"type": "string", "pattern": fields.LINK_REFERENCE_PATTERN}},
        "meta": {"type": "object", "additionalProperties": {
            "anyOf": [_or_null(_TEXT), {"type": "array", "items": _or_null(_TEXT)}]}},
    }
    if field.kind == "choice":
        schema = {"enum": list(field.choices)}
    elif field.kind == "choices":
        schema = {"type": "array", "items": {"enum": [*field.choices, None]}}
    else:
        schema = dict(simple.get(field.kind, {}))
    return {"description": field.doc, **schema}


def _object(section: tuple[fields.Field, ...], code: dict, overrides: dict[str, dict] | None = None) -> dict:
    """A mapping of the section's fields; an optional field may be empty unless the loader reports it."""
    overrides = overrides or {}
    properties = {}
    for field in section:
        schema = {**_field_schema(field, code), **overrides.get(field.name, {})}
        never_empty = schema.pop("never_empty", False)
        if not (field.required or field.kind in _NEVER_EMPTY or never_empty):
            schema = _or_null(schema)
        properties[field.name] = schema
    required = [field.name for field in section if field.required]
    schema = {"type": "object", "additionalProperties": False, "properties": properties}
    if required:
        schema["required"] = required
    return schema


def _entries_of(item: dict, *, empty: bool = True) -> dict:
    """A mapping of id to ``item`` (nodes:, assumptions:, methods:...), empty or not given when ``empty``."""
    return {
        "type": ["object", "null"] if empty else "object",
        "propertyNames": {"pattern": fields.ID_PATTERN},
        "additionalProperties": item,
    }


def _node_type_rules() -> list[dict]:
    """What depends on a node's type: the term of outcomes, the figures of needs, the fields of services."""

    def when_type(types, then: dict) -> dict:
        return {"if": {"properties": {"type": {"enum": list(types)}}, "required": ["type"]}, "then": then}

    def others(node_type: str) -> list[str]:
        return [t for t in fields.NODE_TYPES if t != node_type]

    any_service_field = {"anyOf": [{"required": [name]} for name in SERVICE_FIELDS]}
    return [
        when_type(["outcome"], {"required": ["term"], "properties": {"term": {"enum": list(fields.TERMS)}}}),
        when_type(others("outcome"), {"not": {"required": ["term"]}}),
        when_type(others("need"), {"not": {"required": ["figures"]}}),
        when_type(others("activity"), {"not": any_service_field}),
        # A service (an activity with any service field) says where on the pathway it sits.
        when_type(["activity"], {"anyOf": [{"not": any_service_field}, {"required": ["level", "populations"]}]}),
    ]


def json_schema(rule_codes: Iterable[str] = ()) -> dict:
    """The schema; ``rule_codes`` (the checker's rules) are what `ignore:` and `severity:` may name,
    a code or a prefix of one. Without them any TOC code of the right form is accepted."""
    prefixes = sorted({code[:end] for code in rule_codes for end in range(3, len(code) + 1)})
    code = {"enum": prefixes} if prefixes else _CODE_FORM
    node = _object(
        fields.NODE,
        code,
        {
            "leads_to": {"type": "array", "items": {"anyOf": [_ID, {"$ref": "#/definitions/link"}]}},
            "indicators": {"type": "array", "items": {"$ref": "#/definitions/indicator"}},
            "figures": {"type": "array", "items": {"$ref": "#/definitions/figure"}},
            # YAML reads `eif_rating: 3` as a number.
            "eif_rating": {"enum": [*fields.EIF_RATINGS, 2, 3, 4]},
            "capacity": _PEOPLE,
        },
    )
    node["allOf"] = _node_type_rules()
    check = _object(
        fields.CHECK,
        code,
        {
            "severity": {
                "type": "object",
                "propertyNames": code,
                "additionalProperties": {"enum": [*fields.SEVERITIES, None]},
            }
        },
    )
    top = _object(
        fields.TOP_LEVEL,
        code,
        {
            "toc": {"const": fields.FORMAT_VERSION},
            # Required, but an empty `nodes:` is a model with no boxes yet, as `nodes: {}` is.
            "nodes": _entries_of({"$ref": "#/definitions/node"}),
            "assumptions": _entries_of({"$ref": "#/definitions/assumption"}, empty=False),
            "mechanisms": _entries_of({"$ref": "#/definitions/mechanism"}, empty=False),
            "check": {"$ref": "#/definitions/check"},
            "evaluation": {"$ref": "#/definitions/evaluation"},
            "methods": _entries_of({"$ref": "#/definitions/method"}, empty=False),
            "measures": _entries_of({"$ref": "#/definitions/measure"}, empty=False),
            "pathway": {"$ref": "#/definitions/pathway"},
            "monitoring": {"$ref": "#/definitions/monitoring"},
        },
    )
    evaluation = _object(fields.EVALUATION, code,
                         {"questions": {"type": "array", "items": {"$ref": "#/definitions/question"}}})
    # An empty list of levels or populations is reported: leaving it out gives the defaults.
    labels = {**_entries_of(_or_null(_TEXT), empty=False), "minProperties": 1, "never_empty": True}
    pathway = _object(fields.PATHWAY, code, {"levels": labels, "populations": labels,
                                             "coverage": {**_FINITE_NUMBER, "minimum": 0, "maximum": 1}})
    figure = _object(fields.FIGURE, code, {"comparator": {"$ref": "#/definitions/comparator"}, "population": _PEOPLE})
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": f"Theory of change model (toc format {fields.FORMAT_REVISION})",
        **top,
        "definitions": {
            "node": node,
            "link": _object(fields.LINK, code),
            "indicator": _object(fields.INDICATOR, code, {
                "sample": _PEOPLE, "sd": _POSITIVE_NUMBER,
                "trajectory": {"type": "object", "propertyNames": {"pattern": PERIOD_PATTERN},
                               "additionalProperties": _FINITE_NUMBER}}),
            "monitoring": _object(fields.MONITORING, code, {"tolerance": {**_FINITE_NUMBER, "minimum": 0,
                                                                          "maximum": 1}}),
            "assumption": _object(fields.ASSUMPTION, code),
            "mechanism": _object(fields.MECHANISM, code),
            "check": check,
            "evaluation": evaluation,
            "question": _object(fields.QUESTION, code, {"sample": _PEOPLE}),
            "method": _object(fields.METHOD, code),
            "measure": _object(fields.MEASURE, code),
            "pathway": pathway,
            "figure": figure,
            "comparator": _object(fields.COMPARATOR, code),
        },
    }
