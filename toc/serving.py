"""`toc serve`'s machinery: a page that redraws itself when its model file is saved.

Standard library only. A watcher thread looks at the file's modification stamp a
few times a second (one stat() call) and redraws only a changed file. Requests
never draw: they answer with the last page drawn, so a slow redraw holds up
nobody, and a redraw that crashes publishes an error page (HTTP 500) in its
place. Browsers wait on ``/version?after=N``, which answers as soon as the
version moves past N (or after a timeout, when they simply ask again), and then
reload the page.

The server is a threading one with limits, because a browser's long poll holds
a thread for its whole wait: each connection has a socket timeout (an idle or
half-sent request is dropped) and at most ``max_connections`` are handled at
once (more are told 503 at once rather than each getting a thread). Every
request's Host header is checked, whatever address the server listens on,
against DNS rebinding (see ``host_allowed``).

With ``--edit`` (an ``EditSession``), ``POST /edit`` changes the model file
through ``toc.editing`` and redraws at once. Each write must carry the per-run
token embedded in the page (another site's page cannot read it), come from the
page's own origin (Origin and Sec-Fetch-Site checked, JSON only, so a form on
another site cannot post), be at most ``MAX_EDIT_BYTES``, and name the version
of the file the page was drawn from: an edit never overwrites newer work.
Without ``--edit`` every POST is refused.

A save that leaves the file broken keeps the last good diagram on the page,
under a banner naming the error, rather than blanking it mid-workshop.
"""

from __future__ import annotations

import hmac
import html
import ipaddress
import json
import os
import re
import secrets
import socket
import socketserver
import sys
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import NamedTuple
from urllib.parse import parse_qs, urlsplit

from toc.renderers.dot import DiagramOptions

# How often the watcher looks at the file: a save shows within a second.
WATCH_INTERVAL = 0.2
# Seconds a connection may sit between bytes of its request (or of our answer) before it is dropped.
REQUEST_TIMEOUT = 15.0
# Requests handled at once; one is held by each open page's long poll, so a workshop's
# worth of browsers fits, and no flood of connections can start a thread each.
MAX_CONNECTIONS = 100
# A crash message longer than this is cut: the page says what failed, not everything.
ERROR_MESSAGE_LIMIT = 300
# ``after=`` is a version count: ASCII digits, and few of them (int() would take "²" or "٣").
VERSION_NUMBER = re.compile(r"[0-9]{1,18}")
# The largest editing request accepted: a box's words and an indicator, not a file.
MAX_EDIT_BYTES = 64 * 1024
# What --allow-host accepts: a DNS name (letters, digits, hyphens, dots; underscores occur in LAN names).
HOST_NAME = re.compile(r"(?=.{1,253}$)[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*\.?",
                       re.IGNORECASE)


class Snapshot(NamedTuple):
    """One drawn page: what every request gets until the next one is published."""

    version: int
    html: str
    status: HTTPStatus


class EditSession:
    """What `toc serve --edit` keeps for one run: the page's token, the undo history, one edit at a time."""

    def __init__(self, token: str | None = None):
        from toc.editing import UndoHistory

        self.token = token or secrets.token_urlsafe(32)
        self.history = UndoHistory()
        self.lock = threading.Lock()

    def read_ahead(self, path: str) -> None:
        """Read the file for its next edit in the background (ruamel.yaml takes about half a second
        on a 150-node model), so that an edit made while the room looks at the page is quick."""
        def read() -> None:
            from toc.editing.document import prepare

            try:
                with open(path, "rb") as stream:
                    text = stream.read().decode("utf-8-sig")
            except (OSError, UnicodeDecodeError):
                return
            prepare(text.replace("\r\n", "\n"))

        threading.Thread(target=read, name="toc-serve-read-ahead", daemon=True).start()

    def token_matches(self, given) -> bool:
        return isinstance(given, str) and hmac.compare_digest(given.encode(), self.token.encode())


