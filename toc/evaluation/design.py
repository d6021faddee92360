"""What a set of methods lets an evaluation claim: the design of a question or of a claim.

The strength of a design is its level on the Scientific Methods Scale in the What Works
Centre for Local Economic Growth's version of the Maryland scale (1 uncontrolled
before/after or cross-section; 2 the same with control variables or a comparison
that does not deal with selection; 3 a justified comparison group with before/after,
e.g. difference-in-differences or a matched comparison; 4 quasi-random variation;
5 randomisation). Only level 3 and above support saying the programme *caused* a
change. Theory-based methods (contribution analysis, process tracing, realist
evaluation, outcome harvesting) have no level: they support a reasoned
contribution claim, not attribution.
"""

from __future__ import annotations

from dataclasses import dataclass

from toc.model import Method

SCALE = "Maryland Scientific Methods Scale (What Works Centre for Local Economic Growth version)"
SCALE_SHORT = "SMS"

# What the strongest design lets you say, by its SMS level.
CLAIM_BY_LEVEL = {
    5: "cause: a randomised comparison supports saying the programme caused the change",
    4: "cause, if the variation used is as good as random: state that assumption beside the estimate",
    3: "cause, with care: a justified comparison group supports attribution if both groups would have "
       "changed alike without the programme",
    2: "change beside a comparison, not cause: those who took part may differ from the rest (selection)",
    1: "shows change, not cause: expect regression to the mean and attrition",
}
CONTRIBUTION = "contribution, not attribution: a reasoned case that the programme played a part, not a " \
               "measure of how much"
PROCESS_ONLY = "how it was delivered and experienced, not whether it made a difference"
COSTS_ONLY = "what it cost; value for money only on top of an impact estimate"
NOTHING = "nothing yet: no method is chosen or suggested"
ATTRIBUTION_LEVEL = 3  # the lowest level that supports "caused"


@dataclass(frozen=True)
class Design:
    """The methods answering one question or covering one claim, and what they let you say."""

    methods: tuple[str, ...]  # method ids
    sms: int | None  # the strongest design's level, None when no method has one
    may_claim: str
    impact_claim: bool  # a claim that the programme made a difference
    caveats: tuple[str, ...] = ()

    @property
    def weak(self) -> bool:
        """An impact claim whose strongest design is below SMS 3 (or has no level): it needs its caveat."""
        return self.impact_claim and (self.sms is None or self.sms < ATTRIBUTION_LEVEL)

    @property
    def level_text(self) -> str:
        return f"{SCALE_SHORT} {self.sms}" if self.sms is not None else f"no {SCALE_SHORT} level"

    @property
    def caveat(self) -> str:
        """The inline caveat for a weak impact claim, else ''."""
        if not self.weak:
            return ""
        return f"Caveat ({self.level_text}): {self.may_claim}."


def design_of(method_ids: list[str] | tuple[str, ...], methods: dict[str, Method], impact_claim: bool) -> Design:
    """The design of a question or claim answered by ``method_ids`` (unknown ids are left out)."""
    known = tuple(dict.fromkeys(m for m in method_ids if m in methods))
    levels = [methods[m].sms for m in known if methods[m].sms is not None]
    sms = max(levels) if levels else None
    theory = any(methods[m].family == "impact" and methods[m].sms is None for m in known)
    families = {methods[m].family for m in known}
    if sms is not None and sms >= ATTRIBUTION_LEVEL:
        claim = CLAIM_BY_LEVEL[sms]
    else:
        parts = []
        if theory:
            parts.append(CONTRIBUTION)
        if sms is not None:
            parts.append(CLAIM_BY_LEVEL[sms])
        if not parts:
            parts.append(PROCESS_ONLY if families & {"process", "monitoring"} else
                         COSTS_ONLY if "economic" in families else NOTHING)
        claim = "; ".join(parts)
    design = Design(known, sms, claim, impact_claim)
    if design.weak:
        caveats = [design.caveat]
        if sms is None and not theory:
            caveats.append("No method here estimates an effect: add a comparison design (SMS 3 or above) or a "
                           "theory-based method, or ask a process question instead.")
        return Design(known, sms, claim, impact_claim, tuple(caveats))
    return design
