"""Shared helpers: check a tiny inline model and look at (code, line, column)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from toc.checker import check_text

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def check(yaml_text: str, path: str = "m.toc.yaml"):
    """Findings for an inline model (dedented), in report order."""
    return check_text(textwrap.dedent(yaml_text), path).findings


def located(yaml_text: str, code: str | None = None) -> list[tuple[str, int, int]]:
    """(code, line, column) of each finding, optionally only one code."""
    return [
        (finding.code, finding.location.line, finding.location.column)
        for finding in check(yaml_text)
        if code is None or finding.code == code
    ]


def only(yaml_text: str, code: str):
    """The findings of one code, for asserting messages and hints."""
    return [finding for finding in check(yaml_text) if finding.code == code]


@pytest.fixture
def examples_dir() -> Path:
    return EXAMPLES
