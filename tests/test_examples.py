"""The bundled examples: the good ones pass, and every example's findings are snapshotted."""

from __future__ import annotations

import pytest

from conftest import EXAMPLES, ROOT
from toc.renderers.findings import render_json
from toc.checker import check_file

MODELS = sorted(path.name for path in EXAMPLES.glob("*.toc.yaml"))
GOOD = [name for name in MODELS if name != "flawed.toc.yaml"]


def report(name, monkeypatch):
    monkeypatch.chdir(ROOT)  # paths in the snapshot stay relative: examples/...
    return check_file(f"examples/{name}")


def test_there_are_seven_examples():
    assert set(MODELS) == {
        "east-midlands.toc.yaml", "kirklees.toc.yaml", "leicester-city.toc.yaml",
        "sefton.toc.yaml", "wirral.toc.yaml", "flawed.toc.yaml",
        "wirral-programme-theory.toc.yaml",  # format 1.1: root causes, mechanisms, status, meta
    }


@pytest.mark.parametrize("name", GOOD)
def test_good_examples_have_no_errors_or_warnings(name, monkeypatch):
    findings = report(name, monkeypatch).findings
    assert [f for f in findings if f.severity != "info"] == []


@pytest.mark.parametrize("name", MODELS)
def test_findings_snapshot(name, monkeypatch, file_regression):
    file_regression.check(render_json([report(name, monkeypatch)]), basename=name.replace(".toc.yaml", ""),
                          extension=".json")


def test_flawed_example_shows_off_the_checks(monkeypatch):
    found = {(f.code, f.location.line, f.location.column) for f in report("flawed.toc.yaml", monkeypatch).findings}
    expected = {
        ("TOC002", 103, 3), ("TOC003", 34, 5), ("TOC004", 45, 11), ("TOC005", 39, 3),
        ("TOC101", 100, 9), ("TOC102", 42, 23), ("TOC103", 28, 9),
        ("TOC201", 75, 3), ("TOC202", 89, 3), ("TOC203", 94, 3), ("TOC204", 79, 3),
        ("TOC206", 29, 9), ("TOC207", 101, 9), ("TOC208", 27, 9), ("TOC209", 79, 3),
        ("TOC301", 39, 3), ("TOC302", 60, 9), ("TOC303", 57, 9), ("TOC304", 62, 23),
        ("TOC401", 37, 16), ("TOC402", 10, 3), ("TOC403", 14, 3),
    }
    assert expected <= found


@pytest.mark.parametrize("path", [p for p in sorted(EXAMPLES.rglob("*.toc.yaml")) if p.name != "flawed.toc.yaml"],
                         ids=lambda p: p.name)
def test_examples_are_in_canonical_format(path, capsys):
    from toc.cli import main

    assert main(["fmt", "--check", str(path)]) == 0, capsys.readouterr().out
