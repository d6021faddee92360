"""`toc serve` as a user runs it: a real process on a free loopback port."""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from conftest import EXAMPLES
from toc.cli import main

pytestmark = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz `dot` is not installed")

OLD_LABEL = "label: Practitioners confident to identify and support parental conflict"
NEW_LABEL = "label: Practitioners feel ready to talk about conflict"


class Served:
    def __init__(self, model, *extra):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "toc", "serve", str(model), "--port", "0", *extra],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        line = self.process.stdout.readline()
        assert " at http://127.0.0.1:" in line, line + self.process.stderr.read()
        self.url = line.split(" at ")[1].split()[0]

    def get(self, path="", timeout=10.0, headers=None):
        request = urllib.request.Request(self.url + path, headers=headers or {})
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.read().decode("utf-8")

    def version(self, after):
        return json.loads(self.get(f"version?after={after}", timeout=30))["version"]

    def stop(self):
        self.process.send_signal(signal.SIGINT)  # what Ctrl+C sends
        out, err = self.process.communicate(timeout=10)
        return self.process.returncode, err


@pytest.fixture
def model(tmp_path):
    path = tmp_path / "wirral.toc.yaml"
    shutil.copy(EXAMPLES / "wirral.toc.yaml", path)
    return path


def test_serves_the_page_and_sends_each_saved_edit_to_the_browser(model):
    served = Served(model)
    try:
        page = served.get()
        assert "Practitioners confident to identify" in page and '"live":{"version":1' in page
        start = time.monotonic()
        model.write_text(model.read_text().replace(OLD_LABEL, NEW_LABEL))
        assert served.version(after=1) == 2  # the waiting browser hears about the save
        assert time.monotonic() - start < 5
        page = served.get()
        assert "Practitioners feel ready to talk about conflict" in page
        assert "Practitioners confident to identify" not in page

        # Saved mid-edit with a syntax error: the page shows the finding instead of dying.
        model.write_text("toc: 1\nnodes: [\n")
        assert served.version(after=2) == 3
        broken = served.get()
        assert "TOC001" in broken and "does not load" in broken

        assert "not found" in _error_body(served, "../../etc/passwd")
        with pytest.raises(urllib.error.HTTPError) as refused:
            served.get(headers={"Host": "attacker.example:80"})  # DNS rebinding
        assert refused.value.code == 403
    finally:
        code, err = served.stop()
    assert code == 0
    assert err == f"toc: stopped serving {model}\n"


def _error_body(served, path):
    try:
        served.get(path)
    except urllib.error.HTTPError as error:
        return error.read().decode()
    return ""


def test_a_port_in_use_is_one_line_and_exit_2(model, capsys):
    served = Served(model)
    try:
        port = served.url.rstrip("/").rsplit(":", 1)[1]
        assert main(["serve", str(model), "--port", port]) == 2
        err = capsys.readouterr().err
        assert err == (f"toc: error: port {port} on 127.0.0.1 is already in use; "
                       "choose another with --port (or --port 0 for any free one)\n")
    finally:
        served.stop()


@pytest.mark.parametrize("argv, message", [
    (["missing.toc.yaml"], "missing.toc.yaml: no such file"),
    ([str(EXAMPLES / "wirral.toc.yaml"), "--port", "70000"], "give a port from 1 to 65535"),
])
def test_bad_arguments_are_one_line(capsys, argv, message):
    assert main(["serve", *argv]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_the_open_browser_redraws_by_itself_and_keeps_the_selection(model):
    """In chromium: select a box, save an edit, the page reloads with the new label and the same box open."""
    import os

    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    if not os.path.exists("/usr/bin/chromium"):
        pytest.skip("/usr/bin/chromium is missing (apt-get install chromium)")
    served = Served(model)
    try:
        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", headless=True,
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                      "--disable-component-update", "--disable-sync", "--no-first-run"],
            )
            page = browser.new_page()
            problems = []
            page.on("pageerror", lambda error: problems.append(str(error)))
            page.goto(served.url)
            assert page.locator("#live-status").inner_text() == "Live: redraws when the file is saved"
            page.locator('g.node[data-node="confident"]').click()
            model.write_text(model.read_text().replace(OLD_LABEL, NEW_LABEL))
            # The page's CSP forbids eval, so wait with a locator rather than a JS predicate.
            sync_api.expect(page.locator("#panel h2")).to_have_text(
                "Practitioners feel ready to talk about conflict", timeout=5000)
            assert "Practitioners feel ready" in page.locator("#diagram-svg").inner_html()
            browser.close()
        assert problems == []
    finally:
        assert served.stop()[0] == 0
