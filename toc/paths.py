"""Finding model files from the paths given on the command line."""

from __future__ import annotations

import os

from toc.loading import UnreadableInput

MODEL_SUFFIX = ".toc.yaml"
_SKIPPED_DIRECTORIES = {".git", ".hg", ".venv", "venv", "node_modules", "__pycache__", ".tox"}


def model_files(paths: list[str]) -> list[str]:
    """Files as given; directories searched (sorted, recursively) for *.toc.yaml."""
    found: list[str] = []
    for path in paths:
        if os.path.isdir(path):
            inside = sorted(_walk(path))
            if not inside:
                raise UnreadableInput(f"{path}: no *{MODEL_SUFFIX} files in this directory")
            found.extend(inside)
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def _walk(directory: str):
    for root, directories, files in os.walk(directory):
        directories[:] = sorted(d for d in directories if d not in _SKIPPED_DIRECTORIES)
        for name in files:
            path = os.path.join(root, name)
            # FIFOs, devices and broken links inside a tree are skipped, not fatal.
            if name.endswith(MODEL_SUFFIX) and os.path.isfile(path):
                yield path
