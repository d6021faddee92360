"""Every field of the format's tables reaches every consumer, and the JSON Schema agrees with the loader.

The tables in toc/fields.py are the one list of fields. For each field of each
table these tests check that docs/format.md documents it in its section's table,
that the JSON Schema has it in the right definition, that `toc fmt` puts it in
table order, and that the loader reads a valid value of it into the typed model.
Adding a field to a table and nothing else makes the consumers that miss it fail
here, by name. (tests/test_schema_agreement.py holds the schema and the loader to
the same verdict on every value; tests/test_diff.py checks `toc diff`.)
"""

from __future__ import annotations

import copy
import functools
import json

import jsonschema
import pytest
import yaml

from conftest import EXAMPLES, ROOT
from test_schema_agreement import BASE, RECORDS, record_at
from toc import fields
from toc.cli import main
from toc.json_schema import json_schema
from toc.loading import load_file
from toc.meaning import plain
from toc.reformat import format_text
from toc.rules import RULES

FORMAT_DOC = (ROOT / "docs" / "format.md").read_text()
EVERY_FIELD = [(section, field) for section, table in fields.SECTIONS.items() for field in table]
FIELD_IDS = [f"{section}.{field.name}" for section, field in EVERY_FIELD]

# Where docs/format.md starts each section's table of fields: the first table after this line.
DOC_TABLE_AFTER = {
    "top level": "## Top level",
    "node": "## Nodes",
    "link": "## Links: `leads_to`",
    "indicator": "## Indicators",
    "evaluation": "## Evaluation",
    "question": "Each question:",
    "method": "A method:",
    "measure": "A measure:",
    "assumption": "## Shared assumptions",
    "mechanism": "## Mechanisms of change",
    "check": "## `check`: rule settings for this file",
    "pathway": "## The support pathway: services and `pathway:`",
    "figure": "## Figures on needs",
    "comparator": "A `comparator` has two fields, both required:",
    "monitoring": "## Monitoring over time: `monitoring`",
}
# The typed model's attribute for a field, where its name is not the field's.
ATTRIBUTE = {("top level", "toc"): "format_version", ("node", "leads_to"): "links", ("link", "to"): "target"}
_ATTRIBUTE_OF_KEY = {name: attribute for (_, name), attribute in ATTRIBUTE.items()}


@functools.cache
def _doc_table(section: str) -> dict[str, list[str]]:
    """The rows of a section's table in docs/format.md: field name to its cells."""
    assert section in DOC_TABLE_AFTER, f"say where docs/format.md documents the {section} fields (DOC_TABLE_AFTER)"
    lines = FORMAT_DOC.split(DOC_TABLE_AFTER[section] + "\n", 1)[1].splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("| field |"))
    header = [cell.strip() for cell in lines[start].strip("|").split("|")]
    rows = {}
    for line in lines[start + 2:]:
        if not line.startswith("|"):
            break
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        rows[cells[0].strip("`")] = dict(zip(header, cells))
    return rows


@pytest.mark.parametrize("section, field", EVERY_FIELD, ids=FIELD_IDS)
def test_every_field_is_documented(section, field):
    rows = _doc_table(section)
    assert field.name in rows, (
        f"docs/format.md does not document the {section} field `{field.name}`: add a row to the table after "
        f"{DOC_TABLE_AFTER[section]!r}")
    required = rows[field.name].get("required")
    if required is not None and section != "node":  # (a node's term is required on outcomes only)
        assert (required == "yes") == field.required, (
            f"docs/format.md says the {section} field `{field.name}` is {'' if required == 'yes' else 'not '}"
            f"required; toc/fields.py says the opposite")


@pytest.mark.parametrize("section, field", EVERY_FIELD, ids=FIELD_IDS)
def test_every_field_is_in_the_json_schema(section, field):
    schema = json_schema(RULES)
    definition = schema if section == "top level" else schema["definitions"].get(section)
    assert definition is not None, f"toc/json_schema.py has no definition for the {section} table"
    assert field.name in definition["properties"], (
        f"the JSON Schema's {section} has no property `{field.name}` (toc/json_schema.py)")
    property_schema = definition["properties"][field.name]
    described = property_schema.get("description") or property_schema["anyOf"][0].get("description")
    assert described == field.doc, f"the JSON Schema describes `{field.name}` in other words than toc/fields.py"


def _path_of(section: str, name: str) -> tuple:
    """Where BASE writes a value of the field (the first record of the section that has it)."""
    for path, record_section in RECORDS:
        if record_section == section and name in record_at(BASE, path):
            return path
    raise AssertionError(f"BASE in tests/test_schema_agreement.py has no {section} with `{name}`")


@functools.cache
def _formatted_with_keys_reversed(path: tuple) -> dict:
    """BASE with the record's keys written in reverse order, through `toc fmt`, read back."""
    document = copy.deepcopy(BASE)
    *parents, last = path or (None,)
    reversed_record = dict(reversed(list(record_at(document, path).items())))
    if path:
        record_at(document, tuple(parents))[last] = reversed_record
    else:
        document = reversed_record
    return yaml.safe_load(format_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True)))


