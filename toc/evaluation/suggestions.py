"""Suggestion rules: which catalogue method fits a node the model chose none for, and why.

Each rule looks at one node (its type, term, indicators, data availability,
the links into it and the kinds of question asked about it) and either
suggests one method with a one-line reason, or passes. Rules run in order; a
node gets every suggestion that applies, without repeats. The reasons are what
a commissioner reads in the specification, so they say the fact about the node
first and the method's reason second.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from toc.model import Availability, Evidence, Method, Model, Node, NodeType, Term

_PRACTITIONER_WORDS = re.compile(r"\b(practitioners?|staff|workforce|professionals?|workers?)\b", re.I)
# Outcomes for parents, couples, families and children: what a parent survey can measure.
_FAMILY_WORDS = re.compile(r"\b(parents?|couples?|famil(y|ies)|child(ren)?|mothers?|fathers?|carers?)\b",
                           re.I)
# Enough for a plan to choose from without burying the reader: the most specific first.
MAX_SUGGESTIONS = 2


@dataclass(frozen=True)
class NodeFacts:
    """What the suggestion rules read about one node."""

    node: Node
    kinds: frozenset[str]  # question kinds asked about it (or the default for its type)
    availabilities: frozenset[Availability | None]
    instruments: tuple[str, ...]  # measure names of its indicators' instruments
    weak_links_in: bool  # some incoming link rests on weak or no evidence

    @property
    def is_outcome(self) -> bool:
        return self.node.is_outcome_or_impact

    @property
    def later(self) -> bool:
        """A medium- or long-term outcome, or an impact."""
        return self.node.type is NodeType.IMPACT or self.node.term in (Term.MEDIUM, Term.LONG)

    @property
    def kind(self) -> str:
        return self.node.kind


@dataclass(frozen=True)
class Suggestion:
    method: str
    reason: str
    rule: str


@dataclass(frozen=True)
class SuggestionRule:
    name: str
    method: str
    applies: Callable[[NodeFacts], bool]
    reason: Callable[[NodeFacts], str]


def node_facts(model: Model, node: Node, asked: set[str], measure_names: dict[str, str]) -> NodeFacts:
    if not asked:
        asked = {"impact"} if node.is_outcome_or_impact else {"process"}
    weak = False
    for link in model.links():
        if link.target == node.id and not link.feedback:
            evidence = link.evidence or max(
                (model.assumptions[ref.id].evidence for ref in link.assumptions
                 if ref.id in model.assumptions and model.assumptions[ref.id].evidence), default=None,
                key=lambda level: list(Evidence).index(level))
            if evidence in (None, Evidence.NONE, Evidence.WEAK):
                weak = True
    return NodeFacts(
        node=node,
        kinds=frozenset(asked),
        availabilities=frozenset(indicator.availability for indicator in node.indicators),
        instruments=tuple(measure_names.get(i.instrument, i.instrument) for i in node.indicators if i.instrument),
        weak_links_in=weak,
    )


def _records(facts: NodeFacts) -> str:
    if Availability.COLLECTED in facts.availabilities:
        return "data you already collect"
    return "no data collected yet" if facts.node.indicators else "no indicator yet"


RULES: tuple[SuggestionRule, ...] = (
    SuggestionRule(
        "delivery-monitoring", "monitoring-data",
        lambda f: f.node.type in (NodeType.ACTIVITY, NodeType.OUTPUT) and "process" in f.kinds,
        lambda f: f"{f.kind} with {_records(f)}: routine monitoring data, because reach, dosage and "
                  "completion come from your own records",
    ),
    SuggestionRule(
        "delivery-costs", "cost-analysis",
        lambda f: f.node.type in (NodeType.ACTIVITY, NodeType.OUTPUT) and "economic" in f.kinds,
        lambda f: f"{f.kind} with an economic question: cost analysis, because value for money starts "
                  "from the full cost of delivery",
    ),
    SuggestionRule(
        "practitioner-change", "practitioner-survey",
        lambda f: (f.node.type is NodeType.OUTPUT or f.node.term is Term.SHORT)
        and bool(_PRACTITIONER_WORDS.search(f.node.label or "")) and "impact" in f.kinds,
        lambda f: f"{f.kind} about practitioners: a practitioner survey before and after training, because "
                  "confidence and knowledge change soon after it",
    ),
    SuggestionRule(
        "validated-measure", "parent-survey",
        lambda f: f.node.type is NodeType.OUTCOME and bool(f.instruments) and "impact" in f.kinds,
        lambda f: f"{f.kind} measured with {', '.join(f.instruments)}: a survey before, after and at "
                  "follow-up, because a validated measure shows change the same way each time",
    ),
    SuggestionRule(
        "partner-data-contribution", "contribution-analysis",
        lambda f: f.is_outcome and f.later and Availability.PARTNER in f.availabilities and "impact" in f.kinds,
        lambda f: f"{f.kind} with partner-held data: contribution analysis, because attribution is not "
                  "feasible without a comparison group",
    ),
    SuggestionRule(
        "comparison-design", "difference-in-differences",
        lambda f: f.is_outcome and f.later and "impact" in f.kinds
        and bool(f.availabilities & {Availability.COLLECTED, Availability.PARTNER})
        and f.node.type is NodeType.IMPACT,
        lambda f: f"{f.kind} with recorded data: difference-in-differences against areas without the "
                  "programme, if their data can be had, because it is the most credible impact estimate "
                  "a local programme can afford",
    ),
    SuggestionRule(
        "nothing-collected", "outcome-harvesting",
        lambda f: f.is_outcome and f.later and "impact" in f.kinds and not f.instruments
        and (not f.node.indicators or f.availabilities <= {Availability.NOT_COLLECTED, None}),
        lambda f: f"{f.kind} with {_records(f)}: outcome harvesting, because it gathers evidence of the "
                  "change after the fact and substantiates the programme's part in it",
    ),
    SuggestionRule(
        "weak-links", "interviews",
        lambda f: f.is_outcome and f.weak_links_in,
        lambda f: f"{f.kind} reached by links with weak or no evidence: in-depth interviews, because they "
                  "test why the change does or does not follow",
    ),
    SuggestionRule(
        "outcome-process", "focus-groups",
        lambda f: f.is_outcome and "process" in f.kinds,
        lambda f: f"{f.kind} with a process question: focus groups, because they bring out barriers and "
                  "whether the assumptions held",
    ),
    SuggestionRule(
        "outcome-value", "cost-effectiveness",
        lambda f: f.is_outcome and "economic" in f.kinds,
        lambda f: f"{f.kind} with an economic question: cost-effectiveness analysis, because it sets the "
                  "cost per outcome beside alternatives",
    ),
    SuggestionRule(
        "short-term-default", "parent-survey",
        lambda f: f.is_outcome and f.node.term is Term.SHORT and not f.instruments and "impact" in f.kinds
        and bool(_FAMILY_WORDS.search(f.node.label or "")) and not _PRACTITIONER_WORDS.search(f.node.label or ""),
        lambda f: f"{f.kind} with no validated measure yet: a survey before and after, once a measure is "
                  "chosen from the catalogue, because short-term change is seen soon",
    ),
    SuggestionRule(
        "short-term-others", "interviews",
        lambda f: f.is_outcome and f.node.term is Term.SHORT and not f.instruments and "impact" in f.kinds
        and not _FAMILY_WORDS.search(f.node.label or "") and not _PRACTITIONER_WORDS.search(f.node.label or ""),
        lambda f: f"{f.kind} with no validated measure: in-depth interviews with the people it is about, because "
                  "they show whether and how the change happened",
    ),
    SuggestionRule(
        "later-default", "contribution-analysis",
        lambda f: f.is_outcome and f.later and "impact" in f.kinds,
        lambda f: f"{f.kind}: contribution analysis, because change this far along the chain has many "
                  "causes and a contribution claim is what the evidence can support",
    ),
)


def suggest(facts: NodeFacts, methods: dict[str, Method]) -> list[Suggestion]:
    """The first rules' suggestions for the node (at most MAX_SUGGESTIONS), in rule order,
    skipping methods the catalogue lacks or that do not suit the node."""
    found: list[Suggestion] = []
    for rule in RULES:
        if len(found) == MAX_SUGGESTIONS:
            break
        method = methods.get(rule.method)
        if method is None or not method.suits(facts.node) or any(s.method == rule.method for s in found):
            continue
        if rule.applies(facts):
            found.append(Suggestion(rule.method, rule.reason(facts), rule.name))
    return found
