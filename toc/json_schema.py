"""A JSON Schema (draft-07) of the model format, built from ``toc.fields``.

Editors use it for completion and inline errors (see the README). The loader is
the authority: the schema describes the same fields, but only `toc check` knows
about links, stages and positions.
"""

from __future__ import annotations

from toc import fields

_TEXT = {"type": ["string", "number", "boolean"]}
_ID = {"type": ["string", "number"], "pattern": fields.ID_PATTERN}
_CODES = {"type": "array", "items": {"type": "string", "pattern": "^TOC[0-9]*$"}}


def _field_schema(field: fields.Field) -> dict:
    simple = {
        "text": _TEXT,
        "id": _ID,
        "integer": {"type": "integer"},
        "number": {"type": "number"},
        "boolean": {"type": "boolean"},
        "scalar": {"type": ["string", "number"]},
        "codes": _CODES,
        "ids": {"type": "array", "items": _ID},
        "texts": {"type": "array", "items": _TEXT},
        "paths": {"type": "array", "items": {"type": "string"}},
    }
    if field.kind == "choice":
        schema = {"enum": list(field.choices)}
    elif field.kind == "choices":
        schema = {"type": "array", "items": {"enum": list(field.choices)}}
    else:
        schema = dict(simple.get(field.kind, {}))
    return {"description": field.doc, **schema}


def _object(section: tuple[fields.Field, ...], overrides: dict[str, dict] | None = None) -> dict:
    overrides = overrides or {}
    properties = {}
    for field in section:
        properties[field.name] = {**_field_schema(field), **overrides.get(field.name, {})}
    required = [field.name for field in section if field.required]
    schema = {"type": "object", "additionalProperties": False, "properties": properties}
    if required:
        schema["required"] = required
    return schema


def _entries(definition: str) -> dict:
    return {
        "type": ["object", "null"],
        "propertyNames": {"pattern": fields.ID_PATTERN},
        "additionalProperties": {"$ref": f"#/definitions/{definition}"},
    }


def json_schema() -> dict:
    link = _object(fields.LINK)
    indicator = _object(fields.INDICATOR)
    assumption = _object(fields.ASSUMPTION)
    node = _object(
        fields.NODE,
        {
            "leads_to": {"type": ["array", "null"], "items": {"anyOf": [_ID, {"$ref": "#/definitions/link"}]}},
            "indicators": {"type": ["array", "null"], "items": {"$ref": "#/definitions/indicator"}},
            "figures": {"type": ["array", "null"], "items": {"$ref": "#/definitions/figure"}},
            "eif_rating": {"enum": list(fields.EIF_RATINGS) + [2, 3, 4]},  # YAML reads `eif_rating: 3` as a number
        },
    )
    node["allOf"] = [
        {"if": {"properties": {"type": {"const": "outcome"}}}, "then": {"required": ["term"]}},
    ]
    check = _object(
        fields.CHECK,
        {
            "severity": {
                "type": "object",
                "propertyNames": {"pattern": "^TOC[0-9]*$"},
                "additionalProperties": {"enum": list(fields.SEVERITIES)},
            }
        },
    )
    top = _object(
        fields.TOP_LEVEL,
        {
            "toc": {"const": fields.FORMAT_VERSION},
            "nodes": {
                "type": "object",
                "propertyNames": {"pattern": fields.ID_PATTERN},
                "additionalProperties": {"$ref": "#/definitions/node"},
            },
            "assumptions": {
                "type": "object",
                "propertyNames": {"pattern": fields.ID_PATTERN},
                "additionalProperties": {"$ref": "#/definitions/assumption"},
            },
            "check": {"$ref": "#/definitions/check"},
            "evaluation": {"$ref": "#/definitions/evaluation"},
            "methods": _entries("method"),
            "measures": _entries("measure"),
            "pathway": {"$ref": "#/definitions/pathway"},
        },
    )
    evaluation = _object(
        fields.EVALUATION, {"questions": {"type": ["array", "null"], "items": {"$ref": "#/definitions/question"}}}
    )
    entries = {"type": ["object", "null"], "propertyNames": {"pattern": fields.ID_PATTERN},
               "additionalProperties": _TEXT}
    pathway = _object(fields.PATHWAY, {"levels": entries, "populations": entries})
    figure = _object(fields.FIGURE, {"comparator": {"$ref": "#/definitions/comparator"}})
    comparator = _object(fields.COMPARATOR)
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "Theory of change model (toc format 1)",
        **top,
        "definitions": {
            "node": node,
            "link": link,
            "indicator": indicator,
            "assumption": assumption,
            "check": check,
            "evaluation": evaluation,
            "question": _object(fields.QUESTION),
            "method": _object(fields.METHOD),
            "measure": _object(fields.MEASURE),
            "pathway": pathway,
            "figure": figure,
            "comparator": comparator,
        },
    }