class LivePage:
    """The current page for one model file, redrawn when the file changes."""

    def __init__(self, path: str, options: DiagramOptions = DiagramOptions(), editing: EditSession | None = None):
        self.path = path
        self.options = options
        self.editing = editing
        self._last_good = None  # (model, findings) of the last version that loaded: shown under a banner
        self.current = Snapshot(0, "", HTTPStatus.SERVICE_UNAVAILABLE)
        self._stamp: tuple | None = None  # the file's stamp when the current page was drawn
        # The actuals files the model names (its `monitoring:`), watched as the model is: the
        # panel shows each indicator's figures, so a saved spreadsheet redraws the page too.
        self._data_files: tuple[str, ...] = ()
        self._drawing = threading.Lock()  # one redraw at a time; requests never take it
        self._published = threading.Condition()  # waiting requests hear of each new page
        self._stop_watching = threading.Event()

    @property
    def version(self) -> int:
        return self.current.version

    @property
    def html(self) -> str:
        return self.current.html

    def refresh(self) -> int:
        """Redraw if the file changed since the page was drawn; return the page's version.

        The drawing happens outside the lock that requests wait on: until the new
        page is published they keep getting the last one.
        """
        with self._drawing:
            # Stamp first: a save during the drawing makes the next look draw again.
            data_files = self._data_files
            stamp = (_file_stamp(self.path), *(_file_stamp(path) for path in data_files))
            if self.current.version and stamp == self._stamp:
                return self.current.version
            version = self.current.version + 1
            status, text = self._draw(version)
            if self._data_files != data_files:  # the model now names other data files: watch those
                stamp = (stamp[0], *(_file_stamp(path) for path in self._data_files))
            self._stamp = stamp
            with self._published:
                self.current = Snapshot(version, text, status)
                self._published.notify_all()
            if self.editing is not None:
                self.editing.read_ahead(self.path)
            return version

    def wait_for_change(self, after: int, timeout: float) -> int:
        """The version, as soon as it differs from ``after`` or when ``timeout`` runs out."""
        with self._published:
            self._published.wait_for(lambda: self.current.version != after, timeout)
            return self.current.version

    def watch(self, interval: float = WATCH_INTERVAL) -> None:
        """Redraw from a background thread whenever the file changes, until ``stop_watching``."""
        self._stop_watching.clear()
        # A daemon: Ctrl+C must not wait for a drawing in progress.
        threading.Thread(target=self._watch, args=(interval,), name="toc-serve-watcher", daemon=True).start()

    def stop_watching(self) -> None:
        self._stop_watching.set()

    def _watch(self, interval: float) -> None:
        while not self._stop_watching.wait(interval):
            self.refresh()

    def _draw(self, version: int) -> tuple[HTTPStatus, str]:
        try:
            return HTTPStatus.OK, self._render(version)
        except Exception as error:  # a bug in toc, met by this model: an error page, not a dead server
            message = _short_message(error)
            print(f"toc: error: cannot draw {_terminal(self.path)}: {message}", file=sys.stderr, flush=True)
            return HTTPStatus.INTERNAL_SERVER_ERROR, error_page(self.path, message, version)

    def _render(self, version: int) -> str:
        # Whatever state the file is in mid-edit, the browser gets a page saying so.
        from toc.commands.common import check_in_project
        from toc.commands.drawing import workshop_page
        from toc.renderers.html import render_unloadable_html
        from toc.loading import UnreadableInput
        from toc.project_config import ConfigError, clear_cache

        drawn_hash = self._content_hash()  # the version edits from this page must find on disk
        clear_cache()  # the project configuration as it is now: it may be edited while serving too
        try:
            # The findings `toc check` shows, under the project configuration.
            report = check_in_project(self.path)
        except (UnreadableInput, ConfigError) as error:
            return self._broken(version, str(error), (), drawn_hash)
        if report.model is None:
            first = _why_it_does_not_load(report.findings)
            message = (f"{first.code} at line {first.location.line}: {first.message}" if first
                       else "the file does not load")
            return self._broken(version, message, report.findings, drawn_hash)
        try:
            page = workshop_page(report.model, report.findings, self.options, live_version=version,
                                 editing=self._edit_data(drawn_hash))
        except Exception as error:  # e.g. Graphviz failing on this drawing: say so on the page
            return render_unloadable_html(self.path, report.findings, live_version=version,
                                          message=f"The diagram could not be drawn: {error}")
        self._last_good = (report.model, report.findings)
        self._data_files = _data_files(self.path, report.model)
        return page

    def _broken(self, version: int, message: str, findings, drawn_hash: str | None) -> str:
        """The last good diagram under a banner naming the error; the findings page if there is none."""
        from toc.commands.drawing import workshop_page
        from toc.renderers.html import render_unloadable_html

        if self._last_good is not None:
            banner = (f"{self.path} does not load now ({message}). This is the last version that did: "
                      "fix the file and the page redraws by itself.")
            model, old_findings = self._last_good
            try:
                return workshop_page(model, old_findings, self.options, live_version=version,
                                     editing=self._edit_data(drawn_hash), banner=banner)
            except Exception:  # drawing the old version failed too: the findings page below
                pass
        if findings:
            return render_unloadable_html(self.path, findings, live_version=version)
        return render_unloadable_html(self.path, (), live_version=version, message=message)

    def _content_hash(self) -> str | None:
        if self.editing is None:
            return None
        from toc.editing import content_hash

        try:
            with open(self.path, "rb") as stream:
                return content_hash(stream.read())
        except OSError:
            return None

    def _edit_data(self, drawn_hash: str | None) -> dict | None:
        if self.editing is None:
            return None
        return {"token": self.editing.token, "hash": drawn_hash, "undo": len(self.editing.history)}

    def edit(self, request: dict) -> tuple[HTTPStatus, dict]:
        """Make one edit the page asked for, redraw, and answer with the new version (or why not)."""
        from toc.editing import StaleModel
        from toc.editing.actions import apply_action
        from toc.errors import UserError

        assert self.editing is not None
        expected = request.get("hash")
        if not isinstance(expected, str):
            return HTTPStatus.BAD_REQUEST, {"error": "the request does not say which version of the file it edits"}
        with self.editing.lock:
            try:
                result = apply_action(self.path, request, expected if request.get("action") != "undo" else None,
                                      self.editing.history)
            except StaleModel as error:
                version = self.refresh()
                return HTTPStatus.CONFLICT, {"error": str(error), "stale": True, "version": version}
            except UserError as error:
                return HTTPStatus.UNPROCESSABLE_ENTITY, {"error": str(error)}
            except Exception as error:  # a bug in toc: one line, the file untouched or whole (writes are atomic)
                message = _short_message(error)
                print(f"toc: error: edit failed: {message}", file=sys.stderr, flush=True)
                return HTTPStatus.INTERNAL_SERVER_ERROR, {"error": f"the edit failed: {message}"}
            version = self.refresh()
        return HTTPStatus.OK, {"ok": True, "message": result.message, "focus": result.focus, "version": version}


