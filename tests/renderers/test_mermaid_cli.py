"""Every example's Mermaid text is accepted by the official Mermaid renderer (mermaid-cli).

`./run tests` installs mermaid-cli into .tools/mermaid and uses Debian's chromium;
without them this test is skipped, saying why.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from conftest import EXAMPLES, ROOT
from toc.renderers.mermaid import render_mermaid
from toc.loading import load_file

MMDC = ROOT / ".tools" / "mermaid" / "node_modules" / ".bin" / "mmdc"
CHROMIUM = shutil.which("chromium")

pytestmark = pytest.mark.skipif(
    not (MMDC.exists() and CHROMIUM), reason="mermaid-cli or chromium missing (./run tests installs them)"
)


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.toc.yaml")), ids=lambda p: p.name)
def test_mermaid_cli_renders_without_a_parse_error(path, tmp_path):
    source = tmp_path / "model.mmd"
    source.write_text(render_mermaid(load_file(str(path)).model))
    config = tmp_path / "puppeteer.json"
    config.write_text(json.dumps({
        "executablePath": CHROMIUM,
        "args": ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"],
    }))
    output = tmp_path / "model.svg"
    result = subprocess.run([str(MMDC), "-p", str(config), "-i", str(source), "-o", str(output)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Error" not in result.stderr and "error" not in result.stdout.lower()
    assert output.exists() and "<svg" in output.read_text()


def test_hostile_labels_render_in_mermaid(tmp_path):
    import importlib.util

    spec = importlib.util.spec_from_file_location("hostile", ROOT / "tests" / "renderers" / "test_hostile_labels.py")
    hostile = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hostile)
    hostile_model = hostile.hostile_model

    source = tmp_path / "hostile.mmd"
    source.write_text(render_mermaid(hostile_model()))
    config = tmp_path / "puppeteer.json"
    config.write_text(json.dumps({"executablePath": CHROMIUM, "args": ["--no-sandbox", "--disable-gpu"]}))
    output = tmp_path / "hostile.svg"
    result = subprocess.run([str(MMDC), "-p", str(config), "-i", str(source), "-o", str(output)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    svg = output.read_text()
    assert "<script>alert" not in svg
