"""The JSON Schema (`toc schema`) and `toc check` agree on what is valid.

A document is *schema-valid* when draft-07 validation of what ``yaml.safe_load``
reads (as an editor's YAML language server does) finds nothing; it is
*loader-clean* when the loader, which `toc check` runs before any rule, reports no
TOC001-TOC006 finding. The two must agree on every variant of a valid model, by
hand (each variant changes one thing) and by Hypothesis (random values, deleted
and unknown fields).

What a schema cannot see is left out, and only that: one part of the file naming
another (a service's level that the pathway lacks, an id used twice) and the
catalogue files a model names. ``yaml.safe_load`` reads YAML 1.1, so `yes` is a
boolean (and text, for the loader); dates, which JSON lacks and editors read as
text, are compared as text.
"""

from __future__ import annotations

import copy
import datetime
import re

import jsonschema
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toc import fields
from toc.json_schema import json_schema
from toc.loading import load_text
from toc.rules import RULES

VALIDATOR = jsonschema.Draft7Validator(json_schema(RULES))

# A valid model with every section of the format and a value for every field (those not written
# here are filled in below from their kind).
BASE = {
    "toc": 1, "title": "Wirral", "area": "Wirral", "owner": "RPC lead", "version": "draft 2",
    "horizon": "2024-2026", "description": "Background.", "uses": ["eif-rpc"], "catalogues": [],
    "pathway": {"levels": {"universal": "Universal", "targeted": "Targeted"},
                "populations": {"all-parents": "All parents"}, "coverage": 0.5},
    "assumptions": {"engage": {"text": "Parents take up support", "evidence": "weak", "criticality": "high"}},
    "mechanisms": {"modelling": {"label": "Practitioners model calm disagreement", "description": "In sessions.",
                                 "evidence": "moderate"}},
    "nodes": {
        "need": {"type": "need", "label": "Conflict", "leads_to": ["input"],
                 "figures": [{"id": "f1", "measure": "Rate", "value": 1.5, "unit": "%", "source": "ONS",
                              "year": "2021", "geography": "East", "population": 8000, "level": "universal", "comparator": {"label": "England", "value": 2},
                              "notes": "Provisional"}]},
        "input": {"type": "input", "label": "Funding", "leads_to": ["act"]},
        "act": {"type": "activity", "label": "Group work", "group": "Parents", "description": "Weekly.",
                "level": "universal", "populations": ["all-parents"], "provider": "Youth team", "delivery": "group",
                "area": "North", "eif_rating": "3", "capacity": 120, "methods": ["monitoring-data"], "ignore": ["TOC206"],
                "leads_to": [{"to": "out", "assumption": "Parents attend", "evidence": "moderate",
                              "assumptions": ["engage"], "feedback": False}]},
        "out": {"type": "output", "label": "Sessions held", "leads_to": ["oc"],
                "indicators": [{"id": "i1", "measure": "Sessions", "instrument": "swemwbs", "source": "Register",
                                "owner": "Team", "frequency": "monthly", "unit": "sessions", "baseline": 0,
                                "target": 10, "availability": "collected", "notes": "Counted weekly",
                                "trajectory": {"2025-Q2": 4, 2026: 10}}]},
        "oc": {"type": "outcome", "term": "short", "label": "Less conflict", "maps_to": ["eif-rpc:central-risk"],
               "leads_to": ["imp"]},
        "imp": {"type": "impact", "label": "Children thrive"},
    },
    "methods": {"audit": {"name": "Audit", "family": "process", "description": "Case files.", "types": ["activity"],
                          "terms": ["short"], "questions": ["process"], "strength": "Some", "sms": 3,
                          "respondents": ["practitioners"], "data": ["case records"], "cost": "low",
                          "duration": "1 month", "ethics": ["personal-data"], "limitations": "Small sample"}},
    "measures": {"goals": {"name": "Goals", "measures": "Progress", "respondent": "Parent", "length": "3 items",
                           "licence": "Free", "ethics": ["sensitive"], "safeguarding": "Route to the team"}},
    "evaluation": {"purpose": "Learn", "users": "Board", "budget": "£10,000", "timeline": "2025", "lead": "Evaluator",
                   "deliverables": ["Final report"],
                   "questions": [{"id": "q1", "text": "Did it work?", "kind": "impact", "nodes": ["oc"],
                                  "methods": ["audit"], "owner": "Evaluator", "timing": "Month 9"}]},
    "check": {"ignore": ["TOC303"], "severity": {"TOC301": "error"}},
    "monitoring": {"start": "2025-Q1", "end": "2026-Q4", "actuals": ["actuals.csv"],
                   "tolerance": 0.1},
}