def _data_files(path: str, model) -> tuple[str, ...]:
    """The actuals files the model names, where the loader looks for them (missing ones too: their
    appearing redraws the page)."""
    if model.monitoring is None:
        return ()
    return tuple(os.path.join(os.path.dirname(path), reference.id) for reference in model.monitoring.actuals)


def _file_stamp(path: str) -> tuple | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_mtime_ns, info.st_size, info.st_ino)


def _terminal(text: str) -> str:
    from toc.renderers.escape import terminal_text

    return terminal_text(text)


def _short_message(error: Exception) -> str:
    from toc.renderers.escape import terminal_text

    # One line, whatever the error holds, with no control character left to act on a terminal.
    text = terminal_text(" ".join(f"{type(error).__name__}: {error}".split()))
    return text if len(text) <= ERROR_MESSAGE_LIMIT else text[: ERROR_MESSAGE_LIMIT - 3] + "..."


# The error page's whole script: wait for the version after this page's, then reload.
# The version is read from the page, so the script (and its CSP hash) never changes;
# it goes between the <script> tags exactly as it is here, or the hash would not match.
ERROR_PAGE_SCRIPT = """\
(function () {
  var version = Number(document.body.getAttribute("data-version"));
  function poll() {
    fetch("/version?after=" + version, { cache: "no-store" })
      .then(function (response) { return response.json(); })
      .then(function (answer) { if (answer.version !== version) { location.reload(); } else { poll(); } })
      .catch(function () { setTimeout(poll, 3000); });
  }
  poll();
})();
"""


def error_page(path: str, message: str, version: int) -> str:
    """A small page saying the model could not be drawn, which reloads after the next save.

    Built here rather than by the page renderer, which is what just failed.
    """
    from toc.renderers.html.page import script_hash

    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src '{script_hash(ERROR_PAGE_SCRIPT)}'; connect-src 'self'; base-uri 'none'; form-action 'none'">
