"""`toc init`: start a new model from a commented template."""

from __future__ import annotations

import argparse
import os

from toc.commands.common import UsageError

TEMPLATES = {
    "blank": "one chain from need to impact, every field explained",
    "rpc-local-area": "a local area's RPC theory aligned with the EIF RPC outcomes framework",
    "training-programme": "a practitioner training programme along Kirkpatrick's four levels",
    "regional": "several areas' shared theory: one dataset, training, interventions, pooled evaluation",
}

INIT_EPILOG = """\
examples:
  toc init our-area.toc.yaml                              the blank template
  toc init --template rpc-local-area sefton.toc.yaml      aligned with the EIF framework
  toc init --template training-programme training.toc.yaml
  toc init --list                                         the templates

templates:
""" + "".join(f"  {name:<20}{about}\n" for name, about in TEMPLATES.items()) + """
Every template passes `toc check` (info findings only) and is full of comments
saying what to replace. toc init never overwrites an existing file.
"""


def register(commands) -> None:
    parser = commands.add_parser(
        "init", help="start a new model from a commented template",
        description="Write a starter model, full of explanatory comments, to FILE.",
        epilog=INIT_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", nargs="?", metavar="FILE", help="the new model file, e.g. our-area.toc.yaml")
    parser.add_argument("-t", "--template", default="blank", metavar="NAME",
                        help="blank (default), rpc-local-area, training-programme or regional")
    parser.add_argument("--list", action="store_true", help="list the templates and exit")
    parser.set_defaults(run=run)


def template_text(name: str) -> str:
    from importlib import resources

    return (resources.files("toc.models") / "templates" / f"{name}.toc.yaml").read_text(encoding="utf-8")


def run(args) -> int:
    from toc.commands.common import wrote
    from toc.output import write_output
    from toc.suggest import did_you_mean

    if args.list:
        for name, about in TEMPLATES.items():
            print(f"{name:<20}{about}")
        return 0
    if args.template not in TEMPLATES:
        hint = did_you_mean(args.template, TEMPLATES)
        raise UsageError(f'no template "{args.template}"' + (f"; {hint}" if hint else "")
                         + " (templates: " + ", ".join(TEMPLATES) + ")")
    if not args.file:
        raise UsageError("give the new model's file name, e.g. toc init our-area.toc.yaml")
    if args.file == "-":  # the template alone on standard output, for editors and pipes
        write_output("-", template_text(args.template))
        return 0
    if os.path.lexists(args.file):
        raise UsageError(f"{args.file}: already exists; toc init never overwrites a file")
    # new_only: a file created meanwhile (by another program) is still never overwritten.
    write_output(args.file, template_text(args.template), new_only=True)
    suffix = "" if args.file.endswith((".toc.yaml", ".toc.yml")) else " (name it *.toc.yaml so `toc check DIR` finds it)"
    wrote(args, args.file, f"from the {args.template} template{suffix}; next: toc check {args.file}")
    return 0
