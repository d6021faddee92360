"""What a node says about itself, read from its structure before its words.

The method suggestions (toc.evaluation.suggestions) and the evaluation rules
(TOC506-TOC508) need the same facts about a node: who the change is about,
what kind of change it is (its construct), where its data comes from, whether
that data exists for families the service did not work with, which services
reach it and for which populations. Each reader looks first at what the model
states in fields (type, term, `maps_to:`, indicators' sources and
availability, instruments, services' `populations:`), and reads words only
where a field cannot say it: the *subject* of a label (the first group of
people it names, so "Partners understand how conflict affects children's
outcomes" is about partners), never any single word in it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from toc.model import Indicator, Model, Node, NodeType, PathwayEntry, levels_and_populations

# Who a change is about, in the order a label names them.
_SUBJECTS = (
    ("practitioners", r"practitioners?|staff|workforce|professionals?|frontline|workers?|colleagues|"
                      r"health visitors?|social workers?"),
    ("organisations", r"partners?|leaders?|managers?|agenc(?:y|ies)|organisations?|services?|system|boards?|"
                      r"commissioners?|authorit(?:y|ies)|steering group|council|partnerships?|providers?|"
                      # Schools as the ones who change, not "school exclusion" or "school readiness".
                      r"schools|(?:the|each|every|partner|primary|secondary|local) school"),
    ("young-people", r"young (?:people|person)|pupils?|teenagers?|adolescents?|students?"),
    ("children", r"child(?:ren)?(?:'s|s')?|babies|infants?"),
    ("parents", r"parents?(?:'s|s')?|couples?|mothers?|fathers?|carers?|famil(?:y|ies)(?:'s|')?|co-parents?"),
)
_SUBJECT = re.compile("|".join(f"(?P<{name.replace('-', '_')}>\\b(?:{words})\\b)" for name, words in _SUBJECTS),
                      re.I)
# Framework nodes (maps_to) that stand for children's outcomes.
_CHILD_FRAMEWORK_NODES = re.compile(r"^eif-rpc:(child-|children-thrive)")

# Constructs an outcome is about, read from its label and description; each with the
# measure constructs that fit it.
_OUTCOME_CONSTRUCTS = (
    ("conflict", re.compile(r"\bconflict|\bargu(?:e|es|ing|ments?)\b|\bdisagree|\bhostil|\bacrimon|\brows\b", re.I),
     frozenset({"conflict-behaviour", "co-parenting"})),
    ("co-parenting", re.compile(r"\bco-?parent", re.I), frozenset({"co-parenting", "conflict-behaviour"})),
    ("relationship quality", re.compile(r"relationships? (?:quality|satisfaction)|\bsatisf|family relationships|"
                                        r"couple relationship", re.I),
     frozenset({"relationship-quality", "conflict-behaviour", "co-parenting"})),
)
_WELLBEING = re.compile(r"wellbeing|well-being|mental health|emotional|behaviour|difficulties|internalising|"
                        r"externalising|outcomes|thrive|depress|anxiety|stress|life chances", re.I)

# Where data comes from. Sources that describe everyone in an area or every family known
# to a service (so a comparison group exists in them) ...
_POPULATION_WIDE = re.compile(r"census|police|school|national|published|public health|\bONS\b|\bDfE\b|\bNHS\b|"
                              r"JSNA|fingertips|case (?:management )?system|early help (?:system|module|records)|"
                              r"children's social care|front door|\bMASH\b|dataset", re.I)
# ... and sources that exist only for the families (or practitioners) a service worked with.
_SERVED_ONLY_SOURCE = re.compile(r"\b(?:provider|service|programme|intervention|course|session|training)s?'? "
                                 r"(?:own )?(?:records?|monitoring|questionnaires?|returns|feedback|registers?|"
                                 r"management information|MI)\b|survey|questionnaire|feedback|interview|"
                                 r"focus group|register", re.I)
_SERVED_ONLY_MEASURE = re.compile(r"re-?referr|after closure|\brepeat|previously|\bcomplet|took part|taking part|"
                                  r"participants|starters|(?<![-\w])attend", re.I)
_RECORDS = re.compile(r"system|records?|census|police|returns|statistics|dataset|database|register|"
                      r"management information", re.I)
_CASE_RECORDS = re.compile(r"case (?:management )?system|case records|case files?|early help|children's social "
                           r"care|front door|\bMASH\b|assessments?", re.I)
_AUDIT = re.compile(r"case files?|audit|observ|supervision|assessments? record", re.I)
_SERIES = re.compile(r"monthly|quarterly|termly|weekly", re.I)

# Population words: the couples a service is for, and the children's ages.
_SEPARATED = re.compile(r"separat|divorc|co-?parent|living apart|ex-partner", re.I)
_INTACT = re.compile(r"intact|living together|cohabit|married|couples? together", re.I)
_AGES = (
    (re.compile(r"\bunder[- ]?(\d{1,2})s?\b", re.I), lambda m: (0, int(m.group(1)) - 1)),
    (re.compile(r"\b(\d{1,2})\s*(?:-|to)\s*(\d{1,2})\b"), lambda m: (int(m.group(1)), int(m.group(2)))),
    (re.compile(r"\b(?:babies|infants|early years|pre-?school)\b", re.I), lambda m: (0, 4)),
    (re.compile(r"\b(?:teenagers?|adolescents?|secondary)\b", re.I), lambda m: (11, 17)),
)


def subject(node: Node) -> str | None:
    """Who the change is about: practitioners, organisations, young-people, children or parents.

    Read from the first group of people the label names, then (for a label that names
    none, such as "Social and emotional: fewer internalising problems") from the
    framework nodes it maps to, then from its indicators' measures.
    """
    found = _first_subject(node.label)
    if found:
        return found
    if any(_CHILD_FRAMEWORK_NODES.match(ref.id) for ref in node.maps_to):
        return "children"
    for indicator in node.indicators:
        found = _first_subject(indicator.measure)
        if found:
            return found
    return None


def _first_subject(text: str | None) -> str | None:
    match = _SUBJECT.search(text or "")
    return match.lastgroup.replace("_", "-") if match and match.lastgroup else None


@dataclass(frozen=True)
class OutcomeConstruct:
    name: str  # "conflict", "child wellbeing"...
    fits: frozenset[str]  # measure constructs that can measure it


def outcome_constructs(node: Node) -> tuple[OutcomeConstruct, ...]:
    """What kind of change an outcome is: conflict, co-parenting, relationship quality,
    child wellbeing or parent wellbeing (several when its words say several)."""
    if not node.is_outcome_or_impact:
        return ()
    text = " ".join(filter(None, (node.label, node.description)))
    found = [OutcomeConstruct(name, fits) for name, pattern, fits in _OUTCOME_CONSTRUCTS if pattern.search(text)]
    who = subject(node)
    if who in ("children", "young-people") and (_WELLBEING.search(node.label or "") or who == "children"
                                               and any(_CHILD_FRAMEWORK_NODES.match(r.id) for r in node.maps_to)):
        found.append(OutcomeConstruct("child wellbeing", frozenset({"child-wellbeing"})))
    elif who == "parents" and _WELLBEING.search(node.label or "") and not found:
        found.append(OutcomeConstruct("parent wellbeing", frozenset({"parent-wellbeing", "parenting-stress"})))
    return tuple(found)


def served_only(indicator: Indicator) -> bool:
    """Whether the indicator exists only for the families (or practitioners) a service worked
    with: its source is the service's own records or questionnaires, or its measure is about
    people served (re-referral after closure, completers). Such data has no comparison group."""
    source = indicator.source or ""
    if _SERVED_ONLY_MEASURE.search(indicator.measure or ""):
        return True
    if _POPULATION_WIDE.search(source):
        return False
    return bool(indicator.instrument or _SERVED_ONLY_SOURCE.search(source))


def recorded(indicator: Indicator) -> bool:
    """Routinely recorded data (a case system, a register, partner statistics), not a survey."""
    source = indicator.source or ""
    return bool(_RECORDS.search(source)) and not re.search(r"survey|questionnaire|interview|feedback", source, re.I)


def case_records(indicator: Indicator) -> bool:
    """Recorded in a case system (Early Help, children's social care, the front door)."""
    return recorded(indicator) and bool(_CASE_RECORDS.search(indicator.source or ""))


def practice_records(indicator: Indicator) -> bool:
    """Practice seen in case files, audits, observation or supervision, not self-report."""
    return bool(_AUDIT.search(" ".join(filter(None, (indicator.source, indicator.measure)))))


def time_series(indicator: Indicator) -> bool:
    """Recorded often enough (monthly, quarterly...) for a series before and after a start date."""
    return recorded(indicator) and bool(_SERIES.search(indicator.frequency or ""))


# ------------------------------------------------------------------ the model's shape
@dataclass(frozen=True)
class ModelIndex:
    """Facts about the whole model that every node's reading shares (computed once per model)."""

    reached: frozenset[str]  # nodes some activity reaches along causal links
    ancestors: dict[str, frozenset[str]]  # node -> every node with a causal path to it


@lru_cache(maxsize=8)
def index(model: Model) -> ModelIndex:
    """The model's reachability, computed once (the model is read-only once loaded)."""
    parents: dict[str, list[str]] = {node_id: [] for node_id in model.nodes}
    children: dict[str, list[str]] = {node_id: [] for node_id in model.nodes}
    for link in model.links():
        if not link.feedback and link.source in parents and link.target in parents:
            parents[link.target].append(link.source)
            children[link.source].append(link.target)
    reached: set[str] = set()
    stack = [node_id for node_id, node in model.nodes.items() if node.type is NodeType.ACTIVITY]
    while stack:
        node_id = stack.pop()
        for target in children[node_id]:
            if target not in reached:
                reached.add(target)
                stack.append(target)
    reached.update(node_id for node_id, node in model.nodes.items() if node.type is NodeType.ACTIVITY)
    ancestors: dict[str, frozenset[str]] = {}
    for node_id in model.nodes:
        seen: set[str] = set()
        stack = list(parents[node_id])
        while stack:
            source = stack.pop()
            if source not in seen:
                seen.add(source)
                stack.extend(parents[source])
        ancestors[node_id] = frozenset(seen)
    return ModelIndex(frozenset(reached), ancestors)


def reaching_services(model: Model, node: Node) -> tuple[Node, ...]:
    """The activities with a causal path to the node, in file order."""
    ancestors = index(model).ancestors.get(node.id, frozenset())
    return tuple(n for n in model.nodes.values() if n.id in ancestors and n.type is NodeType.ACTIVITY)


def populations(model: Model, node: Node) -> tuple[PathwayEntry, ...]:
    """The pathway populations the node is for: its own `populations:`, else those of the
    services that reach it; empty when the model states none."""
    _, known = levels_and_populations(model)
    by_id = {entry.id: entry for entry in known}
    refs = node.populations or tuple(ref for service in reaching_services(model, node)
                                     for ref in service.populations)
    return tuple(dict.fromkeys(by_id.get(ref.id, PathwayEntry(ref.id, ref.id)) for ref in refs))


def couples(entries: Iterable[PathwayEntry]) -> str | None:
    """"separated" or "intact" when every population stated is that kind of couple, else None."""
    kinds = set()
    for entry in entries:
        text = f"{entry.id} {entry.label}"
        kinds.add("separated" if _SEPARATED.search(text) else "intact" if _INTACT.search(text) else None)
    return kinds.pop() if len(kinds) == 1 else None


def child_ages(entries: Iterable[PathwayEntry]) -> tuple[int, int] | None:
    """The children's age range across the populations, when every one of them states it."""
    ranges = []
    for entry in entries:
        text = f"{entry.label} {entry.id}"
        for pattern, ages in _AGES:
            match = pattern.search(text)
            if match:
                ranges.append(ages(match))
                break
        else:
            return None
    if not ranges:
        return None
    return min(low for low, _ in ranges), max(high for _, high in ranges)
