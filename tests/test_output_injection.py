"""Hostile model text never becomes live content in any output (issue 15).

One hostile model, in two areas, is walked through every command and every output
format that writes model text or cells: spreadsheets must hold no formula, Markdown
no HTML, link, image or block started by model text, terminals and logs no control
character and no line the model made up. No command may end in a traceback.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil

import pytest

from toc.cli import main

LONG = "L" * 20_000
# Every kind of hostile text, each used in several fields below.
FORMULA = '=HYPERLINK("http://evil.example/x","click")'
DDE = "=cmd|' /C calc'!A0"
CONTROL = "ctrl \x00\x01\x08\x0b\x0c\x1b[2J\x1b]0;pwned\x07\x7f\x9b\u202eevil\u2066 end"
FORGED = "x\nsrc/x.toc.yaml:1:1: error TOC000 forged: nothing\n0 errors, 0 warnings, 0 info in 1 file"
MARKUP = ("# Heading\n- list\n> quote\n<script>alert(1)</script><iframe src=javascript:alert(1)></iframe> "
          "[x](javascript:alert(1)) ![](http://evil.example/p.png) <img src=x onerror=alert(1)> "
          "&lt;script&gt; `code` *em* | pipe")


def q(text: str) -> str:
    """A YAML double-quoted scalar for any text (a JSON string is one)."""
    return json.dumps(text)


def hostile_model(area: str) -> str:
    return f"""\
toc: 1
title: {q(FORMULA + " " + CONTROL + MARKUP)}
area: {q(area)}
owner: {q("@SUM(1)")}
version: {q(chr(9) + "=1+1")}
horizon: {q(chr(13) + "=2+2")}
description: {q(MARKUP + " " + FORGED)}
pathway:
  levels:
    universal: {q(DDE)}
    targeted: {q("+level " + MARKUP)}
  populations:
    all-parents: {q("-pop " + CONTROL)}
    other: {q(FORGED)}
    unserved: {q(FORGED)}
methods:
  {q("own-method" + chr(27) + "[2J")}:
    name: {q(FORGED + CONTROL)}
    family: process
    description: {q(MARKUP)}
measures:
  own-measure:
    name: {q("＝fullwidth() " + CONTROL)}
    measures: {q(FORGED)}
evaluation:
  purpose: {q(FORMULA + " " + MARKUP)}
  users: {q(CONTROL)}
  lead: {q("@lead")}
  budget: {q("-100")}
  timeline: {q(FORGED)}
  deliverables: [{q(MARKUP)}, {q(DDE)}]
  questions:
    - id: {q("q" + chr(27) + "[2J")}
      text: {q(FORMULA + " " + MARKUP)}
      kind: impact
      nodes: [{q("less" + chr(27) + "[2J")}]
      methods: [{q("own-method" + chr(27) + "[2J")}]
      owner: {q("+owner")}
      timing: {q(chr(9) + "-timing")}
assumptions:
  {q("shared" + chr(0x202E))}:
    text: {q(DDE + " " + MARKUP)}
    evidence: weak
    criticality: high
nodes:
  {q("need" + chr(27) + "[2J")}:
    type: need
    label: {q(FORMULA + " " + CONTROL)}
    description: {q(MARKUP)}
    figures:
      - id: {q("fig=1")}
        measure: {q(DDE)}
        value: 14.1
        unit: {q("@unit")}
        source: {q("+source " + MARKUP)}
        year: {q("-2021")}
        geography: {q(chr(9) + area)}
        comparator: {{label: {q("=England")}, value: 12}}
        notes: {q(chr(13) + FORGED)}
    leads_to: [{q("act" + chr(0x202E))}]
  {q("act" + chr(0x202E))}:
    type: activity
    label: {q("-act " + FORGED)}
    description: {q(CONTROL)}
    level: universal
    populations: [all-parents, other]
    provider: {q(FORMULA)}
    delivery: group
    area: {q(chr(13) + "=area()")}
    leads_to:
      - to: {q("less" + chr(27) + "[2J")}
        assumption: {q(CONTROL + " " + MARKUP)}
        evidence: weak
        assumptions: [{q("shared" + chr(0x202E))}]
  act2:
    type: activity
    label: {q("＝fullwidth() ＋ ＠ －")}
    level: universal
    populations: [all-parents]
    provider: {q("@provider")}
    delivery: group
    leads_to: [{q("less" + chr(27) + "[2J")}]
  {q("less" + chr(27) + "[2J")}:
    type: outcome
    term: short
    label: {q(LONG)}
    description: {q(MARKUP)}
    indicators:
      - id: {q("ind=1")}
        measure: {q(FORMULA)}
        instrument: own-measure
        source: {q("@source " + MARKUP)}
        owner: {q("+owner")}
        frequency: {q("-freq")}
        unit: {q(chr(9) + "unit")}
        baseline: {q(chr(13) + "0")}
        target: {q("=target")}
        availability: partner
        notes: {q(MARKUP + CONTROL)}
    leads_to: [impact]
  impact:
    type: impact
    label: {q(MARKUP + " " + FORGED)}
    indicators:
      - id: impact-ind
        measure: {q(DDE)}
