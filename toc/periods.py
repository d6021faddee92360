"""Periods of time as monitoring data names them: years, financial years, quarters, months.

    2025       the calendar year 2025 (January to December)
    2025/26    the financial year April 2025 to March 2026
    2025-Q1    a calendar quarter: Q1 is January to March, Q4 October to December
    2025-04    a month (April 2025)

A period is the run of months it covers, counted from year 0 (``year * 12 +
month - 1``), so periods of different lengths compare on one line: a quarterly
outcome and a monthly output can be set side by side by when each period ends.
The loader (the `monitoring:` section, trajectories, actuals files) and the
monitoring analysis read periods through this one module.
"""

from __future__ import annotations

import re
from typing import NamedTuple

# Years a plan can name: wide enough for any real plan, narrow enough that 0, 1_000 or 017 (an
# octal 15 in YAML 1.1) are refused alike by the loader and the JSON Schema.
FIRST_YEAR, LAST_YEAR = 1900, 2199
# The forms, for the JSON Schema (a financial year's second part is checked by the loader only).
PERIOD_PATTERN = r"^[0-9]{4}(/[0-9]{2}|-Q[1-4]|-(0[1-9]|1[0-2]))?$"
FORMS = "a year (2025), a financial year (2025/26), a quarter (2025-Q1) or a month (2025-04)"

_FORM = re.compile(r"([0-9]{4})(?:/([0-9]{2})|-Q([1-4])|-([0-9]{2}))?")


class Period(NamedTuple):
    """Months ``first`` to ``last`` (inclusive, counted from year 0), written as ``text``.

    Sorted by when it ends, then by when it starts: a year sorts after its last quarter.
    """

    last: int
    first: int
    text: str

    @property
    def months(self) -> int:
        return self.last - self.first + 1

    def __str__(self) -> str:
        return self.text


def parse_period(text: str) -> Period | None:
    """The period ``text`` names, or None when it is in none of the forms.

    >>> parse_period("2025/26")
    Period(last=24314, first=24303, text='2025/26')
    >>> parse_period("2025-Q2").months, parse_period("2025-13")
    (3, None)
    """
    match = _FORM.fullmatch(text.strip()) if isinstance(text, str) else None
    if match is None:
        return None
    year_text, next_year, quarter, month = match.groups()
    year = int(year_text)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return None
    base = year * 12
    if next_year is not None:
        if int(next_year) != (year + 1) % 100:
            return None
        return Period(base + 14, base + 3, text.strip())  # April to the next March
    if quarter is not None:
        first = base + (int(quarter) - 1) * 3
        return Period(first + 2, first, text.strip())
    if month is not None:
        if not 1 <= int(month) <= 12:
            return None
        return Period(base + int(month) - 1, base + int(month) - 1, text.strip())
    return Period(base + 11, base, text.strip())


def why_not_a_period(text: str) -> str:
    """Why ``text`` (which parse_period refused) is not a period, for a finding's message."""
    match = _FORM.fullmatch(text.strip())
    if match is None:
        return f'"{text}" is not a period: write {FORMS}'
    year_text, next_year, _, month = match.groups()
    if not FIRST_YEAR <= int(year_text) <= LAST_YEAR:
        return f'"{text}": the year is outside {FIRST_YEAR}-{LAST_YEAR}'
    if next_year is not None:
        return f'"{text}" is not a financial year: the second part is the next year ({year_text}/' \
               f'{(int(year_text) + 1) % 100:02d})'
    return f'"{text}": there is no month {month}'


# How many months apart an indicator's values should come, from the words of its `frequency:`.
# (in this order: "six-monthly" is not monthly, "half-yearly" not yearly)
_FREQUENCY_MONTHS = (
    (re.compile(r"six[- ]monthly|half[- ]year|\bbiannual|twice a year"), 6),
    (re.compile(r"\bmonthly|\bevery month|\bmonth\b"), 1),
    (re.compile(r"\bquarter"), 3),
    (re.compile(r"\btermly|\bterm\b"), 4),
    (re.compile(r"\bannual|\byearly|\bevery year|\bonce a year|\byear\b"), 12),
)


def frequency_months(frequency: str | None) -> int | None:
    """Months between values for a `frequency:` such as "monthly" or "quarterly"; None when the
    words give no regular interval ("pre and post", "one-off", "at each review").

    >>> frequency_months("Quarterly"), frequency_months("six-monthly"), frequency_months("pre/post")
    (3, 6, None)
    """
    if not frequency:
        return None
    words = frequency.casefold()
    for pattern, months in _FREQUENCY_MONTHS:
        if pattern.search(words):
            return months
    return None