# Where each section's records are in BASE (a path of keys and list positions).
RECORDS = (
    ((), "top level"),
    *(((("nodes", node_id)), "node") for node_id in BASE["nodes"]),
    (("nodes", "act", "leads_to", 0), "link"),
    (("nodes", "out", "indicators", 0), "indicator"),
    (("assumptions", "engage"), "assumption"),
    (("mechanisms", "modelling"), "mechanism"),
    (("check",), "check"),
    (("evaluation",), "evaluation"),
    (("evaluation", "questions", 0), "question"),
    (("methods", "audit"), "method"),
    (("measures", "goals"), "measure"),
    (("pathway",), "pathway"),
    (("nodes", "need", "figures", 0), "figure"),
    (("nodes", "need", "figures", 0, "comparator"), "comparator"),
    (("monitoring",), "monitoring"),
)

# A valid value of each kind of field, for fields BASE does not write out.
SAMPLE_OF_KIND = {
    "text": "Some text", "texts": ["some text"], "id": "x1", "ids": ["x1"], "integer": 3, "number": 1.5,
    "boolean": True, "scalar": 5, "codes": ["TOC303"], "paths": [], "data paths": [], "period": "2025-Q1",
    "links": ["act -> out"], "meta": {"cost-centre": "RPC-01", "hours": 12, "funders": ["DWP", "council"]},
}


def sample(field: fields.Field):
    """A valid value for a field of the given kind (a section's value must be written in BASE)."""
    if field.kind in ("choice", "choices"):
        return field.choices[0] if field.kind == "choice" else [field.choices[0]]
    assert field.kind in SAMPLE_OF_KIND, f"write a valid value of `{field.name}` ({field.kind}) into BASE"
    return copy.deepcopy(SAMPLE_OF_KIND[field.kind])


def record_at(document, path: tuple):
    for step in path:
        document = document[step]
    return document


_node_fields = {name for node in BASE["nodes"].values() for name in node}
for _path, _section in RECORDS:
    for _field in fields.SECTIONS[_section]:
        if _section == "node":  # (which node a field suits depends on the field: the output, unless written)
            if _field.name not in _node_fields:
                BASE["nodes"]["out"][_field.name] = sample(_field)
        elif _field.name not in record_at(BASE, _path):
            record_at(BASE, _path)[_field.name] = sample(_field)

# Findings about one part of the file naming another, or about other files: no schema can say.
_BEYOND_A_SCHEMA = re.compile(r'unknown (level|population) "|" is used twice|^catalogue (?!".*" is not a \.yaml)'
                               r'|^actuals file (?!".*" is not a \.csv)')


def schema_errors(text: str) -> list[str]:
    try:
        document = yaml.safe_load(text)
    except yaml.YAMLError as error:  # (a tag PyYAML will not build: an editor flags it too)
        return [f"YAML: {error}"]
    return [f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
            for error in VALIDATOR.iter_errors(_dates_as_text(document))]


def loader_findings(text: str) -> list[str]:
    """The loader's findings, as `toc check` gets them before any rule or `ignore:` applies."""
    result = load_text(text, "/nonexistent/m.toc.yaml", known_codes=RULES)
    return [f"{f.code} {f.location.line}:{f.location.column} {f.message}" for f in result.findings
            if not _BEYOND_A_SCHEMA.search(f.message)]


