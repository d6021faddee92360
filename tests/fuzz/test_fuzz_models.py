"""Property-based fuzzing: generated models, then damaged ones, through every operation.

Strategies build valid models (as Python data, dumped to YAML) and mutate them:
drop fields, swap a value's type, dangle a reference, add a cycle, or damage
the text itself. Properties, for every operation in ``OPERATIONS``:

* it never raises;
* every finding about the file has a line and column inside the file;
* the same file gives the same findings (and the same output) twice.

Profiles: ``short`` (default, a few seconds, run in CI) and ``long`` (on demand):

    TOC_FUZZ_PROFILE=long .venv/bin/python -m pytest tests/fuzz -q

To fuzz a new command, add a function to ``OPERATIONS`` taking the file's path
and text and returning its output (text or bytes), or raising only usage errors.
"""

from __future__ import annotations

import os
import string

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import EXAMPLES
from toc.commands.drawing import RenderRequest, render_model
from toc.checker import check_text

settings.register_profile("short", max_examples=50, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("long", max_examples=3000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile(os.environ.get("TOC_FUZZ_PROFILE", "short"))


# ----------------------------------------------------------------- operations
def _check(path: str, text: str) -> str:
    report = check_text(text, path)
    return "\n".join(f"{f.code} {f.location.line}:{f.location.column} {f.message}" for f in report.findings)


def _render(output_format: str):
    def render(path: str, text: str) -> str | None:
        model = check_text(text, path).model
        return None if model is None else render_model(model, RenderRequest(output_format=output_format))
    render.__name__ = f"render_{output_format}"
    return render


def _spec(path: str, text: str) -> str | None:
    from toc.renderers.spec.document import build_specification
    from toc.renderers.spec.markdown import render_markdown
    from toc.renderers.spec.matrix import render_matrix_csv
    from toc.evaluation.catalogue import catalogue_for
    from toc.evaluation.plan import plan_evaluation

    report = check_text(text, path)
    if report.model is None:
        return None
    catalogue = catalogue_for(report.model)
    plan = plan_evaluation(report.model, catalogue)
    return (render_markdown(build_specification(report.model, plan, catalogue, report.findings))
            + render_matrix_csv(plan))


_REFERENCE = (EXAMPLES / "wirral.toc.yaml").read_text(encoding="utf-8")


def _diff(path: str, text: str) -> str | None:
    from toc.renderers.diff import render_json, render_text
    from toc.diff import diff_models

    new = check_text(text, path)
    old = check_text(_REFERENCE, "wirral.toc.yaml")
    if new.model is None:
        return None
    there = diff_models(old.model, new.model, old.findings, new.findings)
    back = diff_models(new.model, new.model, new.findings, new.findings)  # a model against itself
    return render_text(there) + render_json(there) + render_text(back)


def _fmt(path: str, text: str) -> str | None:
    """fmt either refuses with a located reason or gives text whose findings are the original's."""
    from toc.reformat import FormatRefused, format_text

    try:
        formatted = format_text(text)
    except FormatRefused as refused:
        return f"refused at {refused.line}:{refused.column}: {refused}"
    before = {(f.code, f.message) for f in check_text(text, path).findings}
    after = {(f.code, f.message) for f in check_text(formatted, path).findings}
    assert after == before, "formatting changed the findings"
    return formatted


# name -> operation(path, text) -> output.
OPERATIONS = {
    "check": _check,
    "render-dot": _render("dot"),
    "render-mermaid": _render("mmd"),
    "render-outline": _render("md"),
    "spec": _spec,
    "diff": _diff,
    "fmt": _fmt,
}


# ----------------------------------------------------------------- strategies
STAGES = [("need", None), ("input", None), ("activity", None), ("output", None),
          ("outcome", "short"), ("outcome", "medium"), ("outcome", "long"), ("impact", None)]
ids = st.text(string.ascii_lowercase + string.digits + "-", min_size=1, max_size=8).filter(lambda s: s[0].isalpha())
labels = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=20).filter(lambda s: s.strip())


@st.composite
def valid_models(draw) -> dict:
    node_ids = draw(st.lists(ids, min_size=1, max_size=8, unique=True))
    assumption_ids = draw(st.lists(ids, max_size=3, unique=True))
    stages = sorted(draw(st.lists(st.integers(0, len(STAGES) - 1), min_size=len(node_ids), max_size=len(node_ids))))
    nodes = {}
    for position, (node_id, stage) in enumerate(zip(node_ids, stages)):
        kind, term = STAGES[stage]
        node = {"type": kind, "label": draw(labels)}
        if term:
            node["term"] = term
        later = node_ids[position + 1:]
        if later:
            targets = draw(st.lists(st.sampled_from(later), max_size=2, unique=True))
            node["leads_to"] = [
                target if draw(st.booleans()) else
                {"to": target, "assumption": draw(labels), "evidence": draw(st.sampled_from(["strong", "weak", "none"])),
                 **({"assumptions": [draw(st.sampled_from(assumption_ids))]} if assumption_ids else {})}
                for target in targets
            ]
        if kind in ("outcome", "impact") and draw(st.booleans()):
            node["indicators"] = [{"id": f"{node_id}-i", "source": draw(labels),
                                   "baseline": draw(st.integers(0, 100)),
                                   "availability": draw(st.sampled_from(["collected", "partner", "not-collected"]))}]
        nodes[node_id] = node
    model = {"toc": 1, "title": draw(labels), "nodes": nodes}
    if assumption_ids:
        model["assumptions"] = {a: {"text": draw(labels), "evidence": "weak", "criticality": "high"}
                                for a in assumption_ids}
    return model


# Hostile values (issue 15): control characters and forged lines, a label past Graphviz's
# 16,384-character limit, a 4,001-digit integer (the dump here cannot write past Python's 4,300), a formula,
# markup and links for Markdown, a bidirectional override.
HOSTILE_VALUES = st.sampled_from([
    "A\x01B\x1b[2J\n0 errors, 0 warnings", "x" * 20_000, 10 ** 4_000, "=cmd|' /C calc'!A0", "\tA",
    "<script>alert(1)</script>", "[x](javascript:alert(1)) ![](http://example.com/i.png)", "\u202eevil",
])
ODD_VALUES = st.one_of(st.none(), st.integers(), st.floats(allow_nan=False), st.booleans(), st.text(max_size=5),
                       st.lists(st.integers(), max_size=2), st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
                       HOSTILE_VALUES)


def _containers(value, found):
    """Every (container, key) pair in the data, to pick one to mutate."""
    if isinstance(value, dict):
        for key, item in value.items():
            found.append((value, key))
            _containers(item, found)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.append((value, index))
            _containers(item, found)
    return found


@st.composite
def damaged_models(draw) -> dict:
    model = draw(valid_models())
    for _ in range(draw(st.integers(1, 3))):
        places = _containers(model, [])
        container, key = draw(st.sampled_from(places))
        mutation = draw(st.sampled_from(["drop", "swap-type", "dangle", "cycle"]))
        if mutation == "drop":
            del container[key]
        elif mutation == "swap-type":
            container[key] = draw(ODD_VALUES)
        elif mutation == "dangle":
            container[key] = "no-such-" + draw(ids)
        elif isinstance(model.get("nodes"), dict) and model["nodes"]:
            nodes = model["nodes"]
            last, first = list(nodes)[-1], list(nodes)[0]
            if isinstance(nodes[last], dict):
                nodes[last]["leads_to"] = [first]
    return model


def _dump(model) -> str:
    return yaml.safe_dump(model, sort_keys=False, allow_unicode=True, width=60)


@st.composite
def damaged_texts(draw) -> str:
    """The YAML of a valid model with its text cut, duplicated or sprinkled with characters."""
    lines = _dump(draw(valid_models())).splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "insert", "truncate"]))
        if action == "delete" and len(lines) > 1:
            del lines[at]
        elif action == "duplicate":
            lines.insert(at, lines[at])
        elif action == "insert":
            text = lines[at]
            column = draw(st.integers(0, len(text)))
            lines[at] = text[:column] + draw(st.text(":-[]{}&*!|>'\"#\t \x00\r\x85\u2028é", min_size=1, max_size=3)) + text[column:]
        else:
            lines[at] = lines[at][: draw(st.integers(0, len(lines[at])))]
    return "".join(lines)


