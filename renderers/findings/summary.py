"""Counting findings by severity, shared by the renderers."""

from __future__ import annotations

from collections import Counter

from toc.findings import Severity


def counts(reports) -> dict[str, int]:
    tally = Counter(finding.severity for report in reports for finding in report.findings)
    return {severity.value: tally.get(severity, 0) for severity in Severity}


def summary_line(reports) -> str:
    tally = counts(reports)
    files = len(reports)
    parts = [
        _plural(tally["error"], "error"),
        _plural(tally["warning"], "warning"),
        f"{tally['info']} info",
    ]
    line = f"{', '.join(parts)} in {_plural(files, 'file')}"
    partial = sum(1 for report in reports if getattr(report, "partial", False))
    if partial:
        line += (f"; checking was partial: a syntax error stopped part of {_plural(partial, 'file')} "
                 "from being read, and the rules that need the whole model did not run on it")
    return line


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def caused_by_text(finding) -> str:
    """" (caused by TOC003 at line 21)" for a finding that follows from another, else ""."""
    cause = finding.caused_by
    return f" (caused by {cause.code} at line {cause.location.line})" if cause is not None else ""
