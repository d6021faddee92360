"""`toc frameworks`: list the shared frameworks toc ships, or show one's nodes."""

from __future__ import annotations

import argparse

from toc.commands.common import UsageError

FRAMEWORKS_EPILOG = """\
examples:
  toc frameworks                 the frameworks a model can name in `uses:`
  toc frameworks eif-rpc         one framework's node ids, for `maps_to:`
  toc frameworks eif-rpc --yaml  the framework model itself

In a model: `uses: [eif-rpc]` at the top, and `maps_to: [eif-rpc:central-risk]`
on the node that stands for a framework node (see docs/format.md).
"""


def register(commands) -> None:
    parser = commands.add_parser(
        "frameworks", help="list the shared frameworks a model can build on (uses:, maps_to:)",
        description="List the reference frameworks toc ships, or show one framework's node ids.",
        epilog=FRAMEWORKS_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("framework", nargs="?", metavar="ID", help="a framework id, e.g. eif-rpc")
    parser.add_argument("--yaml", action="store_true", help="print the framework's model file")
    parser.set_defaults(run=run)


def run(args) -> int:
    from toc.frameworks import framework_ids, framework_text, load_framework
    from toc.suggest import did_you_mean

    if args.framework is None:
        if args.yaml:
            raise UsageError("--yaml needs a framework id, e.g. toc frameworks eif-rpc --yaml")
        for framework_id in framework_ids():
            print(f"{framework_id:<22}{load_framework(framework_id).display_name}")
        return 0
    framework = load_framework(args.framework)
    if framework is None:
        hint = did_you_mean(args.framework, framework_ids())
        raise UsageError(f'no framework "{args.framework}"' + (f"; {hint}" if hint else "")
                         + " (`toc frameworks` lists them)")
    if args.yaml:
        print(framework_text(args.framework), end="")
        return 0
    print(f"{framework.display_name}\n")
    for node_id, node in framework.nodes.items():
        print(f"  {args.framework}:{node_id:<28} {node.kind:<20} {node.label}")
    return 0