<title>Cannot draw {html.escape(path)}</title>
</head>
<body data-version="{version}">
<h1>toc could not draw {html.escape(path)}</h1>
<p>{html.escape(message)}</p>
<p>This is a fault in toc, not necessarily in the model. Save the file again to retry: this page reloads by itself.</p>
<script>{ERROR_PAGE_SCRIPT}</script>
</body>
</html>
"""


def host_allowed(header: str, allowed_names: frozenset[str] = frozenset()) -> bool:
    """Whether a request's Host header names this server in a way DNS rebinding cannot fake.

    A rebinding page reaches the server under the attacker's own domain name, so a
    name is accepted only if it is known: ``localhost`` or one given with
    --allow-host. An IP address cannot be rebound (the page would have to come
    from that address already), so any address is accepted.

    >>> host_allowed("127.0.0.2:8765"), host_allowed("[::1]:8765"), host_allowed("localhost")
    (True, True, True)
    >>> host_allowed("attacker.example:8765"), host_allowed("workshop.example", frozenset({"workshop.example"}))
    (False, True)
    """
    name = _host_name(header)
    if name == "localhost" or name in allowed_names:
        return True
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def _host_name(header: str) -> str:
    """The name in a Host header, without its port, in lower case, without a final dot."""
    header = header.strip().lower()
    if header.startswith("["):  # an IPv6 address: [::1]:8765
        return header[1:].partition("]")[0]
    return normal_host_name(header.rsplit(":", 1)[0] if header.count(":") == 1 else header)


def normal_host_name(name: str) -> str:
    """A host name as it is compared: lower case, without the final dot DNS allows."""
    return name.lower().rstrip(".")


def valid_host_name(name: str) -> bool:
    """Whether ``name`` can be given to --allow-host: a DNS name, no port, scheme or wildcard."""
    return bool(HOST_NAME.fullmatch(name))


# What a connection over the limit gets: a complete answer, so a browser says "busy", not "broken".
_BUSY_BODY = b"busy: too many connections; try again in a moment\n"
BUSY_RESPONSE = (b"HTTP/1.0 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n"
                 b"Content-Length: %d\r\nRetry-After: 3\r\nConnection: close\r\n\r\n" % len(_BUSY_BODY)) + _BUSY_BODY


class PageServer(ThreadingHTTPServer):
    daemon_threads = True  # a browser waiting for a change must not keep Ctrl+C waiting
    # Connections the system queues until they are accepted (socketserver's default is 5):
    # after a save every open browser reconnects at once, and a full queue makes them
    # wait a second or more to retry.
    request_queue_size = 128

    def __init__(self, host: str, port: int, page: LivePage, poll_timeout: float = 25.0,
                 allowed_hosts=(), request_timeout: float = REQUEST_TIMEOUT,
                 max_connections: int = MAX_CONNECTIONS, bind_and_activate: bool = True):
        self.address_family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self.page = page
        self.poll_timeout = poll_timeout
        self.loopback_only = _is_loopback(host)
        self.allowed_hosts = frozenset(normal_host_name(name) for name in allowed_hosts)
        self.request_timeout = request_timeout
        self._free_slots = threading.BoundedSemaphore(max_connections)
        super().__init__((host, port), _Handler, bind_and_activate)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"

    def server_bind(self) -> None:
        # HTTPServer.server_bind also looks the address up in DNS (getfqdn) for a
        # name nothing here uses, which can hang on a machine with slow DNS.
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = self.server_address[:2]

    def serve_forever(self, poll_interval: float = 0.5) -> None:
        self.page.watch()
        try:
            super().serve_forever(poll_interval)
        finally:
            self.page.stop_watching()

    def process_request(self, request, client_address) -> None:
        if not self._free_slots.acquire(blocking=False):
            self._refuse(request)
            return
        try:
            super().process_request(request, client_address)  # starts the handler's thread
        except BaseException:
            self._free_slots.release()
            raise

    def process_request_thread(self, request, client_address) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._free_slots.release()

    def _refuse(self, request) -> None:
        # Never wait here: this is the thread that accepts every connection.
        try:
            request.setblocking(False)
            request.send(BUSY_RESPONSE)
        except OSError:
            pass
        self.shutdown_request(request)

    def handle_error(self, request, client_address) -> None:
        # The default prints a traceback; a browser going away mid-answer is normal,
        # and anything else gets one line.
        error = sys.exc_info()[1]
        if not isinstance(error, (ConnectionError, TimeoutError)):
            print(f"toc: error: a request failed: {_short_message(error)}", file=sys.stderr, flush=True)


class _Handler(BaseHTTPRequestHandler):
    server: PageServer
    server_version = "toc-serve"
    sys_version = ""

    def setup(self) -> None:
        # Applied to the connection by StreamRequestHandler.setup: a client that stops
        # sending (idle, or half a request) is dropped after this, freeing its thread.
        self.timeout = self.server.request_timeout
        super().setup()

    def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
        if not host_allowed(self.headers.get("Host") or "", self.server.allowed_hosts):
            # The page must not be readable through a name an attacker controls (DNS rebinding).
            self._send(HTTPStatus.FORBIDDEN, b"forbidden: unknown host name (see toc serve --help, --allow-host)\n",
                       "text/plain; charset=utf-8")
            return
        address = urlsplit(self.path)
        if address.path in ("/", "/index.html"):
            page = self.server.page.current
            self._send(page.status, page.html.encode("utf-8"), "text/html; charset=utf-8")
        elif address.path == "/version":
            after = parse_qs(address.query, keep_blank_values=True).get("after", [""])[0]
            if not VERSION_NUMBER.fullmatch(after):
                self._send(HTTPStatus.BAD_REQUEST, b"bad request: after= must be a version number\n",
                           "text/plain; charset=utf-8")
                return
            version = self.server.page.wait_for_change(int(after), self.server.poll_timeout)
            self._send(HTTPStatus.OK, json.dumps({"version": version}).encode(), "application/json")
        else:
            self._send(HTTPStatus.NOT_FOUND, b"not found\n", "text/plain; charset=utf-8")

    def do_POST(self) -> None:  # noqa: N802 (the name http.server calls)
        status, answer = self._edit()
        self._send(status, json.dumps(answer).encode("utf-8"), "application/json")

    def _edit(self) -> tuple[HTTPStatus, dict]:
        """Check an editing request from end to end before anything is read from it (see the module docstring)."""
        page = self.server.page
        host = self.headers.get("Host") or ""
        if not host_allowed(host, self.server.allowed_hosts):
            return HTTPStatus.FORBIDDEN, {"error": "unknown host name (see toc serve --help, --allow-host)"}
        if urlsplit(self.path).path != "/edit":
            return HTTPStatus.NOT_FOUND, {"error": "not found"}
        if page.editing is None:
            return HTTPStatus.FORBIDDEN, {"error": "this page is read-only: start toc serve with --edit to change "
                                                   "the model from the page"}
        origin = self.headers.get("Origin")
        if origin is not None and origin != f"http://{host}":
            return HTTPStatus.FORBIDDEN, {"error": "edits are accepted only from the page itself (Origin)"}
        if self.headers.get("Sec-Fetch-Site", "same-origin") not in ("same-origin", "none"):
            return HTTPStatus.FORBIDDEN, {"error": "edits are accepted only from the page itself (Sec-Fetch-Site)"}
        if (self.headers.get("Content-Type") or "").split(";")[0].strip().lower() != "application/json":
            return HTTPStatus.UNSUPPORTED_MEDIA_TYPE, {"error": "send the edit as application/json"}
        length = self.headers.get("Content-Length") or ""
        if not length.isascii() or not length.isdigit():
            return HTTPStatus.LENGTH_REQUIRED, {"error": "say how long the request is (Content-Length)"}
        if int(length) > MAX_EDIT_BYTES:
            self.close_connection = True  # the body is not read
            return HTTPStatus.REQUEST_ENTITY_TOO_LARGE, {"error": f"an edit is at most {MAX_EDIT_BYTES} bytes"}
        try:
            request = json.loads(self.rfile.read(int(length)).decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            return HTTPStatus.BAD_REQUEST, {"error": "the request is not JSON"}
        if not isinstance(request, dict) or not page.editing.token_matches(request.get("token")):
            return HTTPStatus.FORBIDDEN, {"error": "this page's editing token is missing or wrong: reload the page"}
        return page.edit(request)

    def _send(self, status: HTTPStatus, body: bytes, content_type: str) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.send_header("X-Content-Type-Options", "nosniff")
            self.end_headers()
            self.wfile.write(body)
        except OSError:
            pass  # the browser went away (closed tab, reload) or stopped reading: nothing to do

    def log_message(self, format, *args) -> None:  # noqa: A002
        pass  # a quiet terminal: the facilitator is projecting it


def _is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _why_it_does_not_load(findings):
    """The finding that stopped the file loading. After a syntax error the parts that still read
    are checked too, and their findings may come first in line order: name the syntax error,
    else the first error, never a warning about a part that did read."""
    from toc.loading.finding_kinds import YAML_SYNTAX
    from toc.findings import Severity

    return (next((f for f in findings if f.code == YAML_SYNTAX.code), None)
            or next((f for f in findings if f.severity is Severity.ERROR), None)
            or (findings[0] if findings else None))
