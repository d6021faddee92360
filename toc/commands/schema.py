"""`toc schema`: print the JSON Schema of the model format."""

from __future__ import annotations

import json

from toc.commands.common import write_and_say


def register(commands) -> None:
    parser = commands.add_parser(
        "schema", help="print the JSON Schema of the model format (for editors)",
        description="Print the JSON Schema (draft-07) of the model format. Point your editor's YAML "
                    "language server at it for completion and inline errors (see the README).",
    )
    parser.add_argument("-o", "--output", metavar="FILE", default="-", help="write to FILE instead of stdout")
    parser.set_defaults(run=run)


def run(args) -> int:
    from toc.json_schema import json_schema
    from toc.rules import RULES

    write_and_say(args, args.output, json.dumps(json_schema(RULES), indent=2) + "\n")
    return 0
