"""Rules do not reach into each other: only the checker sets severity, and ignoring one code never
hides another code's finding."""

from __future__ import annotations

import ast

import pytest
from conftest import EXAMPLES, ROOT

from toc.checker import Selection, check_text
from toc.rules import RULES

# Models where rules overlap: a dead end, an isolated node, an empty pathway level, the examples.
OVERLAPS = """\
toc: 1
pathway:
  levels: {universal: Universal, specialist: Specialist}
  populations: {all-parents: All parents, young-parents: Young parents}
nodes:
  training: {type: activity, label: T, level: universal, populations: [all-parents], leads_to: [trained]}
  trained: {type: output, label: TT, leads_to: [wellbeing]}
  leaflet: {type: activity, label: L, leads_to: [aware]}
  aware: {type: outcome, term: short, label: A}
  lone: {type: outcome, term: short, label: Lone}
  wellbeing: {type: impact, label: W}
"""
MODELS = {"overlaps": OVERLAPS} | {path.name: path.read_text() for path in sorted(EXAMPLES.glob("*.toc.yaml"))}


def _findings(text: str, ignore: tuple[str, ...] = ()) -> set:
    return {(f.code, f.location, f.message) for f in check_text(text, "m.toc.yaml", Selection(ignore=ignore)).findings}


@pytest.mark.parametrize("name", MODELS)
def test_ignoring_a_code_hides_only_that_codes_findings(name):
    text = MODELS[name]
    everything = _findings(text)
    for code in sorted(RULES):
        shown = _findings(text, (code,))
        assert {finding for finding in everything if finding[0] != code} <= shown, code
        assert all(finding[0] != code for finding in shown)


def test_ignoring_the_dead_end_brings_back_no_path_to_impact():
    assert ("TOC204", 9) not in {(code, location.line) for code, location, _ in _findings(OVERLAPS)}
    assert ("TOC204", 9) in {(code, location.line) for code, location, _ in _findings(OVERLAPS, ("TOC202",))}


def test_no_rule_sets_a_severity():
    # A rule yields findings at its own default severity; the checker's configuration changes it.
    offenders = []
    for path in sorted((ROOT / "toc" / "rules").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Attribute) and node.attr in ("with_severity", "_replace"):
                offenders.append(f"{path.name}:{node.lineno}")
    assert offenders == []


def test_every_finding_has_its_rules_default_severity():
    for text in MODELS.values():
        for finding in check_text(text, "m.toc.yaml").findings:
            assert finding.severity == RULES[finding.code].severity, finding


def test_no_rule_reads_another_rules_findings():
    # Rules read the model and the check context (shared facts about the graph), never RULES or
    # a finding list: a rule's module imports no other rule module.
    offenders = []
    for path in sorted((ROOT / "toc" / "rules").glob("*.py")):
        if path.name in ("__init__.py", "base.py", "context.py"):
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("toc.rules") \
                    and node.module not in ("toc.rules.base",):
                offenders.append(f"{path.name}: from {node.module} import ...")
    assert offenders == []


def test_a_superseding_finding_made_less_severe_supersedes_nothing_more_severe():
    # TOC202 demoted to info no longer hides TOC204's warning for the same dead end
    # (with --min-severity warning the node would otherwise have no finding at all).
    demoted = OVERLAPS.replace("toc: 1\n", "toc: 1\ncheck:\n  severity: {TOC202: info}\n")
    found = {(code, location.line) for code, location, _ in _findings(demoted)}
    assert ("TOC202", 11) in found and ("TOC204", 11) in found
