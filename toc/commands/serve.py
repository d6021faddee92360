"""`toc serve`: the workshop page in a browser, redrawn whenever the model file is saved."""

from __future__ import annotations

import argparse
import errno
import sys

from toc.commands.common import UsageError

SERVE_EPILOG = """\
examples:
  toc serve examples/wirral.toc.yaml              then open http://127.0.0.1:8765/
  toc serve model.toc.yaml --port 9000
  toc serve model.toc.yaml --port 0               any free port (the address is printed)
  toc serve --edit model.toc.yaml                 the page can change the file: add and edit
                                                  boxes, links and indicators, undo
  toc serve model.toc.yaml --host 0.0.0.0 --allow-host my-laptop.local
                                                  let other machines see it (think first)

Edit and save the file in any editor: the open page redraws itself within a
second. A model saved with errors shows its findings on the page. Only this
computer can see the page unless --host says otherwise. Ctrl+C stops it.

Browsers may ask for the page by an IP address (http://192.168.1.20:8765/),
by localhost, or by a name given with --allow-host; other names are refused,
so that a web page elsewhere cannot read the model by pointing a name of its
own at this computer (DNS rebinding).

With --edit, the page writes each change straight into the file, keeping its
comments and layout; an edit is refused if the file changed on disk since the
page drew it (the page reloads with the newer version). Only this computer can
edit unless --host says otherwise; every edit needs a token the page carries.
Without --edit the server changes nothing.

To share a page instead, write a file: toc render model.toc.yaml -o model.html
"""
DEFAULT_PORT = 8765


def register(commands) -> None:
    parser = commands.add_parser(
        "serve", help="show the interactive page in a browser, redrawn whenever the model is saved",
        description="Serve a model's interactive workshop page on this computer and redraw it on every save.",
        epilog=SERVE_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("model", metavar="MODEL", help="the model file to watch")
    parser.add_argument("--port", metavar="N", type=int, default=DEFAULT_PORT,
                        help=f"port to listen on (default {DEFAULT_PORT}; 0 picks a free one)")
    parser.add_argument("--host", metavar="H", default="127.0.0.1",
                        help="address to listen on (default 127.0.0.1: this computer only; 0.0.0.0: every network)")
    parser.add_argument("--allow-host", metavar="NAME", action="append", default=[],
                        help="a host name browsers may use to reach the page, besides IP addresses and "
                             "localhost (repeatable); other names are refused, against DNS rebinding")
    parser.add_argument("--workshop", action="store_true", help="large type and fewer details, for projecting")
    parser.add_argument("--edit", action="store_true",
                        help="let the page change the model file (add, edit and delete boxes, links and "
                             "indicators; undo); without it nothing is ever written")
    parser.set_defaults(run=run)


def run(args) -> int:
    import os

    from toc.renderers.dot import DiagramOptions
    from toc.renderers.graphviz_backend import INSTALL_HINT, dot_available
    from toc.serving import EditSession, LivePage, PageServer, valid_host_name

    if not os.path.isfile(args.model):
        raise UsageError(f"{args.model}: no such file")
    if not 0 <= args.port <= 65535:
        raise UsageError(f"--port {args.port}: give a port from 1 to 65535 (or 0 for any free one)")
    for name in args.allow_host:
        if not valid_host_name(name):
            raise UsageError(f'--allow-host "{name}": give a host name such as my-laptop.local '
                             "(no port, scheme or wildcard; IP addresses are always allowed)")
    if not dot_available():
        raise UsageError(INSTALL_HINT)
    if args.edit and not os.stat(args.model).st_mode & 0o222:  # (as toc.output sees it, even for root)
        raise UsageError(f"{args.model}: is read-only; make it writable to edit it from the page (or drop --edit)")
    page = LivePage(args.model, DiagramOptions(workshop=args.workshop), EditSession() if args.edit else None)
    try:
        server = PageServer(args.host, args.port, page, allowed_hosts=args.allow_host)
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            raise UsageError(f"port {args.port} on {args.host} is already in use; "
                             "choose another with --port (or --port 0 for any free one)") from None
        raise UsageError(f"cannot listen on {args.host}:{args.port}: {error.strerror or error}") from None
    page.refresh()  # draw once now, so the first browser does not wait and errors show at once
    with server:
        # Ctrl+C at any moment from here stops cleanly. The notes come before the "Serving"
        # line, so whoever waits for that line (a person, a script, a test) has them already.
        try:
            if not server.loopback_only:
                names = ", ".join(args.allow_host) or "none: add them with --allow-host"
                print(f"toc: note: listening on {args.host}: other computers on the network can read this model "
                      f"(by this computer's IP address, or by the allowed names: {names})", file=sys.stderr,
                      flush=True)
                if args.edit:
                    print("toc: note: with --edit, anyone who can open the page can also change the model file",
                          file=sys.stderr, flush=True)
            mode = "editing on: the page writes to the file" if args.edit else "redraws on save"
            print(f"Serving {args.model} at {server.url} ({mode}; Ctrl+C to stop)", flush=True)
            server.serve_forever(poll_interval=0.2)
        except KeyboardInterrupt:
            print("toc: stopped serving", args.model, file=sys.stderr, flush=True)
    return 0
