"""Every example in every format: snapshots of the text formats, real Graphviz for images."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ElementTree

import pytest

from conftest import EXAMPLES
from toc.commands.drawing import RenderRequest, render_model
from toc.loading import load_file

MODELS = sorted(path.name for path in EXAMPLES.glob("*.toc.yaml"))
needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz `dot` is not installed")


def model(name):
    return load_file(str(EXAMPLES / name)).model


def stem(name):
    return name.replace(".toc.yaml", "")


@pytest.mark.parametrize("name", MODELS)
@pytest.mark.parametrize("output_format, extension", [("dot", ".dot"), ("mmd", ".mmd"), ("md", ".md")])
def test_text_snapshots(name, output_format, extension, file_regression):
    text = render_model(model(name), RenderRequest(output_format))
    file_regression.check(text, basename=f"{stem(name)}", extension=extension)


@pytest.mark.parametrize("name", MODELS)
def test_output_is_deterministic(name):
    first = render_model(model(name), RenderRequest("dot"))
    assert render_model(model(name), RenderRequest("dot")) == first


@needs_dot
@pytest.mark.parametrize("name", MODELS)
def test_dot_draws_every_example_without_warnings(name):
    source = render_model(model(name), RenderRequest("dot"))
    result = subprocess.run(["dot", "-Tsvg"], input=source.encode(), capture_output=True)
    assert result.returncode == 0
    assert result.stderr == b"", result.stderr.decode()


@needs_dot
@pytest.mark.parametrize("name", MODELS)
def test_svg_parses_and_shows_every_label(name):
    loaded = model(name)
    svg = render_model(loaded, RenderRequest("svg"))
    root = ElementTree.fromstring(svg)
    namespace = "{http://www.w3.org/2000/svg}"
    assert root.find(f"{namespace}title").text == loaded.display_name
    assert "boxes" in root.find(f"{namespace}desc").text
    shown = " ".join(" ".join(text.itertext()) for text in root.iter(f"{namespace}text"))
    shown = " ".join(shown.split())
    for node in loaded.nodes.values():
        for word in (node.label or node.id).split():
            assert word in shown, (node.id, word)


@needs_dot
@pytest.mark.parametrize("output_format, magic", [("png", b"\x89PNG"), ("pdf", b"%PDF")])
def test_png_and_pdf(output_format, magic):
    data = render_model(model("wirral.toc.yaml"), RenderRequest(output_format, workshop=True, page="A3"))
    assert data.startswith(magic) and len(data) > 10_000
