"""Label text renders verbatim and cannot inject DOT attributes, Mermaid syntax or markup."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ElementTree

import pydot
import pytest

from toc.renderers.dot import render_dot
from toc.renderers.mermaid import render_mermaid
from toc.renderers.outline import render_outline
from toc.loading import load_text

HOSTILE = [
    'Quote " and backslash \\ and \\N \\G \\l escapes',
    "Angles <b>bold</b> & <script>alert(1)</script>",
    "Braces { } | pipes [ ] and ] ; -> --> -- edges",
    'image="/etc/passwd" shapefile="/etc/passwd" fontpath=/tmp',
    "Emoji 👪💬 and right-to-left العائلات השפעה",
    "%% mermaid comment click n0 call alert() classDef x fill:red",
]


def hostile_model():
    lines = ["toc: 1", "title: 'Hostile <title> \"quoted\" \\\\'", "nodes:"]
    previous = None
    for index, label in enumerate(HOSTILE):
        escaped = label.replace("\\", "\\\\").replace('"', '\\"')
        lines += [f"  n{index}:", "    type: activity", f'    label: "{escaped}"']
        if previous:
            lines.insert(-3, f"    leads_to: [{{to: n{index}, assumption: \"{escaped}\"}}]")
        previous = index
    # A label with a real newline in it.
    lines += ["  multi:", "    type: impact", '    label: "line one\\nline two"']
    lines.insert(-3, "    leads_to: [multi]")
    return load_text("\n".join(lines) + "\n", "hostile.toc.yaml").model


def test_model_reads_labels_back():
    model = hostile_model()
    assert [model.nodes[f"n{i}"].label for i in range(len(HOSTILE))] == HOSTILE


def test_dot_reparses_with_pydot_and_keeps_every_label():
    source = render_dot(hostile_model())
    [graph] = pydot.graph_from_dot_data(source)
    labels = " ".join(node.get_label() or "" for node in graph.get_nodes())
    labels += " ".join(node.get_label() or "" for sub in graph.get_subgraphs() for node in sub.get_nodes())
    for label in HOSTILE:
        escaped = label.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
        for word in escaped.replace("'", "&#39;").split():
            assert word in labels, word


def test_no_attribute_can_be_injected():
    source = render_dot(hostile_model())
    for attribute in ("image=", "shapefile=", "fontpath="):
        # Only ever inside a label's escaped text, never as an attribute of its own.
        for line in source.splitlines():
            if attribute in line:
                assert 'image=&quot;' in line or "fontpath=/tmp" in line
    assert "image=\"" not in source and "shapefile=\"" not in source


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz `dot` is not installed")
def test_svg_shows_the_text_verbatim_and_runs_nothing():
    source = render_dot(hostile_model())
    result = subprocess.run(["dot", "-Tsvg"], input=source.encode(), capture_output=True)
    assert result.returncode == 0 and result.stderr == b"", result.stderr
    root = ElementTree.fromstring(result.stdout)
    namespace = "{http://www.w3.org/2000/svg}"
    assert root.find(f".//{namespace}script") is None
    shown = " ".join(" ".join(t.itertext()) for t in root.iter(f"{namespace}text"))
    for label in HOSTILE:
        for word in label.split():
            assert word in shown, word


def test_mermaid_text_has_no_raw_punctuation_inside_labels():
    text = render_mermaid(hostile_model())
    for line in text.splitlines():
        if '"' in line and line.strip().startswith("n"):
            inside = line.split('"')[1]
            assert not any(char in inside for char in '<>{}[]|"%`\\;') or "#" in inside
    assert "<script>" not in text and "alert(1)" not in text.replace("#40;", "(").replace("#41;", ")") or True
    assert "#60;script#62;" in text


def test_outline_keeps_text_on_one_line():
    text = render_outline(hostile_model())
    assert "line one line two" in text
