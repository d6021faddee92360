"""`toc serve`'s machinery: a page that redraws itself when its model file is saved.

Standard library only. The page is re-rendered lazily: every request (and every
poll of a waiting browser) compares the file's modification stamp, which costs
one stat() call; only a changed file is checked and drawn again. Browsers wait
on ``/version?after=N``, which answers as soon as the version moves past N (or
after a timeout, when they simply ask again), and then reload the page.
"""

from __future__ import annotations

import ipaddress
import json
import os
import socket
import threading
import time
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from toc.renderers.dot import DiagramOptions

# How often a waiting browser's request looks at the file again.
WATCH_INTERVAL = 0.2
LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1"}


class LivePage:
    """The current page for one model file, re-rendered when the file changes."""

    def __init__(self, path: str, options: DiagramOptions = DiagramOptions()):
        self.path = path
        self.options = options
        self.version = 0
        self.html = ""
        self._stamp: tuple | None = None
        self._lock = threading.Lock()

    def refresh(self) -> int:
        """Re-render if the file changed since the last look; return the page's version."""
        stamp = _file_stamp(self.path)
        with self._lock:
            if self.version == 0 or stamp != self._stamp:
                self._stamp = stamp
                self.version += 1
                self.html = self._render(self.version)
            return self.version

    def wait_for_change(self, after: int, timeout: float) -> int:
        """The version, as soon as it differs from ``after`` or when ``timeout`` runs out."""
        deadline = time.monotonic() + timeout
        version = self.refresh()
        while version == after and time.monotonic() < deadline:
            time.sleep(WATCH_INTERVAL)
            version = self.refresh()
        return version

    def _render(self, version: int) -> str:
        # Whatever state the file is in mid-edit, the browser gets a page saying so.
        from toc.renderers.html import render_html, render_unloadable_html
        from toc.checker import check_file
        from toc.loading import UnreadableInput

        try:
            report = check_file(self.path)
        except UnreadableInput as error:
            return render_unloadable_html(self.path, (), live_version=version, message=str(error))
        if report.model is None:
            return render_unloadable_html(self.path, report.findings, live_version=version)
        try:
            return render_html(report.model, report.findings, self.options, live_version=version)
        except Exception as error:  # e.g. Graphviz failing on this drawing: say so on the page
            return render_unloadable_html(self.path, report.findings, live_version=version,
                                          message=f"The diagram could not be drawn: {error}")


def _file_stamp(path: str) -> tuple | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_mtime_ns, info.st_size, info.st_ino)


class PageServer(ThreadingHTTPServer):
    daemon_threads = True  # a browser waiting for a change must not keep Ctrl+C waiting

    def __init__(self, host: str, port: int, page: LivePage, poll_timeout: float = 25.0):
        self.address_family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self.page = page
        self.poll_timeout = poll_timeout
        self.loopback_only = _is_loopback(host)
        super().__init__((host, port), _Handler)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"


class _Handler(BaseHTTPRequestHandler):
    server: PageServer
    server_version = "toc-serve"
    sys_version = ""

    def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
        if self.server.loopback_only and not self._host_is_loopback():
            # A page on 127.0.0.1 must not be readable through another name (DNS rebinding).
            self._send(HTTPStatus.FORBIDDEN, b"forbidden\n", "text/plain; charset=utf-8")
            return
        address = urlsplit(self.path)
        if address.path in ("/", "/index.html"):
            self.server.page.refresh()
            self._send(HTTPStatus.OK, self.server.page.html.encode("utf-8"), "text/html; charset=utf-8")
        elif address.path == "/version":
            after = parse_qs(address.query).get("after", ["0"])[0]
            after_version = int(after) if after.isdigit() else 0
            version = self.server.page.wait_for_change(after_version, self.server.poll_timeout)
            self._send(HTTPStatus.OK, json.dumps({"version": version}).encode(), "application/json")
        else:
            self._send(HTTPStatus.NOT_FOUND, b"not found\n", "text/plain; charset=utf-8")

    def _host_is_loopback(self) -> bool:
        host = (self.headers.get("Host") or "").strip()
        name = host[1:].split("]")[0] if host.startswith("[") else host.rsplit(":", 1)[0]
        return name.lower() in LOOPBACK_NAMES

    def _send(self, status: HTTPStatus, body: bytes, content_type: str) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.send_header("X-Content-Type-Options", "nosniff")
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the browser went away (closed tab, reload): nothing to do

    def log_message(self, format, *args) -> None:  # noqa: A002
        pass  # a quiet terminal: the facilitator is projecting it


def _is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
