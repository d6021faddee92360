"""Bounds on what one model file may cost to read, so hostile files fail fast.

Each limit can be raised from the environment (``TOC_MAX_FILE_MB``,
``TOC_MAX_NODES``, ``TOC_MAX_ALIAS_EXPANSION``, ``TOC_MAX_CATALOGUE_MB``,
``TOC_MAX_DEPTH``, ``TOC_MAX_ACTUALS_MB``, ``TOC_MAX_ACTUALS_ROWS``) when a
genuinely big model needs it. A value that is not a positive whole number is a
usage error (one line, exit 2), never silently replaced by the default.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from toc.errors import UserError


class InvalidLimit(UserError):
    """A limit variable with an unusable value: the CLI prints it as one line, exit 2."""


@dataclass(frozen=True)
class Limits:
    # 32 MB holds about 50,000 nodes written out in full (benchmarks/generate.py);
    # composing costs about 60 bytes of memory per byte of YAML, so this also caps memory.
    max_file_bytes: int = 32 * 1024 * 1024
    max_nodes: int = 200_000
    # Elements read a second time through YAML aliases (*anchor). Plain files
    # read nothing twice; the cap stops "billion laughs" files.
    max_alias_expansion: int = 100_000
    # Levels of nested lists and mappings. Real models nest fewer than ten. The YAML
    # reader (libyaml) refuses more than 1,000 itself, so this can be lowered, not raised.
    max_depth: int = 1_000
    # All the catalogue files one model names, together. The shipped catalogues are 26 KB;
    # reading catalogues costs about a second per MB, and a small model could name a big
    # file many times (each distinct file is read once).
    max_catalogue_bytes: int = 4 * 1024 * 1024
    # All the actuals files one model names (toc monitor's --actuals too), together. A region's
    # three years of monthly figures, 150 areas x 100 indicators, is about 540,000 rows and 20 MB.
    max_actuals_bytes: int = 64 * 1024 * 1024
    max_actuals_rows: int = 1_000_000

    @classmethod
    def from_environment(cls) -> Limits:
        defaults = cls()
        return cls(
            max_file_bytes=_env_int("TOC_MAX_FILE_MB", defaults.max_file_bytes // (1024 * 1024)) * 1024 * 1024,
            max_nodes=_env_int("TOC_MAX_NODES", defaults.max_nodes),
            max_alias_expansion=_env_int("TOC_MAX_ALIAS_EXPANSION", defaults.max_alias_expansion),
            max_catalogue_bytes=_env_int("TOC_MAX_CATALOGUE_MB", defaults.max_catalogue_bytes // (1024 * 1024))
            * 1024 * 1024,
            max_actuals_bytes=_env_int("TOC_MAX_ACTUALS_MB", defaults.max_actuals_bytes // (1024 * 1024))
            * 1024 * 1024,
            max_actuals_rows=_env_int("TOC_MAX_ACTUALS_ROWS", defaults.max_actuals_rows),
            max_depth=_env_int("TOC_MAX_DEPTH", defaults.max_depth, most=defaults.max_depth,
                               why="the YAML reader refuses deeper nesting itself"),
        )


def _env_int(name: str, default: int, most: int | None = None, why: str = "") -> int:
    value = os.environ.get(name)
    if value is None or not value.strip():
        return default
    text = value.strip().replace("_", "")
    if not (text.isascii() and text.isdigit()) or int(text) == 0:
        raise InvalidLimit(f"{name}={value!r}: give a positive whole number (default {default})")
    if most is not None and int(text) > most:
        raise InvalidLimit(f"{name}={value!r}: can be at most {most:,} ({why}); it can only lower the limit")
    return int(text)
