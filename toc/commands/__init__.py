"""One module per `toc` command. Each has ``register(commands)``, which adds its
subparser and sets ``run``, and ``run(args) -> exit code``.

Only the command being run is imported (``load``), and command modules import
heavy libraries (Graphviz, python-docx, openpyxl) inside ``run``, so that
`toc check` pays for nothing else.
"""

from __future__ import annotations

import importlib
import keyword
from types import ModuleType

# The order `toc --help` lists them in: the daily loop, then planning, then many models.
COMMAND_NAMES = ("init", "check", "fmt", "rules", "render", "serve", "spec", "monitor", "catalogue", "pathway",
                 "needs", "diff", "compare", "frameworks", "schema", "import", "export", "completion")


def load(name: str) -> ModuleType:
    # `import` is a Python keyword, so its module is import_.py.
    return importlib.import_module(f"toc.commands.{name}_" if keyword.iskeyword(name) else f"toc.commands.{name}")
