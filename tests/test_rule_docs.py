"""Every rule is documented, and its documented examples behave as documented."""

import pytest

from toc.checker import check_text
from toc.limits import Limits
from toc.rules import RULES

# The TOC006 example is tiny; it fires under a tiny alias limit.
_DOC_LIMITS = Limits(max_alias_expansion=3)


@pytest.mark.parametrize("code", sorted(RULES))
def test_rule_is_documented(code):
    rule = RULES[code]
    assert rule.doc.startswith(f"{code} {rule.name}:")
    for heading in ("## What it finds", "## Why it matters", "## Example", "## Use instead"):
        assert heading in rule.doc, f"{code} lacks {heading}"


def _example_path(code: str, which: int, folder) -> str:
    """Where the example is checked: beside its actuals file, for the monitoring rules (TOC8xx)."""
    data = RULES[code].data_examples()[which]
    if data is None:
        return "example.toc.yaml"
    (folder / "actuals.csv").write_text(data, encoding="utf-8")
    return str(folder / "example.toc.yaml")


# `toc import`'s findings (TOC9xx): their examples are workshop notes (CSV), run through the
# import; a workbook's (TOC907-909) are described in words and tested in tests/rules/.
CAPTURE = sorted(code for code in RULES if code.startswith("TOC9"))
YAML_RULES = sorted(code for code in RULES if not code.startswith("TOC9"))


def _capture_example(doc: str, heading: str) -> str | None:
    import re

    match = re.search(rf"^## {heading}\n.*?```csv\n(.*?)```", doc, re.S | re.M)
    return match.group(1) if match else None


@pytest.mark.parametrize("code", CAPTURE)
def test_capture_examples_behave_as_documented(code):
    from conftest import ROOT

    from toc.capture.notes import read_notes

    failing, passing = (_capture_example(RULES[code].doc, heading) for heading in ("Example", "Use instead"))
    if failing is None:  # a workbook's finding: its own test module makes it fire
        assert list((ROOT / "tests" / "rules").glob(f"test_{code.lower()}_*.py")), code
        return
    assert code in {f.code for f in read_notes(failing.encode(), "notes.csv").findings}
    draft = read_notes(passing.encode(), "notes.csv")
    assert not draft.findings, draft.findings
    assert not [f for f in check_text(draft.text, "draft.toc.yaml").findings if f.code.startswith("TOC0")]


@pytest.mark.parametrize("code", YAML_RULES)
def test_failing_example_fires_the_rule(code, tmp_path):
    failing, _ = RULES[code].examples()
    path = _example_path(code, 0, tmp_path)
    codes = {f.code for f in check_text(failing, path, limits=_DOC_LIMITS).findings}
    assert code in codes


@pytest.mark.parametrize("code", YAML_RULES)
def test_passing_example_does_not(code, tmp_path):
    _, passing = RULES[code].examples()
    findings = check_text(passing, _example_path(code, 1, tmp_path), limits=_DOC_LIMITS).findings
    assert code not in {f.code for f in findings}
    assert not [f for f in findings if f.severity == "error"], findings


def test_codes_and_names_are_unique_and_well_formed():
    names = [rule.name for rule in RULES.values()]
    assert len(set(names)) == len(names)
    for code, rule in RULES.items():
        assert code == rule.code and code[:3] == "TOC" and code[3:].isdigit() and len(code) == 6


def test_the_readme_lists_every_rule_with_its_name_and_severity():
    import re

    from conftest import ROOT

    listed = {match.group(1): (match.group(2), match.group(3)) for match in
              re.finditer(r"^\| (TOC\d+) \| ([a-z-]+) \| (error|warning|info) \|", (ROOT / "README.md").read_text(), re.M)}
    assert listed == {code: (rule.name, rule.severity.value) for code, rule in RULES.items()}
