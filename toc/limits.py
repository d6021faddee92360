"""Bounds on what one model file may cost to read, so hostile files fail fast.

Each limit can be raised from the command line (``toc check --max-file-mb``...)
or the environment (``TOC_MAX_FILE_MB``, ``TOC_MAX_NODES``,
``TOC_MAX_ALIAS_EXPANSION``) when a genuinely big model needs it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 64 * 1024 * 1024
    max_nodes: int = 200_000
    # Elements read a second time through YAML aliases (*anchor). Plain files
    # read nothing twice; the cap stops "billion laughs" files.
    max_alias_expansion: int = 100_000

    @classmethod
    def from_environment(cls) -> Limits:
        defaults = cls()
        return cls(
            max_file_bytes=_env_int("TOC_MAX_FILE_MB", defaults.max_file_bytes // (1024 * 1024)) * 1024 * 1024,
            max_nodes=_env_int("TOC_MAX_NODES", defaults.max_nodes),
            max_alias_expansion=_env_int("TOC_MAX_ALIAS_EXPANSION", defaults.max_alias_expansion),
        )


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value.isdigit() else default
