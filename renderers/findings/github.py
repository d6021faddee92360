"""Findings as GitHub Actions workflow commands, shown as annotations on the pull request."""

from __future__ import annotations

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(reports) -> str:
    lines = []
    for report in reports:
        for finding in report.findings:
            location = finding.location
            properties = ",".join(
                [
                    f"file={_escape_property(location.path)}",
                    f"line={location.line}",
                    f"col={location.column}",
                    f"title={_escape_property(f'{finding.code} {finding.name}')}",
                ]
            )
            message = finding.message + (f"\n{finding.hint}" if finding.hint else "")
            lines.append(f"::{_LEVEL[finding.severity.value]} {properties}::{_escape_data(message)}")
    return "".join(line + "\n" for line in lines)
