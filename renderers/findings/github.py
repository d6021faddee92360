"""Findings as GitHub Actions workflow commands, shown as annotations on the pull request.

A workflow command is one line of the job's log: model text (paths, messages,
hints) must not end it and start a command of its own, nor colour the log, nor
break the annotation into lines that look like toc's own. So model text goes
through ``terminal_text`` (its newlines and ESC shown as escapes); the command's
own encoding then only carries toc's line break between message and hint (%0A).
"""

from __future__ import annotations

from toc.renderers.escape import terminal_text
from toc.renderers.findings.summary import caused_by_text

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
                    f"file={_escape_property(terminal_text(location.path))}",
                    f"line={location.line}",
                    f"col={location.column}",
                    f"title={_escape_property(f'{finding.code} {finding.name}')}",
                ]
            )
            message = terminal_text(finding.message) + caused_by_text(finding) \
                + (f"\n{terminal_text(finding.hint)}" if finding.hint else "")
            lines.append(f"::{_LEVEL[finding.severity.value]} {properties}::{_escape_data(message)}")
    return "".join(line + "\n" for line in lines)
