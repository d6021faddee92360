"""Findings as JSON: a stable, documented shape for tools (docs/json-output.md)."""

from __future__ import annotations

import json

from toc.renderers.findings.summary import counts

SCHEMA_ID = "toc-findings/1"


def finding_record(finding) -> dict:
    location = finding.location
    return {
        "code": finding.code,
        "name": finding.name,
        "severity": finding.severity.value,
        "message": finding.message,
        "path": location.path,
        "line": location.line,
        "column": location.column,
        "node": finding.node,
        "hint": finding.hint,
        "related": [
            {"path": r.location.path, "line": r.location.line, "column": r.location.column, "message": r.message}
            for r in finding.related
        ],
        "caused_by": None if finding.caused_by is None else {
            "code": finding.caused_by.code, "path": finding.caused_by.location.path,
            "line": finding.caused_by.location.line, "column": finding.caused_by.location.column},
    }


def render_json(reports) -> str:
    document = {
        "schema": SCHEMA_ID,
        "files": [
            {"path": report.path, "loaded": report.model is not None, "findings": len(report.findings),
             "partial": report.partial}
            for report in reports
        ],
        "findings": [finding_record(finding) for report in reports for finding in report.findings],
        "summary": {"files": len(reports), **counts(reports)},
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