any_file = st.one_of(valid_models().map(_dump), damaged_models().map(_dump), damaged_texts())


# ----------------------------------------------------------------- properties
def _inside(text: str, line: int, column: int) -> bool:
    lines = text.split("\n")
    return 1 <= line <= max(1, len(lines)) and 1 <= column <= len(lines[line - 1]) + 1 if line <= len(lines) else False


@given(any_file)
def test_operations_never_raise_and_are_deterministic(text):
    for name, operation in OPERATIONS.items():
        first = operation("m.toc.yaml", text)
        assert operation("m.toc.yaml", text) == first, f"{name} is not deterministic"


@given(any_file)
def test_every_finding_is_located_inside_the_file(text):
    for finding in check_text(text, "m.toc.yaml").findings:
        for location in (finding.location, *(related.location for related in finding.related)):
            assert location.path == "m.toc.yaml"
            assert _inside(text, location.line, location.column), (finding.code, location, finding.message)


@given(valid_models())
def test_valid_models_load_with_every_node(model):
    report = check_text(_dump(model), "m.toc.yaml")
    assert report.model is not None and list(report.model.nodes) == list(model["nodes"])
    assert not [f for f in report.findings if f.code < "TOC100"], report.findings


@pytest.mark.parametrize("separator", ["\x85", "\u2028", "\u2029", "\r"])
def test_lines_are_counted_as_editors_count_them(separator):
    # libyaml also breaks lines at these; file:line:column must match the editor.
    text = f"toc: 1\ntitle: 'a{separator}b'\nnodes:\n  a: {{type: need, label: A}}\n  b: [x\n"
    [broken] = check_text(text, "m.toc.yaml").findings
    assert (broken.code, broken.location.line) == ("TOC001", 6)  # the end of the file
    text = text.replace("  b: [x\n", "")
    [no_impact] = check_text(text, "m.toc.yaml").findings
    assert (no_impact.code, no_impact.location.line, no_impact.location.column) == ("TOC205", 4, 3)


