"""Findings as SARIF 2.1.0, the format code-scanning services (GitHub, Azure DevOps) read."""

from __future__ import annotations

import json
from pathlib import PurePath
from urllib.parse import quote

import toc
from toc.renderers.findings.summary import caused_by_text
from toc.rules import RULES

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> str:
    """A valid URI reference (RFC 3986) for a path: relative paths percent-encoded (spaces,
    ``#``, ``%``...), absolute ones as ``file://`` URIs, as SARIF validators require."""
    pure = PurePath(path)
    if pure.is_absolute():
        return pure.as_uri()
    return quote(pure.as_posix(), safe="/")


def _location(location, message: str | None = None) -> dict:
    record = {
        "physicalLocation": {
            "artifactLocation": {"uri": _uri(location.path)},
            "region": {"startLine": location.line, "startColumn": location.column},
        }
    }
    if message is not None:
        record["message"] = {"text": message}
    return record


def render_sarif(reports) -> str:
    rules = list(RULES.values())
    index = {rule.code: position for position, rule in enumerate(rules)}
    results = []
    for report in reports:
        for finding in report.findings:
            result = {
                "ruleId": finding.code,
                "ruleIndex": index[finding.code],
                "level": _LEVEL[finding.severity.value],
                "message": {"text": finding.message + caused_by_text(finding)
                            + (f" ({finding.hint})" if finding.hint else "")},
                "locations": [_location(finding.location)],
            }
            related = list(finding.related)
            if finding.caused_by is not None:  # the finding it follows from, as one more related place
                related.append((finding.caused_by.location, f"caused by {finding.caused_by.code}: fix that first"))
            if related:
                result["relatedLocations"] = [
                    {"id": number, **_location(location, message)}
                    for number, (location, message) in enumerate(related)
                ]
            results.append(result)
    document = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "toc",
                        "version": toc.__version__,
                        "rules": [
                            {
                                "id": rule.code,
                                "name": rule.name,
                                "shortDescription": {"text": rule.summary},
                                "fullDescription": {"text": rule.doc.split("\n## ")[0].strip()},
                                "help": {"text": rule.doc, "markdown": rule.doc},
                                "defaultConfiguration": {"level": _LEVEL[rule.severity.value]},
                            }
                            for rule in rules
                        ],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
