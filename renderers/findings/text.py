"""Findings for people: one line each, as compilers and linters print them, then a hint.

Paths, messages and hints quote ids and labels from the model: they are written
through ``terminal_text``, so a label cannot clear the screen, recolour it or add a
line of its own (a forged "0 errors" summary); only toc's own colours are escape codes.
"""

from __future__ import annotations

from toc.renderers.escape import terminal_text
from toc.renderers.findings.summary import caused_by_text, summary_line

_COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_DIM, _BOLD, _RESET = "\033[2m", "\033[1m", "\033[0m"


def render_text(reports, *, colour: bool = False, hints: bool = True) -> str:
    """``path:line:col: severity CODE name: message`` lines, hints indented, a summary last.

    >>> render_text([])
    '0 errors, 0 warnings, 0 info in 0 files\\n'
    """
    lines = []
    for report in reports:
        for finding in report.findings:
            severity = finding.severity.value
            if colour:
                severity = f"{_COLOURS[severity]}{severity}{_RESET}"
            location = terminal_text(finding.location)
            where = f"{_BOLD}{location}{_RESET}" if colour else location
            lines.append(f"{where}: {severity} {finding.code} {finding.name}: {terminal_text(finding.message)}"
                         f"{caused_by_text(finding)}")
            if not hints:
                continue
            for related in finding.related:
                lines.append(f"    {terminal_text(related.location)}: {terminal_text(related.message)}")
            if finding.hint:
                hint = f"hint: {terminal_text(finding.hint)}"
                lines.append(f"    {_DIM}{hint}{_RESET}" if colour else f"    {hint}")
    lines.append(summary_line(reports))
    return "\n".join(lines) + "\n"
