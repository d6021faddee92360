"""One module per `toc` command. Each has ``register(commands)``, which adds its
subparser and sets ``run``, and ``run(args) -> exit code``.

Command modules import heavy libraries (Graphviz, python-docx, openpyxl) inside
``run``, so that `toc check` never pays for them.
"""

from toc.commands import check, render, rules, schema
from toc.commands import compare, diff, fmt, frameworks, init

# The order `toc --help` lists them in.
COMMANDS = (check, rules, render, schema)
COMMANDS += (init, fmt, diff, compare, frameworks)
