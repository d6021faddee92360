"""Suggestion rules: which catalogue method fits a node the model chose none for, and why.

Each rule reads the facts about one node (``NodeFacts``: its type and term, who
the change is about, its indicators' sources, availability and instruments,
the links and assumptions into it, the services that reach it and their
populations, and the kinds of question asked about it) and either suggests one
method with a one-line reason, or passes. Rules run in order, most specific
first; a node gets at most ``MAX_SUGGESTIONS``, without repeats. The reasons
are what a commissioner reads in the specification, so they say the fact about
the node first and the method's reason second.

Three principles shape the rules:

- An unset `availability:` is "not stated", not "no data": only data marked
  `not-collected` (or no indicator at all) counts as nothing collected.
- Comparison designs are offered only where a comparison group can exist. DWP
  has funded Reducing Parental Conflict work in every upper-tier authority in
  England since 2018, so the rules offer waiting lists, staggered roll-outs
  across teams or areas, matched cohorts from case records and interrupted
  time series, and never "areas without the programme"; nor any comparison
  for data that exists only for families the service worked with.
- A node no activity reaches gets no method: the finding (TOC203) comes first.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from toc.evaluation import reading
from toc.evaluation.catalogue import Catalogue, catalogue_for
from toc.model import Availability, Criticality, Evidence, Indicator, Link, Method, Model, Node, NodeType, Term

# Enough for a plan to choose from without burying the reader: the most specific first.
MAX_SUGGESTIONS = 2
# Families a year from which a randomised trial is worth weighing (a two-arm trial detecting a
# small-to-moderate effect, d = 0.3, needs about 175 per arm before attrition).
TRIAL_SCALE = 400
_WEAK = (None, Evidence.NONE, Evidence.WEAK)
_FAMILY_SUBJECTS = ("parents", "children")


@dataclass(frozen=True)
class CriticalLink:
    """A link resting on an assumption with high criticality and weak or no evidence."""

    source: str
    target: str
    assumption: str  # the assumption's id

    def describe(self) -> str:
        return f'"{self.source}" -> "{self.target}" (assumption "{self.assumption}")'


@dataclass(frozen=True)
class NodeFacts:
    """What the suggestion rules read about one node."""

    node: Node
    kinds: frozenset[str]  # question kinds asked about it (or the default for its type)
    availabilities: frozenset[Availability | None]
    instruments: tuple[str, ...]  # names of its indicators' measures (by id or named in `measure:`)
    weak_links_in: bool  # some incoming link rests on weak or no evidence
    asked: frozenset[str] = frozenset()  # the kinds questions actually ask (empty: none asked)
    reached: bool = True  # some activity reaches it along causal links
    subject: str | None = None  # practitioners | organisations | young-people | children | parents
    indicators: tuple[Indicator, ...] = ()
    critical_in: CriticalLink | None = None  # a weak, critical link into the node
    critical_upstream: CriticalLink | None = None  # the first weak, critical link on a path to it
    populations: tuple[str, ...] = ()  # specific populations of the services reaching it
    partial_areas: tuple[str, ...] = ()  # `area:` of reaching services offered in part of the area
    reach: tuple[str, int] | None = None  # (output id, numeric target) of the largest upstream count

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

    @property
    def impact_asked(self) -> bool:
        """An impact question names the node (not just the default for outcomes)."""
        return "impact" in self.asked

    def sources(self, keep: Callable[[Indicator], bool]) -> list[str]:
        return list(dict.fromkeys(i.source for i in self.indicators if i.source and keep(i)))

    def comparable(self, keep: Callable[[Indicator], bool]) -> list[Indicator]:
        """Its indicators that pass ``keep`` and exist beyond the families served."""
        return [i for i in self.indicators if keep(i) and not reading.served_only(i)]


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


def node_facts(model: Model, node: Node, asked: set[str], measure_names: dict[str, str],
               catalogue: Catalogue | None = None) -> NodeFacts:
    """Everything the rules read about ``node``; ``asked`` is the kinds of the questions about it.
    ``catalogue`` is the model's (``catalogue_for``), passed in by a caller asking about many nodes."""
    explicit = frozenset(asked)
    kinds = explicit or frozenset({"impact"} if node.is_outcome_or_impact else {"process"})
    catalogue = catalogue or catalogue_for(model)
    instruments = []
    for indicator in node.indicators:
        measure_id, _ = catalogue.indicator_instrument(indicator)
        if measure_id:
            instruments.append(measure_names.get(measure_id, measure_id))
    incoming = [link for link in model.links() if link.target == node.id and not link.feedback]
    ancestors = reading.index(model).ancestors.get(node.id, frozenset())
    upstream = [link for link in model.links() if link.target in ancestors | {node.id} and not link.feedback]
    services = reading.reaching_services(model, node)
    specific = [entry.label for entry in reading.populations(model, node) if not _everyone(entry.id)]
    return NodeFacts(
        node=node,
        kinds=kinds,
        availabilities=frozenset(indicator.availability for indicator in node.indicators),
        instruments=tuple(dict.fromkeys(instruments)),
        weak_links_in=any(_evidence(model, link) in _WEAK for link in incoming),
        asked=explicit,
        reached=node.id in reading.index(model).reached,
        subject=reading.subject(node),
        indicators=tuple(node.indicators),
        critical_in=next(filter(None, (_critical(model, link) for link in incoming)), None),
        critical_upstream=next(filter(None, (_critical(model, link) for link in upstream)), None),
        populations=tuple(dict.fromkeys(specific)),
        partial_areas=tuple(dict.fromkeys(service.area for service in services if service.area)),
        reach=_reach(model, ancestors),
    )


