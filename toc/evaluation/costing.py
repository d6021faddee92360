"""The proposed design priced from the catalogue's cost bands, beside the budget the model states.

Each method in the plan is priced once (a parent survey covering three outcomes
is one survey) at its cost band's range. The ranges are indicative figures for
an externally commissioned component of a local evaluation in England, excluding
VAT: an assumption to replace with bidders' prices, not a quote or a published
rate. Inception, project management and reporting come on top and are left for
the commissioner to estimate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from toc.evaluation.catalogue import Catalogue
from toc.evaluation.plan import EvaluationPlan

# Indicative cost of one method, by its catalogue `cost:` band, in pounds (low, high).
COST_BANDS: dict[str, tuple[int, int]] = {
    "low": (3_000, 10_000),
    "medium": (10_000, 35_000),
    "high": (40_000, 150_000),
}
BANDS_SOURCE = ("indicative ranges for one externally commissioned component of a local evaluation, excluding "
                "VAT; toc's assumption, not a quote: replace them with bidders' prices")

_AMOUNT = re.compile(r"£\s*(\d[\d,]*(?:\.\d+)?)\s*(k\b|m\b|million\b|thousand\b)?", re.I)
_MULTIPLIER = {"k": 1_000, "thousand": 1_000, "m": 1_000_000, "million": 1_000_000}


@dataclass(frozen=True)
class PricedMethod:
    id: str
    name: str
    band: str | None  # None: the catalogue gives no band
    low: int | None
    high: int | None


@dataclass(frozen=True)
class Pricing:
    methods: tuple[PricedMethod, ...]
    stated: int | None  # the budget the model states, in pounds, if it names an amount

    @property
    def low(self) -> int:
        return sum(m.low or 0 for m in self.methods)

    @property
    def high(self) -> int:
        return sum(m.high or 0 for m in self.methods)

    @property
    def unpriced(self) -> tuple[PricedMethod, ...]:
        return tuple(m for m in self.methods if m.band is None)

    @property
    def verdict(self) -> str:
        """The stated budget beside the design's range, in a sentence."""
        if self.stated is None:
            return "no amount is stated, so the design cannot be compared with it"
        if self.stated < self.low:
            return (f"the stated £{self.stated:,} is below the lower end of the design's indicative cost: scale "
                    "the design back (the high-cost methods first) or raise the budget")
        if self.stated < self.high:
            return (f"the stated £{self.stated:,} is within the design's indicative range: expect to scale some "
                    "methods back, and leave room for inception, management and reporting")
        return f"the stated £{self.stated:,} covers the upper end of the design's indicative cost"


def stated_amount(budget: str | None) -> int | None:
    """The largest amount in pounds a budget text names ("£40,000", "£40k", "£1.2 million"), else None."""
    amounts = []
    for number, unit in _AMOUNT.findall(budget or ""):
        value = float(number.replace(",", "")) * _MULTIPLIER.get(unit.lower(), 1)
        amounts.append(int(value))
    return max(amounts) if amounts else None


def price_plan(plan: EvaluationPlan, catalogue: Catalogue, budget: str | None) -> Pricing:
    """Every method the plan uses, priced once from its cost band."""
    priced = []
    for method_id in plan.methods_used:
        method = catalogue.methods[method_id]
        band = method.cost if method.cost in COST_BANDS else None
        low, high = COST_BANDS[band] if band else (None, None)
        priced.append(PricedMethod(method_id, method.name or method_id, band, low, high))
    return Pricing(tuple(priced), stated_amount(budget))
