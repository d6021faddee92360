"""Findings: what a rule or the loader reports, with where and how to fix it."""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace

from toc.model import Location


class Severity(enum.StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 2, "warning": 1, "info": 0}[self.value]


@dataclass(frozen=True, slots=True)
class Related:
    """A second place that belongs to a finding (e.g. each link of a cycle)."""

    location: Location
    message: str


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    name: str
    severity: Severity
    message: str
    location: Location
    node: str | None = None  # the node the finding is about, for per-node ignore
    hint: str | None = None
    related: tuple[Related, ...] = ()

    def with_severity(self, severity: Severity) -> Finding:
        return replace(self, severity=severity)

    def sort_key(self):
        return (self.location.path, self.location.line, self.location.column, self.code, self.message)