"""


@pytest.fixture(scope="module")
def models(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    paths = []
    for name, area in (("north", DDE), ("south", "@south " + CONTROL + FORGED)):
        path = folder / f"{name}.toc.yaml"
        path.write_text(hostile_model(area), encoding="utf-8")
        paths.append(str(path))
    return paths


@pytest.fixture
def no_graphviz(monkeypatch):
    """spec .html/.docx show the text outline, as on a machine without Graphviz."""
    monkeypatch.setattr("toc.renderers.graphviz_backend.dot_available", lambda: False)


def run(argv, capsys) -> tuple[str, str]:
    """Run toc in-process: never a traceback or an internal error, whatever the model says."""
    code = main(argv)
    out, err = capsys.readouterr()
    assert code in (0, 1), (argv, err)
    assert "Traceback" not in err and "internal error" not in err, err
    return out, err


def test_the_model_loads_with_its_hostile_text(models, capsys):
    out, _ = run(["check", "--format", "json", models[0]], capsys)
    record = json.loads(out)
    assert record["files"][0]["loaded"]
    nodes = {finding["node"] for finding in record["findings"]}
    assert "less\x1b[2J" in nodes  # JSON carries the text exactly, escaped as JSON


# ------------------------------------------------------------------ terminals and logs
# What a terminal or a CI log would obey: control characters other than newline,
# bidirectional controls, and the Unicode line separators.
LIVE_ON_A_TERMINAL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def assert_terminal_safe(text: str, *, summary_last: bool = False) -> None:
    assert not LIVE_ON_A_TERMINAL.search(text), repr(LIVE_ON_A_TERMINAL.search(text))
    lines = text.splitlines()
    forged = [line for line in lines if line.startswith(("src/x.toc.yaml", "0 errors, 0 warnings"))]
    assert forged == [], forged
    if summary_last:
        assert re.fullmatch(r"\d+ errors?, \d+ warnings?, \d+ info in \d+ files?", lines[-1])


@pytest.mark.parametrize("colour", ["never", "always"])
def test_check_text_shows_control_characters_as_escapes(models, capsys, colour):
    out, _ = run(["check", "--color", colour, *models], capsys)
    if colour == "always":  # toc's own colours are the only escape codes
        out = re.sub(r"\x1b\[[0-9;]*m", "", out)
    assert_terminal_safe(out, summary_last=True)
    assert "\\x1b[2J" in out and "\\u202e" in out and "\\n- list" in out and "\\n0 errors, 0 warnings" in out


def test_check_github_annotations_are_one_line_each(models, capsys):
    out, _ = run(["check", "--format", "github", *models], capsys)
    assert_terminal_safe(out)
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in out.splitlines())
    assert "\\x1b[2J" in out


def test_check_json_and_sarif_are_valid_json_holding_the_exact_text(models, capsys):
    def strings(value):
        if isinstance(value, dict):
            return [text for item in value.values() for text in strings(item)]
        if isinstance(value, list):
            return [text for item in value for text in strings(item)]
        return [value] if isinstance(value, str) else []

    for output_format in ("json", "sarif"):
        out, _ = run(["check", "--format", output_format, *models], capsys)
        assert "\x1b" not in out  # JSON escapes it: \u001b
        assert any("less\x1b[2J" in text for text in strings(json.loads(out)))


def test_terminal_tables_and_outlines(models, capsys, tmp_path):
    outputs = [run(["needs", *models], capsys)[0],
               run(["pathway", models[0], "--width", "200"], capsys)[0],
               run(["render", models[0], "-o", "-", "--format", "txt"], capsys)[0],
               run(["catalogue", "--model", models[0]], capsys)[0],
               run(["catalogue", "--model", models[0], "own-method\x1b[2J"], capsys)[0],
               run(["catalogue", "--model", models[0], "own-measure"], capsys)[0]]
    for out in outputs:
        assert_terminal_safe(out)
    assert "\\x1b[2J" in outputs[0] + outputs[1] + outputs[2] + outputs[4]


def test_error_lines_and_init_show_control_characters_as_escapes(tmp_path, capsys):
    assert main(["check", str(tmp_path / "missing\x1b[2J\n0 errors.toc.yaml")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "\x1b" not in err and "\\x1b[2J\\n0 errors" in err
    name = str(tmp_path / "new\x1b[2J.toc.yaml")
    _, said = run(["init", name], capsys)  # ("wrote FILE ..." is on stderr, with every command's)
    assert_terminal_safe(said)
    assert "new\\x1b[2J.toc.yaml" in said
    assert main(["init", name]) == 2  # already exists: the error line quotes the name
    assert "\x1b" not in capsys.readouterr().err


# ---------------------------------------------------------------------- Markdown
def assert_markdown_inert(text: str, allowed_html: tuple[str, ...] = ()) -> None:
    assert not LIVE_ON_A_TERMINAL.search(text), repr(LIVE_ON_A_TERMINAL.search(text))
    tags = set(re.findall(r"<[A-Za-z/!?][^>\s]*", text)) - set(allowed_html)
    assert tags == set(), tags  # no HTML: no <script>, <iframe>, <img>, no autolink
    assert not re.search(r"(?<!\\)\[", text), "an unescaped [ could start a link or an image"
    assert "](" not in text.replace("\\](", "")
    assert "`code`" not in text.replace("\\`code\\`", ""), "a backtick from the model starts code"
    assert not re.search(r"&(?!amp;|lt;|gt;)#?\w+;", text), "an entity from the model"
    lines = text.splitlines()
    for made_up in ("# Heading", "- list", "> quote", "src/x.toc.yaml", "0 errors", "<"):
        assert not any(line.lstrip().startswith(made_up) for line in lines), made_up


def test_markdown_outputs(models, capsys, tmp_path):
    files = {
        "render.md": ["render", models[0], "-o"],
        "spec.md": ["spec", models[0], "-o"],
        "compare.md": ["compare", *models, "-o"],
        "needs.md": ["needs", *models, "-o"],
        "pathway.md": ["pathway", models[0], "-o"],
    }
    for name, argv in files.items():
        run([*argv, str(tmp_path / name)], capsys)
        text = (tmp_path / name).read_text(encoding="utf-8")
        assert_markdown_inert(text, allowed_html=("<br",) if name == "pathway.md" else ())
        assert "&lt;script>alert(1)&lt;/script>" in text or name == "needs.md"


# ------------------------------------------------------------------ spreadsheets
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def assert_cell_inert(value) -> None:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        assert re.fullmatch(r"[+-]?\d+(\.\d+)?", value), repr(value[:60])


def csv_cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def xlsx_cells(data: bytes) -> list:
    import openpyxl

    cells = []
    for sheet in openpyxl.load_workbook(io.BytesIO(data)).worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type not in ("f", "e"), (sheet.title, cell.coordinate, cell.value)
                cells.append(cell.value)
    return cells


def test_spreadsheets_hold_no_formula(models, capsys, tmp_path, no_graphviz):
    pytest.importorskip("openpyxl")
    commands = {
        "compare": ["compare", *models, "-o"],
        "needs": ["needs", *models, "-o"],
        "pathway": ["pathway", models[0], "-o"],
    }
    for name, argv in commands.items():
        for suffix in (".csv", ".xlsx"):
            run([*argv, str(tmp_path / (name + suffix))], capsys)
    for suffix in (".csv", ".xlsx"):
        run(["spec", models[0], "-o", str(tmp_path / "spec.md"), "--matrix", str(tmp_path / f"matrix{suffix}")],
            capsys)
    run(["export", models[0], "-o", str(tmp_path / "export.xlsx")], capsys)
    everything = []
    for path in sorted(tmp_path.iterdir()):
        if path.suffix == ".csv":
            cells = csv_cells(path.read_text(encoding="utf-8"))
            assert path.read_text(encoding="utf-8").startswith('"'), "every CSV field is quoted"
        elif path.suffix == ".xlsx":
            cells = xlsx_cells(path.read_bytes())
        else:
            continue
        for value in cells:
            assert_cell_inert(value)
        everything += [(path.name, value) for value in cells]
    texts = " ".join(str(value) for _, value in everything)
    # The hostile values are there, shown as text.
    assert "'=cmd|' /C calc'!A0" in texts and "'=HYPERLINK(" in texts and "'\t=1+1" not in texts
    assert "\\x1b[2J" in texts and "'＝fullwidth()" in texts and LONG in texts


# --------------------------------------------------------------- other documents
def test_spec_html_and_docx_without_graphviz(models, capsys, tmp_path, no_graphviz):
    pytest.importorskip("docx")
    import docx

    run(["spec", models[0], "-o", str(tmp_path / "spec.html")], capsys)
    html = (tmp_path / "spec.html").read_text(encoding="utf-8")
    assert "<script" not in html and "<iframe" not in html and "<img" not in html
    run(["spec", models[0], "-o", str(tmp_path / "spec.docx")], capsys)
    document = docx.Document(str(tmp_path / "spec.docx"))
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert "\\x1b[2J" in text and "\x00" not in text


def test_diagram_sources_never_fail(models, capsys, tmp_path):
    for name, argv in (("o.mmd", ["render", models[0], "-o"]), ("o.dot", ["render", models[0], "-o"]),
                       ("p.dot", ["pathway", models[0], "-o"])):
        run([*argv, str(tmp_path / name)], capsys)
    mermaid = (tmp_path / "o.mmd").read_text(encoding="utf-8")
    assert not LIVE_ON_A_TERMINAL.search(mermaid.replace("\n", ""))
    assert "<script" not in mermaid and "javascript:" not in mermaid


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz `dot` is not installed")
def test_pathway_picture_with_control_characters(models, capsys, tmp_path):
    run(["pathway", models[0], "-o", str(tmp_path / "p.svg")], capsys)
    svg = (tmp_path / "p.svg").read_text(encoding="utf-8")
    assert "<script" not in svg and "\\x1b[2J" in svg
