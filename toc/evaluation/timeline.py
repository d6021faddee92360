"""When an evaluation's milestones fall, and whether each follow-up fits before the final report.

The model states its timeline in words (``evaluation: timeline:``, deliverables,
question ``timing:``) and its follow-ups in indicators' ``frequency:`` and
``target:`` ("pre and post, 6 and 12 months") and questions' ``timing:``
("follow-up at 3 and 6 months"). This module reads the months out of those
words; nothing is guessed where the model names none.

A follow-up fits when the months it needs end by the final report:

    inception month + RECRUIT_AND_DELIVER_MONTHS + follow-up months + REPORTING_MONTHS <= final report month

Data collection starts after the inception report (month 0 when the model
names no inception month); at least the first cohort must be recruited and
complete the intervention before its follow-up clock starts (RPC
interventions typically run 8-12 weeks: RECRUIT_AND_DELIVER_MONTHS = 3); and
the last answers must be in about REPORTING_MONTHS = 3 before the final
report for analysis, drafting and review.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from toc.findings import Location
from toc.model import Evaluation, Model

RECRUIT_AND_DELIVER_MONTHS = 3
REPORTING_MONTHS = 3

_MONTH_N = re.compile(r"\bmonth\s+(\d{1,3})\b", re.I)
_QUARTER = re.compile(r"\b(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\b", re.I)
_QUARTERS = {"first": 3, "1st": 3, "second": 6, "2nd": 6, "third": 9, "3rd": 9, "fourth": 12, "4th": 12}
# "6 and 12 months", "6-month follow-up", "3 months after training" (never "month 18", a date in the contract).
_AFTER_MONTHS = re.compile(r"(\d{1,3})(?:\s*(?:,|and|or|&)\s*(\d{1,3}))*\s*-?\s*months?\b", re.I)
_NUMBER = re.compile(r"\d{1,3}")
MILESTONES = ("inception", "interim", "final")


@dataclass(frozen=True)
class FollowUp:
    """A follow-up the model names: its months after the intervention and where it says so."""

    about: str  # 'indicator "x" of "node"' or 'question q1'
    months: int
    location: Location
    node: str | None = None


@dataclass(frozen=True)
class FollowUpFit:
    follow_up: FollowUp
    ends: int  # the month its data collection and reporting end at the earliest
    final: int

    @property
    def fits(self) -> bool:
        return self.ends <= self.final


@dataclass(frozen=True)
class Timeline:
    milestones: dict[str, int]  # inception | interim | final -> month of the contract
    follow_ups: tuple[FollowUp, ...]

    @property
    def final(self) -> int | None:
        return self.milestones.get("final")

    @property
    def start(self) -> int:
        """The month data collection can start: after the inception report (0 when it has no month)."""
        return self.milestones.get("inception", 0)

    def fits(self) -> tuple[FollowUpFit, ...]:
        """Each follow-up's earliest end beside the final report (empty when no final month is known)."""
        if self.final is None:
            return ()
        return tuple(FollowUpFit(f, self.start + RECRUIT_AND_DELIVER_MONTHS + f.months + REPORTING_MONTHS,
                                 self.final) for f in self.follow_ups)


def milestone_months(evaluation: Evaluation | None) -> dict[str, int]:
    """The months the model gives its inception, interim and final reports, read from the timeline,
    the deliverables and the questions' timing ("interim report at month 9", "inception in the
    first quarter"). The latest mention of each wins: a final report is due once."""
    if evaluation is None:
        return {}
    texts = [evaluation.timeline or "", *evaluation.deliverables, *(q.timing or "" for q in evaluation.questions)]
    found: dict[str, int] = {}
    for text in texts:
        for clause in re.split(r"[;.]|\band\b", text):
            month = _month_of(clause)
            if month is None:
                continue
            for milestone in MILESTONES:
                if re.search(rf"\b{milestone}\b", clause, re.I):
                    found[milestone] = max(found.get(milestone, 0), month)
    return found


def _month_of(clause: str) -> int | None:
    match = _MONTH_N.search(clause)
    if match:
        return int(match.group(1))
    match = _QUARTER.search(clause)
    return _QUARTERS[match.group(1).lower()] if match else None


def follow_up_months(text: str | None) -> int | None:
    """The latest follow-up, in months after the intervention, that a text names, else None."""
    months = [int(n) for match in _AFTER_MONTHS.finditer(text or "") for n in _NUMBER.findall(match.group())]
    return max(months) if months else None


def timeline_of(model: Model) -> Timeline:
    """The model's milestones and every follow-up its indicators and questions name."""
    evaluation = model.evaluation
    follow_ups: list[FollowUp] = []
    for node in model.nodes.values():
        if not node.is_outcome_or_impact:
            continue
        for indicator in node.indicators:
            best = None
            for name in ("frequency", "target"):
                months = follow_up_months(str(getattr(indicator, name) or ""))
                if months is not None and (best is None or months > best[0]):
                    best = (months, indicator.value_locations.get(name, indicator.location))
            if best is not None:
                follow_ups.append(FollowUp(f'indicator "{indicator.id}" of "{node.id}"', best[0], best[1], node.id))
    for question in (evaluation.questions if evaluation else []):
        months = follow_up_months(question.timing)
        if months is not None:
            follow_ups.append(FollowUp(f"question {question.id}", months,
                                       question.value_locations.get("timing", question.location)))
    return Timeline(milestone_months(evaluation), tuple(follow_ups))
