"""Finding model files from the paths given on the command line.

A file named on the command line is always used. A directory is searched, sorted and
recursively, for ``*.toc.yaml`` and ``*.toc.yml``, leaving out:

* folders no one keeps models in (``.git``, ``.venv``, ``node_modules``...);
* what git ignores (``.gitignore``, ``.git/info/exclude``, the global excludes file),
  asked of git itself (``git check-ignore``) when the directory is in a git work tree,
  as ruff and other linters do; outside a repository there is nothing to ignore;
* the project configuration files ``.toc.yaml`` / ``.toc.yml`` (toc/project_config.py),
  which end like a model's name but are not models;
* what the project configuration's ``exclude`` patterns name (gitignore-style).

A directory with no models is not an error: a warning, and nothing to do (ruff's rule),
so a pre-commit hook or CI step on a folder not yet holding models passes.
"""

from __future__ import annotations

import os
import subprocess
import sys

MODEL_SUFFIXES = (".toc.yaml", ".toc.yml")
MODEL_SUFFIX = MODEL_SUFFIXES[0]  # the one new files are given (toc init)
CONFIG_FILE_NAMES = frozenset({".toc.yaml", ".toc.yml"})
_SKIPPED_DIRECTORIES = {".git", ".hg", ".venv", "venv", "node_modules", "__pycache__", ".tox"}


def is_model_name(name: str) -> bool:
    return name.endswith(MODEL_SUFFIXES) and name not in CONFIG_FILE_NAMES


def model_files(paths: list[str], *, quiet: bool = False, excluded=None) -> list[str]:
    """Files as given; directories searched for models (see the module's docstring).

    ``excluded(path)``, when given, says whether the project configuration excludes a file
    found by searching a directory (files named on the command line are always used)."""
    found: list[str] = []
    for path in paths:
        if os.path.isdir(path):
            inside = sorted(_walk(path, excluded))
            if not inside and not quiet:
                from toc.renderers.escape import terminal_text

                print(f"toc: warning: {terminal_text(path)}: no *.toc.yaml or *.toc.yml files in this directory "
                      "(git-ignored ones are not searched); nothing to do", file=sys.stderr)
            found.extend(inside)
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def _walk(directory: str, excluded):
    candidates = []
    for root, directories, files in os.walk(directory):
        directories[:] = sorted(d for d in directories if d not in _SKIPPED_DIRECTORIES)
        for name in files:
            path = os.path.join(root, name)
            # FIFOs, devices and broken links inside a tree are skipped, not fatal.
            if is_model_name(name) and os.path.isfile(path):
                candidates.append(path)
    if excluded is not None:
        candidates = [path for path in candidates if not excluded(path)]
    ignored = git_ignored(directory, candidates)
    return [path for path in candidates if path not in ignored]


def git_ignored(directory: str, paths: list[str]) -> set[str]:
    """Those of ``paths`` (all under ``directory``) that git ignores, in one `git check-ignore`.

    None outside a git work tree or without git, and none when ``directory`` is itself
    ignored: a folder named on the command line is searched because someone asked for it
    (as ruff does). Paths go to git absolute, so any folder of the work tree may be asked."""
    if not paths:
        return set()
    top = os.path.abspath(directory)
    absolute = {os.path.abspath(path): path for path in paths}
    try:
        answer = subprocess.run(
            ["git", "check-ignore", "--stdin", "-z"], cwd=directory, capture_output=True, check=False,
            input=b"".join(os.fsencode(name) + b"\0" for name in (top, *absolute)),
            env={**os.environ, "GIT_OPTIONAL_LOCKS": "0"},
        )
    except OSError:  # git is not installed (or cannot run): nothing is ignored
        return set()
    if answer.returncode not in (0, 1):  # 128: not a work tree (or git failed): nothing is ignored
        return set()
    named = {os.fsdecode(name) for name in answer.stdout.split(b"\0") if name}
    if top in named:
        return set()
    return {absolute[name] for name in named if name in absolute}
