"""Findings as text for people, JSON for tools, GitHub annotations and SARIF for code scanning.

Each renderer is a pure function from file reports to a string.
"""

from toc.renderers.findings.github import render_github
from toc.renderers.findings.json import render_json
from toc.renderers.findings.sarif import render_sarif
from toc.renderers.findings.text import render_text

FORMATS = {
    "text": render_text,
    "json": render_json,
    "github": render_github,
    "sarif": render_sarif,
}

__all__ = ["FORMATS", "render_text", "render_json", "render_github", "render_sarif"]
