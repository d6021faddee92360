"""Sample size, minimum detectable effect and a verdict for each quantified indicator.

Closed-form normal approximations, standard library only (``statistics.NormalDist``),
for equal arms and a two-sided test:

- two proportions: n per arm = (z(1-a/2) + z(1-b))^2 (p1(1-p1) + p2(1-p2)) / (p1 - p2)^2
- two means: n per arm = 2 (z(1-a/2) + z(1-b))^2 sd^2 / delta^2
- one group measured before and after (paired): n = (z(1-a/2) + z(1-b))^2 sd_diff^2 / delta^2
- clustered delivery multiplies n by the design effect 1 + (m - 1) ICC

The minimum detectable effect (MDE) inverts each formula for a given n. These are
the textbook formulas (e.g. Gelman, Hill & Vehtari, *Regression and Other Stories*,
2020, ch. 16: "2.8 standard errors" for 80% power at 5%); they slightly understate
n for very small samples, where the t distribution applies.

``assess_indicator`` turns an indicator into a verdict: detectable, not detectable,
or cannot tell (with what is missing). The verdict asks whether a comparison of
the people the programme reaches with an equal comparison group could show the
target change: the question an impact claim has to answer.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from statistics import NormalDist

from toc.evaluation.reading import subject
from toc.model import Indicator, Model, Node, NodeType, Question

_NORMAL = NormalDist()

# Follow-up response, as a share of the people an indicator can be measured on, by the months after
# the intervention the target is measured at (0 = straight after). DWP research report 1039 (Brewin &
# Garlick, August 2023, "Reducing Parental Conflict Programme 2018-2022: an evaluation of the effects
# of interventions on parental relationships and children", summary on gov.uk): 4,802 parents started
# an intervention, 2,694 completed it, 878 answered the survey 6 months after completing and 374 the
# one 12 months after. Completion stands in for the response straight after (the report's post-survey
# count was not checked): override these with what your own service achieves.
DWP_RPC_STARTED, DWP_RPC_COMPLETED, DWP_RPC_6_MONTHS, DWP_RPC_12_MONTHS = 4802, 2694, 878, 374
RESPONSE_SOURCE = ("DWP research report 1039 (2023): of 4,802 parents who started an RPC intervention, "
                   "2,694 completed, 878 answered at 6 months and 374 at 12 months; completion stands in for "
                   "the response at the end")


@dataclass(frozen=True)
class PowerSettings:
    """What every verdict assumes; the defaults are the conventional 5% two-sided and 80% power."""

    alpha: float = 0.05
    power: float = 0.80
    # Share responding, by months after the intervention (0 = at the end); see RESPONSE_SOURCE.
    response: tuple[tuple[int, float], ...] = (
        (0, DWP_RPC_COMPLETED / DWP_RPC_STARTED),
        (6, DWP_RPC_6_MONTHS / DWP_RPC_COMPLETED),
        (12, DWP_RPC_12_MONTHS / DWP_RPC_COMPLETED),
    )
    response_source: str = RESPONSE_SOURCE
    response_cited_as: str = "DWP research report 1039's counts"  # in each verdict's assumptions


@dataclass(frozen=True)
class StandardDeviation:
    sd: float
    source: str


# Default standard deviations for catalogue measures' total scores, where a published norm gives
# one. Each is an assumption to check against the people you serve (referred families vary more
# than community samples): give `sd:` on the indicator to override.
DEFAULT_SD = {
    "sdq": StandardDeviation(6.5, "SDQ total difficulties: SD about 6-7 in community samples (British "
                                  "norms, Meltzer et al. 2000, sdqinfo.org); 6.5 assumed"),
    "wemwbs": StandardDeviation(8.8, "WEMWBS: SD 8.79 in the Scottish population sample of Tennant et al. "
                                     "2007 (Health and Quality of Life Outcomes 5:63)"),
}


# ------------------------------------------------------------------ formulas
def z_sum(alpha: float = 0.05, power: float = 0.80) -> float:
    """z(1-alpha/2) + z(power): 2.80 at 5% two-sided and 80% power."""
    return _NORMAL.inv_cdf(1 - alpha / 2) + _NORMAL.inv_cdf(power)


def n_two_proportions(p1: float, p2: float, alpha: float = 0.05, power: float = 0.80) -> int:
    """People per arm to tell proportion p1 from p2 (12% -> 9% at 80%/5%: 1,636)."""
    if p1 == p2:
        raise ValueError("the two proportions are equal: no sample can tell them apart")
    n = z_sum(alpha, power) ** 2 * (p1 * (1 - p1) + p2 * (1 - p2)) / (p1 - p2) ** 2
    return math.ceil(n)


def n_two_means(delta: float, sd: float, alpha: float = 0.05, power: float = 0.80) -> int:
    """People per arm to detect a difference ``delta`` in means with standard deviation ``sd``."""
    if delta == 0:
        raise ValueError("a difference of zero cannot be detected")
    return math.ceil(2 * z_sum(alpha, power) ** 2 * sd ** 2 / delta ** 2)


def n_paired(delta: float, sd_diff: float, alpha: float = 0.05, power: float = 0.80) -> int:
    """People measured before and after to detect a mean change ``delta``; ``sd_diff`` is the SD of
    the individual changes (equal to the score's SD when before and after correlate at 0.5)."""
    if delta == 0:
        raise ValueError("a change of zero cannot be detected")
    return math.ceil(z_sum(alpha, power) ** 2 * sd_diff ** 2 / delta ** 2)


def design_effect(cluster_size: float, icc: float) -> float:
    """How much clustering (families within groups or practitioners) multiplies n: 1 + (m - 1) ICC."""
    return 1 + (cluster_size - 1) * icc


def mde_two_means(sd: float, n: int, alpha: float = 0.05, power: float = 0.80) -> float:
    """The smallest difference in means n per arm can detect."""
    return z_sum(alpha, power) * sd * math.sqrt(2 / n)


def mde_paired(sd_diff: float, n: int, alpha: float = 0.05, power: float = 0.80) -> float:
    return z_sum(alpha, power) * sd_diff / math.sqrt(n)


def mde_two_proportions(p1: float, n: int, alpha: float = 0.05, power: float = 0.80,
                        decrease: bool = True) -> float:
    """The smallest change from p1 (down, or up) that n per arm can detect.

    Solves the two-proportion formula for d = |p1 - p2| exactly: with K = z_sum^2 and
    p2 = p1 -+ d, n d^2 = K (2 p1 (1 - p1) +- d (2 p1 - 1) - d^2), a quadratic in d.
    """
    k = z_sum(alpha, power) ** 2
    b = (2 * p1 - 1) if decrease else (1 - 2 * p1)
    a, c = n + k, 2 * k * p1 * (1 - p1)
    d = (k * b + math.sqrt((k * b) ** 2 + 4 * a * c)) / (2 * a)
    return min(d, p1 if decrease else 1 - p1)


# ------------------------------------------------------------------ verdicts
@dataclass(frozen=True)
class PowerVerdict:
    """Whether an indicator's target change could be shown with the people available."""

    node: str
    indicator: str
    kind: str  # proportion | mean
    n: int | None  # people expected to answer at the follow-up, per arm
    needed: int | None  # per arm
    mde: float | None  # in the indicator's unit: percentage points or score points
    detectable: bool | None
    assumptions: tuple[str, ...]
    missing: tuple[str, ...] = field(default=())

    @property
    def verdict(self) -> str:
        return {True: "detectable", False: "not detectable", None: "cannot tell"}[self.detectable]

    @property
    def summary(self) -> str:
        """One sentence for a document: the verdict and the numbers behind it."""
        if self.detectable is None:
            return "cannot tell: " + "; ".join(self.missing)
        unit = "percentage points" if self.kind == "proportion" else "points"
        text = f"{self.verdict}: needs {self.needed:,} per arm, about {self.n:,} available"
        if self.mde is not None:
            text += f"; the smallest change it could show is {_number(self.mde)} {unit}"
        return text


_PERCENT = re.compile(r"%|\bper ?cent\b|\bpercentage\b", re.I)
_RATE = re.compile(r"\bper\s+([\d,]+)\b", re.I)
_SCORE = re.compile(r"\bscore\b|\bpoints?\b|\bscale\b", re.I)
_POINTS = re.compile(r"(\d+(?:\.\d+)?)\s*-?\s*points?\b", re.I)
_MONTHS = re.compile(r"(\d+)\s*-?\s*months?\b", re.I)
_AFTER = re.compile(r"\b(post|after|end|close|exit)\b", re.I)
_SUBSCALE = re.compile(r"\bsub-?scales?\b", re.I)


def is_quantified(indicator: Indicator) -> bool:
    """An indicator whose change a comparison could estimate: a proportion or rate, or a score."""
    return _kind(indicator) is not None


def _kind(indicator: Indicator) -> str | None:
    unit = indicator.unit or ""
    if _PERCENT.search(unit) or _RATE.search(unit):
        return "proportion"
    if _SCORE.search(unit) or indicator.instrument or indicator.sd is not None:
        return "mean"
    if indicator.unit is None and _is_number(indicator.baseline) and _is_number(indicator.target):
        return "unknown"
    return None


def assess_indicator(model: Model, node: Node, indicator: Indicator, questions: list[Question],
                     settings: PowerSettings = PowerSettings()) -> PowerVerdict | None:
    """The verdict for one quantified indicator of an outcome or impact, else None."""
    kind = _kind(indicator)
    if kind is None or not node.is_outcome_or_impact:
        return None
    assumptions = [f"5% two-sided test, {settings.power:.0%} power, two equal arms (the people "
                   "reached and a comparison group as large)"
                   if settings.alpha == 0.05 else
                   f"{settings.alpha:.0%} two-sided test, {settings.power:.0%} power, two equal arms"]
    missing: list[str] = []
    available, where = _available(model, node, indicator, questions)
    months, response = _response(indicator, settings)
    if available is None:
        missing.append("the number of people it can be measured on (add `sample:` to the indicator or "
                       "question, or a numeric target to an output upstream)")
    else:
        assumptions.append(where)
    n = None
    if available is not None:
        n = math.floor(available * response)
        if response < 1:
            when = "at the end" if months == 0 else f"at {months} months"
            assumptions.append(f"{response:.0%} expected to respond {when} ({settings.response_cited_as}); "
                               f"{available:,} x {response:.0%} = {n:,}")
        else:
            assumptions.append("recorded for everyone it covers: no loss at follow-up assumed")

    needed = mde = None
    if kind == "unknown":
        missing.append("a unit (`%` for a proportion, or `score (...)` for a mean)")
    elif kind == "proportion":
        scale = _scale(indicator.unit or "")
        p1, p2 = _as_share(indicator.baseline, scale), _as_share(indicator.target, scale)
        if p1 is None:
            missing.append("a numeric baseline")
        if p2 is None:
            missing.append("a numeric target")
        if p1 is not None and p2 is not None:
            if p1 == p2:
                missing.append("a target different from the baseline")
            else:
                needed = n_two_proportions(p1, p2, settings.alpha, settings.power)
                assumptions.append(f"two proportions: {_number(p1 * 100)}% -> {_number(p2 * 100)}%")
                if n:
                    mde = 100 * mde_two_proportions(p1, n, settings.alpha, settings.power, decrease=p2 < p1)
    else:
        delta = _change(indicator)
        sd = _sd(indicator)
        if delta is None:
            missing.append("a numeric baseline and target, or a target such as `3 points`")
        if sd is None:
            missing.append("the score's standard deviation (add `sd:` to the indicator)")
        else:
            assumptions.append(sd.source)
        if delta is not None and sd is not None:
            needed = n_two_means(delta, sd.sd, settings.alpha, settings.power)
            assumptions.append(f"two means: a difference of {_number(abs(delta))} points, SD {_number(sd.sd)}; "
                               f"one group before and after would need {n_paired(delta, sd.sd, settings.alpha, settings.power):,} (SD of the "
                               "changes taken as the score's SD), but shows change, not cause")
            if n:
                mde = mde_two_means(sd.sd, n, settings.alpha, settings.power)
    if n == 0 and not missing:
        missing.append("anyone expected to respond at follow-up")
    detectable = None if missing or needed is None or n is None else n >= needed
    return PowerVerdict(node.id, indicator.id or "", "mean" if kind == "unknown" else kind, n, needed,
                        None if mde is None else round(mde, 2), detectable, tuple(assumptions), tuple(missing))


def _available(model: Model, node: Node, indicator: Indicator,
               questions: list[Question]) -> tuple[int | None, str]:
    if indicator.sample is not None:
        return indicator.sample, f"N = {indicator.sample:,} from the indicator's `sample:`"
    for question in questions:
        if question.sample is not None:
            return question.sample, f"N = {question.sample:,} from question {question.id}'s `sample:`"
    found = nearest_output_count(model, node.id)
    if found is None:
        return None, ""
    output, counted, target = found
    unit = f" {counted.unit}" if counted.unit else ""
    return target, (f"N = {target:,}{unit}: the target of \"{counted.id}\" on output \"{output.id}\", the nearest "
                    "output upstream (no `sample:` given): check it counts the people this indicator measures")


def nearest_output_count(model: Model, node_id: str) -> tuple[Node, Indicator, int] | None:
    """The nearest output upstream of the node with a count target (not a share), breadth first
    against the links, in the model's order, leaving out outputs that count other people (trained
    practitioners for a parents' outcome); None when no output upstream counts anyone."""
    into: dict[str, list[str]] = {}
    for link in model.links():
        if not link.feedback and link.target in model.nodes and link.source in model.nodes:
            into.setdefault(link.target, []).append(link.source)
    about = _camp(subject(model.nodes[node_id]))
    seen = {node_id}
    frontier = [node_id]
    while frontier:
        found = []
        upstream: list[str] = []
        for current in frontier:
            for source in into.get(current, ()):
                if source in seen:
                    continue
                seen.add(source)
                upstream.append(source)
                node = model.nodes[source]
                counts_others = about and _camp(subject(node)) not in (None, about)
                if node.type is NodeType.OUTPUT and not counts_others:
                    for indicator in node.indicators:
                        if _is_count(indicator):
                            found.append((node, indicator, int(indicator.target)))
        if found:
            return found[0]
        frontier = upstream
    return None


def _camp(who: str | None) -> str | None:
    """Children's and parents' outcomes are counted by the families reached: one group of people."""
    return "families" if who in ("children", "parents") else who


def _is_count(indicator: Indicator) -> bool:
    unit = indicator.unit or ""
    return (isinstance(indicator.target, int) and not isinstance(indicator.target, bool)
            and indicator.target > 0 and not _PERCENT.search(unit) and not _RATE.search(unit)
            and not _SCORE.search(unit))


def _response(indicator: Indicator, settings: PowerSettings) -> tuple[int, float]:
    """The follow-up the target is measured at (months after; 0 = at the end) and the share
    expected to respond then; everyone (1.0) for records kept on everyone."""
    rates = dict(settings.response)
    for text in (str(indicator.target or ""), indicator.frequency or ""):
        months = [int(m) for m in _MONTHS.findall(text)]
        if months:
            latest = max(months)
            known = [m for m in rates if m <= latest] or [min(rates)]
            return latest, rates[max(known)]
    if _AFTER.search(indicator.frequency or ""):
        return 0, rates.get(0, 1.0)
    return 0, 1.0


def _scale(unit: str) -> float:
    match = _RATE.search(unit)
    if match and not _PERCENT.search(unit):
        return float(match.group(1).replace(",", ""))
    return 100.0


def _as_share(value, scale: float) -> float | None:
    if not _is_number(value):
        return None
    share = float(value) / scale
    return share if 0 <= share <= 1 else None


def _change(indicator: Indicator) -> float | None:
    if _is_number(indicator.baseline) and _is_number(indicator.target):
        return float(indicator.target) - float(indicator.baseline) or None
    if isinstance(indicator.target, str):
        match = _POINTS.search(indicator.target)
        if match:
            return float(match.group(1)) or None
    return None


def _sd(indicator: Indicator) -> StandardDeviation | None:
    if indicator.sd is not None:
        return StandardDeviation(float(indicator.sd), f"SD {_number(indicator.sd)} from the indicator's `sd:`")
    text = f"{indicator.measure or ''} {indicator.unit or ''}"
    if indicator.instrument in DEFAULT_SD and not _SUBSCALE.search(text):
        return DEFAULT_SD[indicator.instrument]
    return None


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _number(value: float) -> str:
    return f"{value:,.1f}".removesuffix(".0")