def test_error_at_the_end_of_a_file_without_a_final_newline_is_on_its_last_line():
    # Found by the long profile: libyaml put this error on a line after the file's last.
    text = "toc: 1\nassumptions:\n  a:\n    text: '0'\n    c"
    [broken] = check_text(text, "m.toc.yaml").findings
    # (at the text "c", which has no `field:`: the explanation names the line itself)
    assert (broken.code, broken.location.line, broken.location.column) == ("TOC001", 5, 5)


# ----------------------------------------------------------------- fmt loses nothing
@st.composite
def commented_texts(draw) -> str:
    """A valid model with comments everywhere, lists in [...] over several lines, odd indentation, complex keys."""
    text = yaml.safe_dump(draw(valid_models()), sort_keys=False, allow_unicode=True, width=60,
                          default_flow_style=None, indent=draw(st.sampled_from([2, 3, 4])))
    lines = []
    for number, line in enumerate(text.splitlines()):
        indent = " " * (len(line) - len(line.lstrip(" ")))
        if line.endswith("]") and ": [" in line and draw(st.booleans()):
            # A flow list over several lines, with a comment after each item.
            head, items = line[:-1].split(": [", 1)
            lines.append(f"{head}: [  # list {number}")
            lines += [f"{indent}  {item.strip()},  # item {number}.{position}"
                      for position, item in enumerate(items.split(","))]
            lines.append(f"{indent}]")
            continue
        if draw(st.booleans()):
            lines.append(f"{indent}# above {number}")
        lines.append(line + (f"  # end {number}" if draw(st.booleans()) else ""))
    lines += draw(st.sampled_from([[], ["? [x, y]", ": 1"], ["? {a: 1}", ": 2"], ["? plain", ": 3"]]))
    return "\n".join(lines) + "\n"


def _line_texts(text: str) -> list[str]:
    return sorted(line.strip().lstrip("- ") for line in text.splitlines() if line.strip())


@given(commented_texts())
def test_fmt_keeps_every_comment_or_refuses_with_a_location(text):
    from toc.reformat import FormatRefused, format_text

    try:
        formatted = format_text(text)
    except FormatRefused as refused:
        assert _inside(text, refused.line, refused.column), (refused.line, refused.column, str(refused))
        assert "please report" not in str(refused), str(refused)
        return
    assert _line_texts(formatted) == _line_texts(text)
    assert format_text(formatted) == formatted
