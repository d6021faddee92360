"""The one kind of error a user must fix: an unusable argument, path, setting or tool.

Every such error derives from ``UserError``; the CLI prints it as one line,
``toc: error: ...``, and exits 2. Anything else that escapes a command is a bug
in toc, reported as an internal error. (Problems inside a model file are never
errors: they are findings, with a file, line and column.)
"""

from __future__ import annotations


class UserError(Exception):
    """Something the user can act on, said in one line."""
