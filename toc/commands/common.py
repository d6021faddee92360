"""What every command shares: the usage error and the parsing of rule codes."""

from __future__ import annotations

from toc.suggest import did_you_mean


class UsageError(Exception):
    """An unusable argument or path: printed as one line, exit 2."""


def rule_codes(values: list[str]) -> tuple[str, ...]:
    """Codes, prefixes or rule names from repeatable comma-separated options, checked."""
    from toc.rules import RULES, RULES_BY_NAME

    codes = []
    for value in values:
        for part in filter(None, (part.strip() for part in value.split(","))):
            code = RULES_BY_NAME[part.lower()].code if part.lower() in RULES_BY_NAME else part.upper()
            if not any(known.startswith(code) for known in RULES):
                hint = did_you_mean(code, RULES)
                raise UsageError(f'unknown rule code "{code}"' + (f"; {hint}" if hint else ""))
            codes.append(code)
    return tuple(codes)
