"""One module per `toc` command. Each has ``register(commands)``, which adds its
subparser and sets ``run``, and ``run(args) -> exit code``.

Command modules import heavy libraries (Graphviz, python-docx, openpyxl) inside
``run``, so that `toc check` never pays for them.
"""

from toc.commands import (
    check,
    compare,
    diff,
    fmt,
    frameworks,
    init,
    needs,
    pathway,
    render,
    rules,
    schema,
    serve,
    spec,
)

# The order `toc --help` lists them in: the daily loop, then planning, then many models.
COMMANDS = (init, check, fmt, rules, render, serve, spec, pathway, needs, diff, compare, frameworks, schema)
