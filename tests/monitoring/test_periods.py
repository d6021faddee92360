import pytest

from toc.periods import frequency_months, parse_period, why_not_a_period


@pytest.mark.parametrize("text, first, last", [
    ("2025", (2025, 1), (2025, 12)),
    ("2025/26", (2025, 4), (2026, 3)),
    ("1999/00", (1999, 4), (2000, 3)),
    ("2025-Q1", (2025, 1), (2025, 3)),
    ("2025-Q4", (2025, 10), (2025, 12)),
    ("2025-04", (2025, 4), (2025, 4)),
    (" 2025-12 ", (2025, 12), (2025, 12)),
])
def test_each_form_covers_its_months(text, first, last):
    period = parse_period(text)
    assert (divmod(period.first, 12), divmod(period.last, 12)) == ((first[0], first[1] - 1), (last[0], last[1] - 1))
    assert period.text == text.strip()


@pytest.mark.parametrize("text", ["2025-13", "2025-00", "2025-Q0", "2025-Q5", "2025/27", "25", "1899", "2200",
                                  "Q1 2025", "2025-q1", "2025-1", "2025-04-01", "", "April 2025"])
def test_anything_else_is_not_a_period(text):
    assert parse_period(text) is None
    assert why_not_a_period(text) if text.strip() else True


def test_periods_sort_by_when_they_end_then_when_they_start():
    periods = [parse_period(text) for text in ("2025", "2025-Q4", "2025-12", "2025-Q1", "2025/26")]
    assert [p.text for p in sorted(periods)] == ["2025-Q1", "2025", "2025-Q4", "2025-12", "2025/26"]


@pytest.mark.parametrize("words, months", [
    ("monthly", 1), ("Quarterly", 3), ("termly", 4), ("six-monthly", 6), ("half-yearly", 6), ("annually", 12),
    ("yearly", 12), ("pre and post", None), ("3 months after each course", None), ("one-off", None), (None, None),
    ("at each review", None),
])
def test_frequency_words(words, months):
    assert frequency_months(words) == months
