"""Findings: what a rule or the loader reports, with where and how to fix it."""

from __future__ import annotations

import enum
import operator
from dataclasses import dataclass
from typing import NamedTuple

from toc.model import Location


class Severity(enum.StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 2, "warning": 1, "info": 0}[self.value]


class Related(NamedTuple):
    """A second place that belongs to a finding (e.g. each link of a cycle)."""

    location: Location
    message: str


class Cause(NamedTuple):
    """The finding another one follows from: fix it and the other goes too (e.g. a dead end
    caused by a misspelt `leads_too`)."""

    code: str
    location: Location


class Finding(NamedTuple):
    """One problem found, where it is, and how to fix it.

    A named tuple, like ``Location``: a big model gets a finding per node or so,
    and a tuple is the cheapest immutable record to make, sort and compare.
    """

    code: str
    name: str
    severity: Severity
    message: str
    location: Location
    node: str | None = None  # the node the finding is about, for per-node ignore
    hint: str | None = None
    related: tuple[Related, ...] = ()
    # What the finding is about when that is not a node (e.g. "pathway-level:targeted"): the
    # checker drops a finding superseded by another rule's shown finding on the same subject.
    subject: str | None = None
    # What the problem leaves out of the model, as facts such as "links-from:training" (its
    # links are not read) or "links-to:trained" (a link meant to reach it does not): a finding
    # of a rule that rests on one of them (Rule.rests_on) is caused by this one.
    affects: tuple[str, ...] = ()
    # Set by the checker: the shown finding this one follows from; it is listed after it.
    caused_by: Cause | None = None

    @property
    def about(self) -> str | None:
        """The node or other thing the finding is about (for supersession)."""
        return self.subject or self.node

    def with_severity(self, severity: Severity) -> Finding:
        return self._replace(severity=severity)


@dataclass(frozen=True)
class FindingKind:
    """What a finding is: its stable code and name, and the severity it is reported at.

    Rules (toc.rules) are finding kinds with documentation and, for graph rules, a
    check; the loader's kinds (toc.loading.finding_kinds) are declared below the rules
    so that loading never imports them. Only the checker's configuration changes a
    finding's severity afterwards.
    """

    code: str
    name: str
    severity: Severity

    def finding(self, message: str, location: Location, *, node: str | None = None, hint: str | None = None,
                related: tuple[Related, ...] = (), subject: str | None = None,
                affects: tuple[str, ...] = ()) -> Finding:
        return Finding(self.code, self.name, self.severity, message, location, node, hint, related, subject, affects)


# The order of findings in every report: by place (a Location sorts by path, line, column), then
# code and message. An itemgetter, so that sorting a finding per node costs no Python call each.
REPORT_ORDER = operator.itemgetter(*(Finding._fields.index(name) for name in ("location", "code", "message")))
