"""The format is documented field by field, and the JSON Schema agrees with the loader."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml

from conftest import EXAMPLES, ROOT
from toc import fields
from toc.cli import main
from toc.json_schema import json_schema

FORMAT_DOC = (ROOT / "docs" / "format.md").read_text()


@pytest.mark.parametrize(
    "section, name", [(section, field.name) for section, fields in fields.SECTIONS.items() for field in fields]
)
def test_every_field_is_documented(section, name):
    assert f"| `{name}` |" in FORMAT_DOC, f"docs/format.md does not document the {section} field `{name}`"


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
