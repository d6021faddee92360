"""The findings the loader reports while reading a file (TOC0xx).

Declared here, below the rules, so that loading imports no rule: each kind's
documentation is its rule module in toc/rules/ (yaml_syntax.py for TOC001 ...),
which imports the kind from here.
"""

from __future__ import annotations

from toc.findings import FindingKind, Severity

YAML_SYNTAX = FindingKind("TOC001", "yaml-syntax", Severity.ERROR)
DUPLICATE_KEY = FindingKind("TOC002", "duplicate-key", Severity.ERROR)
UNKNOWN_FIELD = FindingKind("TOC003", "unknown-field", Severity.ERROR)
INVALID_VALUE = FindingKind("TOC004", "invalid-value", Severity.ERROR)
MISSING_FIELD = FindingKind("TOC005", "missing-field", Severity.ERROR)
LIMIT_EXCEEDED = FindingKind("TOC006", "limit-exceeded", Severity.ERROR)

# Actuals files (the monitoring data a model names): their rows, located as file.csv:ROW:COLUMN.
ACTUALS_FILE = FindingKind("TOC800", "unreadable-actuals", Severity.ERROR)
UNKNOWN_INDICATOR = FindingKind("TOC801", "unknown-indicator", Severity.ERROR)
NOT_A_NUMBER = FindingKind("TOC802", "value-not-a-number", Severity.ERROR)
DUPLICATE_ACTUAL = FindingKind("TOC803", "duplicate-actual", Severity.ERROR)
BAD_PERIOD = FindingKind("TOC804", "bad-period", Severity.ERROR)
MISSING_ACTUALS = FindingKind("TOC807", "missing-actuals", Severity.WARNING)
