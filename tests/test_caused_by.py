"""A finding caused by another is listed after its cause and says so (Finding.caused_by)."""

from __future__ import annotations

import json
from pathlib import Path

from toc.checker import Selection, check_file, check_text
from toc.renderers.findings import render_text
from toc.renderers.findings.json import render_json

MISSPELT = str(Path(__file__).resolve().parent / "structure" / "misspelt-leads-to.toc.yaml")


def test_what_a_misspelt_leads_to_causes_follows_it():
    findings = check_file(MISSPELT).findings
    assert [(f.code, f.location.line, f.caused_by and (f.caused_by.code, f.caused_by.location.line))
            for f in findings[:6]] == [
        ("TOC003", 21, None),
        ("TOC204", 13, ("TOC003", 21)),  # the need upstream can no longer reach the impact
        ("TOC209", 13, ("TOC003", 21)),
        ("TOC202", 18, ("TOC003", 21)),  # the dead end itself
        ("TOC203", 37, ("TOC003", 21)),  # and what the lost link led on to
        ("TOC203", 49, ("TOC003", 21)),
    ]
    assert all(f.caused_by is None for f in findings[6:])


def test_the_text_and_json_say_what_caused_it():
    report = check_file(MISSPELT)
    text = render_text([report])
    assert 'activity "commission" leads nowhere (caused by TOC003 at line 21)' in text
    dead_end = next(f for f in json.loads(render_json([report]))["findings"] if f["code"] == "TOC202")
    assert dead_end["caused_by"] == {"code": "TOC003", "path": MISSPELT, "line": 21, "column": 5}


def test_a_cause_not_shown_causes_nothing():
    findings = check_file(MISSPELT, Selection(ignore=("TOC003",))).findings
    assert [f.code for f in findings][:1] == ["TOC204"] and all(f.caused_by is None for f in findings)


def test_a_misspelt_link_target_causes_the_unreached_outcome():
    text = """\
toc: 1
nodes:
  sessions:
    type: activity
    label: Group sessions
    leads_to: [home-climate-better]
  home-climate:
    type: need
    label: Tense home climate
    leads_to: [sessions]
  better-home-climate:
    type: outcome
    term: long
    label: Calmer home climate
    indicators: [{id: climate, measure: Home climate scale, source: survey, baseline: 1, target: 2}]
"""
    findings = check_text(text).findings
    summary = [(f.code, f.location.line, f.caused_by.code if f.caused_by else None) for f in findings]
    assert summary[0] == ("TOC101", 6, None)
    assert summary == [
        ("TOC101", 6, None),
        ("TOC202", 3, "TOC101"),
        ("TOC204", 7, "TOC101"),  # the need upstream reaches no impact
        ("TOC201", 11, "TOC101"),  # nothing reaches the outcome the link was meant for
    ]
    assert "did you mean \"better-home-climate\"?" in findings[0].hint


def test_an_unmeasured_outcome_caused_by_a_misspelt_indicators():
    text = """\
toc: 1
nodes:
  sessions: {type: activity, label: Sessions, leads_to: [calmer]}
  calmer:
    type: impact
    label: Calmer homes
    indicator:
      - {id: climate, measure: Home climate scale, source: survey, baseline: 1, target: 2}
"""
    findings = check_text(text).findings
    assert [(f.code, f.caused_by and f.caused_by.code) for f in findings if f.code in ("TOC003", "TOC301")] == [
        ("TOC003", None), ("TOC301", "TOC003")]