def _everyone(population_id: str) -> bool:
    return population_id.startswith("all")


def _evidence(model: Model, link: Link) -> Evidence | None:
    """The link's evidence, or its shared assumptions' (``Model.link_evidence``: the weakest, since
    the link holds only if every assumption it rests on does)."""
    return model.link_evidence(link)[0]


def _critical(model: Model, link: Link) -> CriticalLink | None:
    for ref in link.assumptions:
        assumption = model.assumptions.get(ref.id)
        if (assumption is not None and assumption.criticality is Criticality.HIGH
                and (link.evidence or assumption.evidence) in _WEAK):
            return CriticalLink(link.source, link.target, ref.id)
    return None


def _reach(model: Model, ancestors: frozenset[str]) -> tuple[str, int] | None:
    """The largest whole-number target among the outputs upstream: how many are reached."""
    found = None
    for node_id in ancestors:
        node = model.nodes[node_id]
        if node.type is not NodeType.OUTPUT:
            continue
        for indicator in node.indicators:
            target = indicator.target
            if isinstance(target, int) and not isinstance(target, bool) and (found is None or target > found[1]):
                found = (node_id, target)
    return found


def _records(facts: NodeFacts) -> str:
    if Availability.COLLECTED in facts.availabilities:
        return "data you already collect"
    if not facts.indicators:
        return "no indicator yet"
    if facts.availabilities == {Availability.NOT_COLLECTED}:
        return "no data collected yet"
    return "indicators whose data is not stated"


def _listed(items) -> str:
    return ", ".join(f'"{item}"' for item in items)


def _nothing_collected(facts: NodeFacts) -> bool:
    return not facts.indicators or facts.availabilities == {Availability.NOT_COLLECTED}


def _practitioner_practice(facts: NodeFacts) -> bool:
    """Practice change: practitioners' medium-term outcomes, and any outcome an audit measures."""
    audited = any(reading.practice_records(i) for i in facts.indicators)
    return (facts.is_outcome and "impact" in facts.kinds
            and (audited or facts.subject == "practitioners" and facts.node.term is Term.MEDIUM))


def _about_families(facts: NodeFacts) -> bool:
    return facts.subject in _FAMILY_SUBJECTS


