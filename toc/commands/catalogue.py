"""`toc catalogue`: the evaluation methods and validated measures a model can name."""

from __future__ import annotations

import argparse
import textwrap

from toc.commands.common import UsageError

CATALOGUE_EPILOG = """\
examples:
  toc catalogue                      every method and measure, by id
  toc catalogue methods              the methods: ids for `methods:` on nodes and questions
  toc catalogue measures             the measures: ids for an indicator's `instrument:`
  toc catalogue contribution-analysis   one entry in full
  toc catalogue cpic --model m.toc.yaml  including the model's own entries and catalogue files

A model adds its own (or replaces one by reusing its id) under `methods:` and
`measures:`, or in catalogue files named under `catalogues:` (docs/format.md).
"""


def register(commands) -> None:
    parser = commands.add_parser(
        "catalogue", help="list the evaluation methods and validated measures a model can name",
        description="List the method and measure catalogues toc ships (and a model's own), or show one entry.",
        epilog=CATALOGUE_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("entry", nargs="?", metavar="KIND|ID",
                        help="`methods`, `measures`, or one method or measure id")
    parser.add_argument("--model", metavar="FILE", help="include this model's own methods, measures and catalogue files")
    parser.set_defaults(run=run)


def run(args) -> int:
    from toc.evaluation.catalogue import catalogue_for, shipped
    from toc.renderers.escape import terminal_text
    from toc.renderers.text_width import display_width, pad
    from toc.suggest import did_you_mean

    catalogue = shipped()
    if args.model:
        from toc.loading import load_file

        loaded = load_file(args.model)
        if loaded.model is None:
            raise UsageError(f"{args.model} does not load; run `toc check {args.model}`")
        catalogue = catalogue_for(loaded.model)
    kinds = {"methods": catalogue.methods, "measures": catalogue.measures}
    if args.entry in (None, *kinds):
        for kind, entries in kinds.items():
            if args.entry in (None, kind):
                print(f"{kind.upper()}")
                # A model's own entries are model text: no control characters reach the terminal,
                # and ids in any script line up (display width, not characters).
                width = max((display_width(terminal_text(entry_id)) for entry_id in entries), default=0)
                for entry_id, entry in entries.items():
                    detail = entry.family if kind == "methods" else entry.respondent
                    print(f"  {pad(terminal_text(entry_id), width)}  "
                          + terminal_text(entry.name + (f" ({detail})" if detail else "")))
                print()
        print("`toc catalogue ID` shows one entry in full.")
        return 0
    entry = catalogue.methods.get(args.entry) or catalogue.measures.get(args.entry)
    if entry is None:
        hint = did_you_mean(args.entry, [*catalogue.methods, *catalogue.measures])
        raise UsageError(f'no method or measure "{args.entry}"' + (f"; {hint}" if hint else "")
                         + " (`toc catalogue` lists them)")
    print(terminal_text(f"{entry.id}: {entry.name}"))
    for name, value in _fields(entry):
        print(textwrap.fill(terminal_text(f"{name}: {value}"), width=88, initial_indent="  ", subsequent_indent="      "))
    return 0


def _fields(entry):
    from dataclasses import fields

    for field in fields(entry):
        if field.name in ("id", "name", "location", "value_locations"):
            continue
        value = getattr(entry, field.name)
        if value in (None, (), ""):
            continue
        yield field.name, ", ".join(value) if isinstance(value, tuple) else value
