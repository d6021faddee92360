"""`toc serve` as a user runs it: a real process on a free loopback port."""

from __future__ import annotations

import json
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from contextlib import contextmanager

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
        assert " at http://127.0.0." in line, line + self.process.stderr.read()
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

    from browser_support import CHROMIUM, launched

    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)")
    served = Served(model)
    try:
        for browser in launched(sync_api):
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
        assert problems == []
    finally:
        assert served.stop()[0] == 0


# ---------------------------------------------------------------- in-process server
# The tests below run the server in this process (on loopback, port 0), so a render
# can be made to crash or to take its time by monkeypatching, and threads counted.

TINY_MODEL = """\
toc: 1
title: Tiny
nodes:
  training:
    type: activity
    label: Training for practitioners
    leads_to: [confident]
  confident:
    type: outcome
    term: short
    label: LABEL
"""


@pytest.fixture
def tiny(tmp_path):
    path = tmp_path / "tiny.toc.yaml"
    path.write_text(TINY_MODEL.replace("LABEL", "Practitioners confident"))
    return path


@contextmanager
def serving(model, host="127.0.0.1", **settings):
    """A PageServer on ``host``:0 answering from a thread of this process."""
    from toc.serving import LivePage, PageServer

    page = LivePage(str(model))
    page.refresh()
    server = PageServer(host, 0, page, **settings)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def fetch(server, path="", headers=None, timeout=5.0):
    """(status, body) of one GET, errors included."""
    request = urllib.request.Request(server.url + path, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def save(model, label):
    """Save a new version of the tiny model (a new size, so the change is seen at once)."""
    model.write_text(TINY_MODEL.replace("LABEL", label))


def test_a_model_that_crashes_the_drawing_gets_an_error_page_that_waits_for_the_next_save(tiny, monkeypatch, capsys):
    import toc.checker
    from toc.renderers.html.page import script_hash

    real_check_file = toc.checker.check_file
    with serving(tiny, poll_timeout=0.3) as server:
        monkeypatch.setattr(toc.checker, "check_file", _raises(RuntimeError("<b>boom</b> & more")))
        save(tiny, "Practitioners feel ready")
        assert json.loads(fetch(server, "version?after=1")[1])["version"] == 2

        status, page = fetch(server)
        assert status == 500
        assert "&lt;b&gt;boom&lt;/b&gt; &amp; more" in page and "<b>boom" not in page
        assert "Traceback" not in page
        # The error page polls for the version after its own, so it does not reload in a loop...
        assert 'data-version="2"' in page and "/version?after=" in page
        script = re.search(r"<script>(.*?)</script>", page, re.DOTALL).group(1)
        assert f"script-src '{script_hash(script)}'" in page  # the page's own CSP lets it run
        start = time.monotonic()
        assert json.loads(fetch(server, "version?after=2")[1])["version"] == 2
        assert time.monotonic() - start >= 0.25  # held open: nothing new to reload
        # ...and the next save that draws brings the diagram back.
        monkeypatch.setattr(toc.checker, "check_file", real_check_file)
        save(tiny, "Practitioners feel ready again")
        assert json.loads(fetch(server, "version?after=2")[1])["version"] == 3
        status, page = fetch(server)
        assert status == 200 and "Practitioners feel ready again" in page
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.count("\n") == 1 and "RuntimeError" in err  # one line on the terminal


def _raises(error):
    def crash(*args, **kwargs):
        raise error
    return crash


def test_a_version_that_is_not_a_number_is_a_400(tiny, capsys):
    with serving(tiny) as server:
        # Non-ASCII digits (int() takes "²" and "٣"), huge numbers, garbage, nothing.
        for after in ("%C2%B2", "%D9%A3", "9" * 5000, "abc", "-1", "1.5", "", "%00"):
            status, body = fetch(server, f"version?after={after}")
            assert (status, body) == (400, "bad request: after= must be a version number\n"), after
        assert fetch(server, "version")[0] == 400
        assert fetch(server)[0] == 200  # still serving
    assert capsys.readouterr().err == ""


def test_a_slow_redraw_does_not_hold_up_other_requests(tiny, monkeypatch):
    import toc.checker

    real_check_file = toc.checker.check_file
    drawing, release = threading.Event(), threading.Event()

    def slow_check_file(path, *args, **kwargs):
        drawing.set()
        release.wait(10)
        return real_check_file(path, *args, **kwargs)

    with serving(tiny, poll_timeout=0.3) as server:
        monkeypatch.setattr(toc.checker, "check_file", slow_check_file)
        save(tiny, "Practitioners feel ready")
        # Whoever notices the save (a request or a watcher), the redraw starts soon.
        threading.Thread(target=fetch, args=(server,), kwargs={"timeout": 15}, daemon=True).start()
        try:
            assert drawing.wait(5)
            start = time.monotonic()
            status, page = fetch(server, timeout=2)
            assert status == 200 and "Practitioners confident" in page  # the last good page
            assert json.loads(fetch(server, "version?after=0", timeout=2)[1])["version"] == 1
            assert fetch(server, "nothing-here", timeout=2)[0] == 404
            assert time.monotonic() - start < 1.5
        finally:
            release.set()
        assert json.loads(fetch(server, "version?after=1")[1])["version"] == 2
        assert "Practitioners feel ready" in fetch(server)[1]


def test_idle_connections_time_out_and_handler_threads_are_bounded(tiny):
    with serving(tiny, request_timeout=0.5, max_connections=3) as server:
        host, port = server.server_address[:2]
        threads_before = threading.active_count()
        idle = [socket.create_connection((host, port), timeout=3) for _ in range(3)]
        idle[0].sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # half a request
        extra = [socket.create_connection((host, port), timeout=3) for _ in range(5)]
        try:
            for connection in extra:  # no thread left for these: told so at once
                assert connection.recv(100).startswith(b"HTTP/1.0 503")
            assert threading.active_count() <= threads_before + 3
            start = time.monotonic()
            for connection in idle:  # dropped after the request timeout
                assert connection.recv(100) == b""
            assert time.monotonic() - start < 2
        finally:
            for connection in idle + extra:
                connection.close()
        assert fetch(server)[0] == 200  # the slots are free again


def test_any_loopback_address_serves_and_named_hosts_must_be_allowed(model):
    try:
        socket.create_server(("127.0.0.2", 0)).close()
    except OSError:
        pytest.skip("127.0.0.2 is not a loopback address here (only 127.0.0.1 on macOS)")
    served = Served(model, "--host", "127.0.0.2", "--allow-host", "Workshop.Example")
    try:
        assert served.url.startswith("http://127.0.0.2:")
        assert "Practitioners confident to identify" in served.get()
        port = served.url.rstrip("/").rsplit(":", 1)[1]
        assert "Practitioners confident" in served.get(headers={"Host": f"localhost:{port}"})
        assert "Practitioners confident" in served.get(headers={"Host": f"workshop.example:{port}"})
        with pytest.raises(urllib.error.HTTPError) as refused:
            served.get(headers={"Host": f"attacker.example:{port}"})
        assert refused.value.code == 403
    finally:
        assert served.stop()[0] == 0


def test_every_address_keeps_the_host_check(tiny):
    """Listening on 0.0.0.0 still refuses names it was not given (DNS rebinding)."""
    from toc.serving import LivePage, PageServer

    page = LivePage(str(tiny))
    page.refresh()
    # The server believes it listens on every address; the socket is on loopback only.
    server = PageServer("0.0.0.0", 0, page, allowed_hosts=["workshop.example"], bind_and_activate=False)
    server.socket.bind(("127.0.0.1", 0))
    server.server_address = server.socket.getsockname()
    server.server_activate()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        assert fetch(server, headers={"Host": "attacker.example:8765"})[0] == 403
        assert fetch(server, headers={"Host": "workshop.example:8765"})[0] == 200
        assert fetch(server, headers={"Host": "WORKSHOP.EXAMPLE."})[0] == 200
        assert fetch(server, headers={"Host": "192.168.1.5:8765"})[0] == 200  # an address cannot be rebound
        assert fetch(server, headers={"Host": "[::1]:8765"})[0] == 200
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


@pytest.mark.parametrize("name", ["*", "evil.example:80", "http://x.example", "a b", ""])
def test_an_allowed_host_must_be_a_name(capsys, name):
    assert main(["serve", str(EXAMPLES / "wirral.toc.yaml"), "--allow-host", name]) == 2
    err = capsys.readouterr().err
    assert "--allow-host" in err and err.count("\n") == 1


def test_help_explains_allow_host(capsys):
    with pytest.raises(SystemExit):
        main(["serve", "--help"])
    out = capsys.readouterr().out
    assert "--allow-host NAME" in out and "DNS rebinding" in out