def _dates_as_text(value):
    if isinstance(value, dict):
        return {_dates_as_text(key): _dates_as_text(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_dates_as_text(item) for item in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value


def assert_agree(text: str) -> bool:
    """Both say valid, or both say invalid; returns which."""
    schema, loader = schema_errors(text), loader_findings(text)
    assert (not schema) == (not loader), (
        f"the schema says {schema or 'valid'}, toc check says {loader or 'valid'}, for:\n{text}")
    return not schema


# ----------------------------------------------------------- variants by hand
_DELETE = object()


def variant(path: tuple, raw) -> str:
    """BASE as YAML with the value at ``path`` written as ``raw`` (YAML text), or deleted."""
    document = copy.deepcopy(BASE)
    *parents, last = path
    record = document
    for step in parents:
        record = record[step]
    if raw is _DELETE:
        del record[last]
        return yaml.safe_dump(document, sort_keys=False, allow_unicode=True)
    record[last] = "ZZVALUEZZ"
    return yaml.safe_dump(document, sort_keys=False, allow_unicode=True).replace("ZZVALUEZZ", raw)


ACT, OUT, OC, NEED = ("nodes", "act"), ("nodes", "out"), ("nodes", "oc"), ("nodes", "need")
LINK, INDICATOR, FIGURE = ACT + ("leads_to", 0), OUT + ("indicators", 0), NEED + ("figures", 0)
METHOD, QUESTION = ("methods", "audit"), ("evaluation", "questions", 0)

# (what changes, where, the YAML written there, whether the result is valid)
VARIANTS = [
    ("the model as it is", ("title",), "Wirral", True),
    # The format version.
    ("toc 1.0 is the number 1", ("toc",), "1.0", True),
    ("toc 1.5", ("toc",), "1.5", False),
    ("toc as text", ("toc",), "'1'", False),
    ("toc 2", ("toc",), "2", False),
    ("toc true", ("toc",), "true", False),
    ("toc empty", ("toc",), "~", False),
    ("toc missing", ("toc",), _DELETE, False),
    # Fields on the wrong type of node.
    ("term on an activity", ACT + ("term",), "short", False),
    ("empty term on an activity", ACT + ("term",), "~", False),
    ("figures on an activity", ACT + ("figures",), "[{id: f9, value: 1}]", False),
    ("a service field on an outcome", OC + ("level",), "universal", False),
    ("eif_rating on an output", OUT + ("eif_rating",), "'3'", False),
    ("a service without populations", ACT + ("populations",), _DELETE, False),
    ("a service with empty populations", ACT + ("populations",), "~", True),
    ("an outcome without a term", OC + ("term",), _DELETE, False),
    ("an outcome with an empty term", OC + ("term",), "~", False),
    # true/false.
    ("feedback yes (YAML 1.1)", LINK + ("feedback",), "yes", True),
    ("feedback off (YAML 1.1)", LINK + ("feedback",), "off", True),
    ("feedback as text", LINK + ("feedback",), "'true'", False),
    ("feedback 1", LINK + ("feedback",), "1", False),
    ("feedback empty", LINK + ("feedback",), "~", False),
    # Empty optional values count as not given.
    ("empty evidence", LINK + ("evidence",), "~", True),
    ("empty availability", INDICATOR + ("availability",), "~", True),
    ("empty title", ("title",), "~", True),
    ("empty check", ("check",), "~", True),
    ("empty severity", ("check", "severity", "TOC301"), "~", True),
    ("empty evaluation", ("evaluation",), "~", True),
    ("empty pathway", ("pathway",), "~", True),
    ("empty comparator", FIGURE + ("comparator",), "~", True),
    ("empty method list", ACT + ("methods",), "~", True),
    ("empty method types", METHOD + ("types",), "~", True),
    ("an empty item in a list of text", ("evaluation", "deliverables"), "[report, ~]", True),
    ("empty nodes: a model with no boxes yet", ("nodes",), "~", True),
    ("empty baseline", INDICATOR + ("baseline",), "~", True),
    # Empty required values are missing.
    ("empty label", ACT + ("label",), "~", False),
    ("empty figure value", FIGURE + ("value",), "~", False),
    ("empty comparator value", FIGURE + ("comparator", "value"), "~", False),
    ("empty question kind", QUESTION + ("kind",), "~", False),
    ("empty question text", QUESTION + ("text",), "~", False),
    ("empty method name", METHOD + ("name",), "~", False),
    ("empty method family", METHOD + ("family",), "~", False),
    ("empty pathway levels", ("pathway", "levels"), "~", False),
    ("no pathway levels", ("pathway", "levels"), "{}", False),
    # Empty ids, whole numbers and true/false are reported.
    ("empty level", ACT + ("level",), "~", False),
    ("empty instrument", INDICATOR + ("instrument",), "~", False),
    ("empty sms", METHOD + ("sms",), "~", False),
    ("an empty link", OUT + ("leads_to",), "[~]", False),
    # Text is any scalar, as written.
    ("label no (YAML 1.1)", ACT + ("label",), "no", True),
    ("label a number", ACT + ("label",), "12", True),
    ("label a date", ACT + ("label",), "2024-01-01", True),
    ("label a list", ACT + ("label",), "[a]", False),
    ("label a mapping", ACT + ("label",), "{a: 1}", False),
    ("baseline true", INDICATOR + ("baseline",), "true", True),
    ("baseline a list", INDICATOR + ("baseline",), "[1]", False),
    # Numbers.
    ("sms 3.0 is the number 3", METHOD + ("sms",), "3.0", True),
    ("sms 2.5", METHOD + ("sms",), "2.5", False),
    ("sms as text", METHOD + ("sms",), "'3'", False),
    ("figure value as text", FIGURE + ("value",), "'1.5'", False),
    ("figure value .nan", FIGURE + ("value",), ".nan", False),
    ("figure value .inf", FIGURE + ("value",), ".inf", False),
    ("figure value true", FIGURE + ("value",), "true", False),
    ("comparator value -.inf", FIGURE + ("comparator", "value"), "-.inf", False),
    ("eif_rating 3 as a number", ACT + ("eif_rating",), "3", True),
    ("eif_rating 2.0 is the rating 2", ACT + ("eif_rating",), "2.0", True),
    ("eif_rating 2.5", ACT + ("eif_rating",), "2.5", False),
    ("eif_rating 5", ACT + ("eif_rating",), "5", False),
    # Choices.
    ("evidence good", LINK + ("evidence",), "good", False),
    ("evidence no (YAML 1.1)", LINK + ("evidence",), "no", False),
    ("type outcom", ACT + ("type",), "outcom", False),
    ("delivery bus", ACT + ("delivery",), "bus", False),
    ("severity fatal", ("check", "severity", "TOC301"), "fatal", False),
    ("method types with an unknown type", METHOD + ("types",), "[activity, box]", False),
    ("method types not a list", METHOD + ("types",), "activity", False),
    # Ids.
    ("an indicator id with a space", INDICATOR + ("id",), "'a b'", False),
    ("an indicator id yes (YAML 1.1)", INDICATOR + ("id",), "yes", True),
    ("an indicator id a number", INDICATOR + ("id",), "1.5", True),
    ("a link to an id with a space", OUT + ("leads_to",), "['o c']", False),
    ("a node id with a space", ("nodes",), "{a b: {type: input, label: A}}", False),
    ("a question id with a space", QUESTION + ("id",), "q 1", False),
    ("method ids in a node with a space", ACT + ("methods",), "[a b]", False),
    ("uses not a list", ("uses",), "eif-rpc", False),
    # Rule codes.
    ("ignore an unknown code", ACT + ("ignore",), "[TOC999]", False),
    ("ignore a lower-case code", ACT + ("ignore",), "[toc206]", False),
    ("ignore an empty code", ACT + ("ignore",), "['']", False),
    ("ignore a prefix", ACT + ("ignore",), "[TOC2]", True),
    ("ignore the letter T", ("check", "ignore"), "[T]", False),
    ("severity of an unknown code", ("check", "severity"), "{TOC999: error}", False),
    ("ignore not a list", ACT + ("ignore",), "TOC206", False),
    # Demand and capacity.
    ("capacity on an output", OUT + ("capacity",), "10", False),
    ("capacity 0", ACT + ("capacity",), "0", False),
    ("capacity as text", ACT + ("capacity",), "'120'", False),
    ("a figure's population of 0", FIGURE + ("population",), "0", False),
    ("coverage above 1", ("pathway", "coverage"), "1.2", False),
    ("empty coverage", ("pathway", "coverage"), "~", True),
    # Monitoring.
    ("a year as a number", ("monitoring", "start"), "2025", True),
    ("a financial year", ("monitoring", "start"), "2025/26", True),
    ("a month", ("monitoring", "start"), "2025-04", True),
    ("month 13", ("monitoring", "start"), "2025-13", False),
    ("quarter 5", ("monitoring", "end"), "2026-Q5", False),
    ("a date is not a period", ("monitoring", "end"), "2026-01-01", False),
    ("a year too early", ("monitoring", "start"), "1066", False),
    ("an empty start", ("monitoring", "start"), "~", False),
    ("no end", ("monitoring", "end"), _DELETE, False),
    ("tolerance above 1", ("monitoring", "tolerance"), "1.5", False),
    ("tolerance as text", ("monitoring", "tolerance"), "'0.1'", False),
    ("empty tolerance", ("monitoring", "tolerance"), "~", True),
    ("actuals that are not CSV or XLSX", ("monitoring", "actuals"), "[data.txt]", False),
    ("a milestone as text", INDICATOR + ("trajectory", "2025-Q2"), "'4'", False),
    ("a milestone .nan", INDICATOR + ("trajectory", "2025-Q2"), ".nan", False),
    ("an empty milestone", INDICATOR + ("trajectory", "2025-Q2"), "~", False),
    ("a milestone for no period", INDICATOR + ("trajectory",), "{soon: 3}", False),
    ("direction up", INDICATOR + ("direction",), "up", False),
    ("accumulate sum", INDICATOR + ("accumulate",), "sum", True),
    # Shapes.
    ("indicators a mapping", OUT + ("indicators",), "{id: i}", False),
    ("an indicator that is text", OUT + ("indicators",), "[x]", False),
    ("leads_to text", OUT + ("leads_to",), "oc", False),
    ("a link without to", OUT + ("leads_to",), "[{evidence: weak}]", False),
    ("methods a list", ("methods",), "[]", False),
    ("a method that is empty", METHOD, "~", False),
    ("nodes a list", ("nodes",), "[]", False),
    ("a node that is empty", ACT, "~", False),
    ("a catalogue that is not YAML", ("catalogues",), "[methods.txt]", False),
    ("a pathway label that is a list", ("pathway", "levels", "universal"), "[a]", False),
    ("an empty pathway label", ("pathway", "levels", "universal"), "~", True),
    # Unknown and missing fields.
    ("an unknown node field", ACT + ("indicator",), "[]", False),
    ("an unknown top-level field", ("colour",), "red", False),
    ("a comparator without a label", FIGURE + ("comparator", "label"), _DELETE, False),
    ("a measure without measures", ("measures", "goals", "measures"), _DELETE, False),
    ("a question without an id", QUESTION + ("id",), _DELETE, False),
    # Format 1.1: status, meta, mechanisms, a question's links and assumptions.
    ("status draft on a link", LINK + ("status",), "draft", True),
    ("status agreed on a node", ACT + ("status",), "agreed", True),
    ("status in development (a space)", ACT + ("status",), "in development", False),
    ("details a single text", ACT + ("details",), "Weekly sessions", False),
    ("details with an empty item", ACT + ("details",), "[Weekly sessions, ~]", True),
    ("meta any key, a number, true and a list", ACT + ("meta",), "{Cost code: 12, local: true, tags: [a, 2]}", True),
    ("meta an empty value", ACT + ("meta",), "{cost: ~}", True),
    ("meta a nested mapping", ACT + ("meta",), "{budget: {year: 1}}", False),
    ("meta a list of mappings", ("meta",), "{budget: [{year: 1}]}", False),
    ("meta not a mapping", LINK + ("meta",), "[a]", False),
    ("a mechanism without a label", ("mechanisms", "modelling", "label"), _DELETE, False),
    ("a mechanism evidence good", ("mechanisms", "modelling", "evidence"), "good", False),
    ("mechanisms on a link not a list", LINK + ("mechanisms",), "modelling", False),
    ("a question link without an arrow", QUESTION + ("links",), "[act out]", False),
    ("a question link with three ends", QUESTION + ("links",), "[a -> b -> c]", False),
    ("a question link without spaces", QUESTION + ("links",), "[act->out]", True),
    ("a question link as a mapping", QUESTION + ("links",), "[{from: act, to: out}]", False),
    ("question assumptions not a list", QUESTION + ("assumptions",), "engage", False),
    # Tags.
    ("a binary value", ACT + ("label",), "!!binary aGVsbG8=", False),
    ("an explicit string tag", ACT + ("label",), "!!str 5", True),
    ("a custom tag", ACT + ("label",), "!custom x", False),
]


@pytest.mark.parametrize("path, raw, valid", [v[1:] for v in VARIANTS], ids=[v[0] for v in VARIANTS])
def test_schema_and_check_agree_on_each_variant(path, raw, valid):
    assert assert_agree(variant(path, raw)) == valid


def test_the_base_model_has_every_field_and_is_valid():
    found: dict[str, set[str]] = {}
    for path, section in RECORDS:
        found.setdefault(section, set()).update(record_at(BASE, path))
    for section, table in fields.SECTIONS.items():
        missing = set(fields.field_names(table)) - found.get(section, set())
        assert not missing, f"add the {section} fields {sorted(missing)} to BASE, with valid values"
    text = yaml.safe_dump(BASE, sort_keys=False, allow_unicode=True)
    assert schema_errors(text) == [] and loader_findings(text) == []


# ------------------------------------------------------------- by Hypothesis
# Values written into the YAML as they are: wrong types, empties, YAML 1.1 words, numbers as text,
# floats for whole numbers, ids with spaces, codes, and valid values of every choice.
HOSTILE = (
    "~", "''", "yes", "no", "on", "off", "true", "'true'", "0", "1", "3", "-1", "1.0", "2.0", "2.5", "1_000",
    "0x1", "017", ".nan", ".inf", "-.inf", "'1'", "'3'", "2024-01-01", "x", "a b", "'a b'", "é", "TOC303", "toc303",
    "TOC", "T", "TOC999", "'2+'", "NL2", "[]", "{}", "[x]", "[~]", "['a b']", "[1, 2]", "[[x]]", "[TOC303]",
    "[TOC3, ~]", "[oc]", "[{to: oc}]", "[{to: oc, feedback: yes}]", "[{id: z}]", "[{id: z, value: 1}]",
    "{label: E, value: 1}", "{label: E}", "{x: 1}", "{universal: U}", "{TOC301: error}", "[a.yaml]", "[a.txt]",
    "!!binary aGVsbG8=", "!!str 5", "!custom x",
    *fields.NODE_TYPES, *fields.TERMS, *fields.EVIDENCE_LEVELS, *fields.AVAILABILITY, *fields.DELIVERY_MODES,
    *fields.QUESTION_KINDS, *fields.SEVERITIES, "[activity]", "[short]", "[process]", "[children]",
    "[all-parents]", "universal", "targeted",
)
ALL_FIELD_NAMES = sorted({field.name for table in fields.SECTIONS.values() for field in table})
UNKNOWN_NAMES = ("colour", "labels", "Label", "1", "yes", "a b")


@st.composite
def mutated_models(draw) -> str:
    document = copy.deepcopy(BASE)
    values: list[str] = []
    for _ in range(draw(st.integers(1, 3))):
        path, section = draw(st.sampled_from(RECORDS))
        record = document
        for step in path:
            if not isinstance(record, (dict, list)) or step not in (record if isinstance(record, dict)
                                                                    else range(len(record))):
                record = None
                break
            record = record[step]
        if not isinstance(record, dict):
            continue  # an earlier change replaced it
        action = draw(st.sampled_from(("set", "set", "set", "delete", "unknown")))
        if action == "delete" and record:
            del record[draw(st.sampled_from(sorted(record, key=str)))]
            continue
        names = fields.field_names(fields.SECTIONS[section])
        name = draw(st.sampled_from(UNKNOWN_NAMES + tuple(ALL_FIELD_NAMES) if action == "unknown" else names))
        record[name] = f"ZZVALUE{len(values)}ZZ"
        values.append(draw(st.sampled_from(HOSTILE)))
    text = yaml.safe_dump(document, sort_keys=False, allow_unicode=True)
    for index, raw in enumerate(values):
        text = text.replace(f"ZZVALUE{index}ZZ", raw, 1)
    return text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_models())
def test_schema_and_check_agree_on_mutated_models(text):
    assert_agree(text)