@pytest.mark.parametrize("section, field", EVERY_FIELD, ids=FIELD_IDS)
def test_fmt_puts_every_field_in_table_order(section, field):
    path = _path_of(section, field.name)
    keys = list(record_at(_formatted_with_keys_reversed(path), path))
    expected = [name for name in fields.field_names(fields.SECTIONS[section]) if name in keys]
    assert keys.index(field.name) == expected.index(field.name), (
        f"toc fmt wrote the {section} keys as {keys}, not in table order {expected} (toc/reformat.py's _LAYOUT)")


@pytest.fixture(scope="module")
def loaded_base(tmp_path_factory):
    """BASE, with a catalogue file beside it, loaded as `toc check` loads it."""
    folder = tmp_path_factory.mktemp("base")
    (folder / "shared.yaml").write_text("methods:\n  shared-audit: {name: Shared audit, family: process}\n")
    (folder / "actuals.csv").write_text("indicator,period,value\ni1,2025-Q2,3\n")
    document = {**copy.deepcopy(BASE), "catalogues": ["shared.yaml"]}
    (folder / "m.toc.yaml").write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True))
    return document, load_file(str(folder / "m.toc.yaml"), known_codes=RULES)


def _leaves(value, keys: bool = True) -> list:
    """The scalars in a value (with the keys of its mappings when ``keys``), as plain data."""
    if isinstance(value, dict):
        return [leaf for key, item in value.items() for leaf in [key] * keys + _leaves(item, keys)]
    if isinstance(value, (list, tuple)):
        return [leaf for item in value for leaf in _leaves(item, keys)]
    return [value]


@pytest.mark.parametrize("section, field", EVERY_FIELD, ids=FIELD_IDS)
def test_the_loader_reads_every_field_into_the_model(section, field, loaded_base):
    document, result = loaded_base
    assert [f"{f.code} {f.message}" for f in result.findings] == [], "BASE must load without a finding"
    path = _path_of(section, field.name)
    typed = result.model
    for step in path:  # the typed record at the same place
        typed = typed[step] if isinstance(typed, (list, dict)) else getattr(typed, _ATTRIBUTE_OF_KEY.get(step, step))
    attribute = ATTRIBUTE.get((section, field.name), field.name)
    record = plain(typed)
    assert attribute in record, (
        f"the typed model's {section} has no `{attribute}` for the field `{field.name}` (toc/model.py; "
        f"or name the attribute in ATTRIBUTE here)")
    # (a section's own field names are checked as its fields; here, every value written must be read)
    keys = field.kind != "section"
    written, read = _leaves(record_at(document, path)[field.name], keys), _leaves(record[attribute], keys)
    unread = [leaf for leaf in written if leaf not in read]
    assert written and not unread, (
        f"the loader did not read the {section} field `{field.name}`: {unread or 'nothing'} written, the model "
        f"holds {str(record[attribute])[:300]} (toc/loading/)")


def _validator():
    schema = json_schema()
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.toc.yaml")), ids=lambda p: p.name)
def test_schema_accepts_good_examples_and_rejects_the_flawed(path):
    errors = list(_validator().iter_errors(yaml.safe_load(path.read_text())))
    if path.name == "flawed.toc.yaml":
        assert errors
    else:
        assert errors == []


@pytest.mark.parametrize(
    "model",
    [
        {"toc": 1, "nodes": {"a": {"type": "outcom", "label": "A"}}},
        {"toc": 1, "nodes": {"a": {"type": "outcome", "label": "A"}}},
        {"toc": 1, "nodes": {"a": {"type": "activity", "label": "A", "indicator": []}}},
        {"toc": 2, "nodes": {}},
        {"toc": 1, "nodes": {"a": {"type": "activity", "label": "A", "leads_to": [{"to": "b", "evidence": "good"}]}}},
    ],
)
def test_schema_rejects_what_the_loader_rejects(model):
    assert list(_validator().iter_errors(model))


def test_rules_doc_is_generated_from_the_rules(capsys):
    main(["rules", "--format", "markdown"])
    generated = capsys.readouterr().out
    assert (ROOT / "docs" / "rules.md").read_text() == generated, "run: toc rules --format markdown > docs/rules.md"


def test_json_output_doc_names_every_key(capsys):
    doc = (ROOT / "docs" / "json-output.md").read_text()
    main(["check", "--format", "json", str(EXAMPLES / "flawed.toc.yaml")])
    document = json.loads(capsys.readouterr().out)
    for key in list(document) + list(document["findings"][0]) + list(document["summary"]):
        assert f"`{key}`" in doc


@pytest.mark.parametrize("section", list(DOC_TABLE_AFTER))
def test_each_doc_table_lists_its_fields_in_the_order_toc_fmt_writes_them(section):
    """docs/format.md's tables are in toc/fields.py's order, which is the order `toc fmt` writes:
    a reader who copies the docs gets a file fmt leaves alone."""
    order = [field.name for field in fields.SECTIONS[section]]
    documented = [name for name in _doc_table(section) if name in order]
    assert documented == order, f"reorder the {section} table in docs/format.md to toc fmt's order: {order}"