RULES: tuple[SuggestionRule, ...] = (
    SuggestionRule(
        "delivery-monitoring", "monitoring-data",
        lambda f: f.node.type in (NodeType.ACTIVITY, NodeType.OUTPUT) and "process" in f.kinds,
        lambda f: f"{f.kind} with {_records(f)}: routine monitoring data, because reach, dosage and "
                  "completion come from your own records",
    ),
    SuggestionRule(
        "delivery-costs", "cost-analysis",
        lambda f: f.node.type is NodeType.ACTIVITY or (f.node.type is NodeType.OUTPUT and "economic" in f.kinds),
        lambda f: (f"{f.kind} with an economic question: cost analysis, because value for money starts from the "
                   "full cost of delivery") if "economic" in f.kinds else
                  (f"{f.kind}: cost analysis, because every plan needs the full cost of delivery, and beside the "
                   "outcomes measured it makes a cost-consequence account"),
    ),
    SuggestionRule(
        "practitioner-practice", "case-file-audit",
        _practitioner_practice,
        lambda f: f"{f.kind} about practice: case-file audit (or observation) before and after, "
                  "because changed practice shows in records, not in self-report (Kirkpatrick level 3, behaviour)",
    ),
    SuggestionRule(
        "practitioner-change", "practitioner-survey",
        lambda f: (f.node.type is NodeType.OUTPUT or f.node.term is Term.SHORT) and f.subject == "practitioners"
        and "impact" in f.kinds,
        lambda f: f"{f.kind} about practitioners: a practitioner survey before and after training, because "
                  "confidence and knowledge (Kirkpatrick levels 1-2) change soon after it",
    ),
    SuggestionRule(
        "critical-link", "process-tracing",
        lambda f: f.is_outcome and f.critical_in is not None and "impact" in f.kinds,
        lambda f: f"{f.kind} reached by the link {f.critical_in.describe()}, which the theory depends on and "
                  "which has weak or no evidence: process tracing in a few cases, because it tests that link "
                  "against rival explanations",
    ),
    SuggestionRule(
        "validated-measure", "parent-survey",
        lambda f: f.node.type is NodeType.OUTCOME and bool(f.instruments) and "impact" in f.kinds
        and f.subject not in ("practitioners", "organisations"),
        lambda f: f"{f.kind} measured with {', '.join(f.instruments)}: a survey before, after and at "
                  "follow-up, because a validated measure shows change the same way each time",
    ),
    SuggestionRule(
        "trial-scale", "rct",
        lambda f: f.is_outcome and f.impact_asked and bool(f.instruments) and f.reach is not None
        and f.reach[1] >= TRIAL_SCALE,
        lambda f: f'{f.kind} with an impact question and a target of {f.reach[1]:,} at "{f.reach[0]}": a '
                  "randomised trial (of families, or of teams in a cluster trial) is feasible at this scale, "
                  "because only randomisation rules out regression to the mean and selection; weigh its cost "
                  "against the budget",
    ),
    SuggestionRule(
        "waiting-list", "waiting-list-comparison",
        lambda f: f.is_outcome and f.impact_asked and bool(f.instruments)
        and all(reading.served_only(i) for i in f.indicators),
        lambda f: f"{f.kind} with an impact question, measured only for families in the service: a waiting-list "
                  "comparison, because families waiting to start are a comparison group that exists even though "
                  "every area has the programme",
    ),
    SuggestionRule(
        "within-area-comparison", "difference-in-differences",
        lambda f: f.is_outcome and f.later and f.impact_asked and bool(f.partial_areas)
        and bool(f.comparable(reading.recorded)),
        lambda f: f"{f.kind} recorded in {_listed(f.sources(reading.recorded))} for everyone, with services "
                  f"offered only in {_listed(f.partial_areas)}: difference-in-differences between the parts of the "
                  "area with the service and those without, because DWP has funded parental-conflict work in "
                  "every upper-tier authority since 2018, so other authorities are no clean comparison",
    ),
    SuggestionRule(
        "staggered-start", "staggered-rollout",
        lambda f: f.is_outcome and f.impact_asked and bool(f.partial_areas),
        lambda f: f"{f.kind} reached by services offered only in {_listed(f.partial_areas)}: a staggered roll-out, "
                  "extending them team by team or area by area in an order set in advance, because teams not yet "
                  "started are a fair comparison",
    ),
    SuggestionRule(
        "matched-cohort", "matched-comparison",
        lambda f: f.is_outcome and f.later and f.impact_asked and bool(f.comparable(reading.case_records)),
        lambda f: f"{f.kind} recorded in {_listed(f.sources(reading.case_records))}: a matched comparison with "
                  "similar families in the same records who were not offered the service, because the records "
                  "already hold a comparison group",
    ),
    SuggestionRule(
        "known-start", "interrupted-time-series",
        lambda f: f.is_outcome and f.later and "impact" in f.kinds and bool(f.comparable(reading.time_series)),
        lambda f: f"{f.kind} recorded {f.comparable(reading.time_series)[0].frequency} in "
                  f"{_listed(f.sources(reading.time_series))}: an interrupted time series at the date the "
                  "service started, because a long series before that date shows the trend the change must break",
    ),
    SuggestionRule(
        "recorded-outcome", "administrative-data",
        lambda f: f.is_outcome and "impact" in f.kinds and f.subject not in ("practitioners", "organisations")
        and any(reading.recorded(i) and i.availability is not Availability.NOT_COLLECTED for i in f.indicators),
        lambda f: f"{f.kind} with recorded data ({_listed(f.sources(reading.recorded))}): analysis of the "
                  "administrative data before and after, because the records exist already; it shows the trend, "
                  "not its cause",
    ),
    SuggestionRule(
        "partner-data-contribution", "contribution-analysis",
        lambda f: f.is_outcome and f.later and Availability.PARTNER in f.availabilities and "impact" in f.kinds
        and f.subject != "organisations",
        lambda f: f"{f.kind} with partner-held data: contribution analysis, because attribution is not "
                  "feasible without a comparison group",
    ),
    SuggestionRule(
        "for-whom", "realist-evaluation",
        lambda f: f.is_outcome and len(f.populations) >= 2 and "impact" in f.kinds,
        lambda f: f"{f.kind} reached by services for different groups ({_listed(f.populations)}): realist "
                  "evaluation, because it asks what works for whom and in what circumstances",
    ),
    SuggestionRule(
        "nothing-collected", "outcome-harvesting",
        lambda f: f.is_outcome and f.later and "impact" in f.kinds and not f.instruments and _nothing_collected(f),
        lambda f: f"{f.kind} with {_records(f)}: outcome harvesting, because it gathers evidence of the "
                  "change after the fact and substantiates the programme's part in it",
    ),
    SuggestionRule(
        "system-change", "interviews",
        lambda f: f.is_outcome and f.subject == "organisations" and "impact" in f.kinds,
        lambda f: f"{f.kind} about partners and services: in-depth interviews with their leads, checked against "
                  "their plans and records, because whether organisations changed how they work is known from them",
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
        "outcome-benefit", "cost-benefit",
        lambda f: f.is_outcome and f.later and "economic" in f.kinds and any(reading.recorded(i) for i in f.indicators),
        lambda f: f"{f.kind} with an economic question and recorded demand ({_listed(f.sources(reading.recorded))}): "
                  "cost-benefit analysis, valuing the demand avoided with unit costs, because fiscal benefits show "
                  "in these records; it needs a credible impact estimate first",
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
        and _about_families(f),
        lambda f: f"{f.kind} about {f.subject} with no validated measure yet: a survey before and after, once a "
                  "measure is chosen from the catalogue, because short-term change is seen soon",
    ),
    SuggestionRule(
        "short-term-others", "interviews",
        lambda f: f.is_outcome and f.node.term is Term.SHORT and not f.instruments and "impact" in f.kinds
        and not _about_families(f) and f.subject != "practitioners",
        lambda f: f"{f.kind} with no validated measure: in-depth interviews with the people it is "
                  "about, because they show whether and how the change happened",
    ),
    SuggestionRule(
        "later-default", "contribution-analysis",
        lambda f: f.is_outcome and f.later and "impact" in f.kinds
        and not (f.subject == "organisations" and f.node.term is Term.MEDIUM),
        lambda f: (f"{f.kind}: contribution analysis, anchored on the link {f.critical_upstream.describe()}, which "
                   "the theory depends on with weak or no evidence, because change this far along the chain has "
                   "many causes and a contribution claim is what the evidence can support")
        if f.critical_upstream else
                  (f"{f.kind}: contribution analysis, because change this far along the chain has many "
                   "causes and a contribution claim is what the evidence can support"),
    ),
)


def suggest(facts: NodeFacts, methods: dict[str, Method]) -> list[Suggestion]:
    """The first rules' suggestions for the node (at most MAX_SUGGESTIONS), in rule order,
    skipping methods the catalogue lacks or that do not suit the node. A node no activity
    reaches gets none: its finding (TOC203 unsupported-outcome) says what to fix first."""
    if not facts.reached:
        return []
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
