"""The typed theory-of-change model that rules, renderers and analyses read.

Nothing outside ``toc.loading`` ever sees YAML: every value arrives here already
checked for type, with the 1-based file position it came from.

The mutable records (nodes, links, indicators...) compare by identity
(``eq=False``): whether two models say the same thing is ``toc.meaning``'s
question, which leaves positions out. Not generating ``__eq__`` for each class
also takes a few milliseconds off every command's start.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import NamedTuple


class Location(NamedTuple):
    """A 1-based position in a model file.

    A named tuple rather than a dataclass: the loader makes one for every value
    in the file, and a tuple is the cheapest immutable, ordered, hashable record
    Python makes (``Location._make`` skips even the argument parsing).
    """

    path: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


class NodeType(enum.StrEnum):
    CAUSE = "cause"  # format 1.1: a root cause, drawn in a column of its own before needs
    NEED = "need"
    INPUT = "input"
    ACTIVITY = "activity"
    OUTPUT = "output"
    OUTCOME = "outcome"
    IMPACT = "impact"


class Term(enum.StrEnum):
    SHORT = "short"
    MEDIUM = "medium"
    LONG = "long"


class Evidence(enum.StrEnum):
    NONE = "none"
    WEAK = "weak"
    MODERATE = "moderate"
    STRONG = "strong"


# Weakest first: a link resting on several shared assumptions is as strong as its weakest.
_EVIDENCE_RANK = {Evidence.NONE: 0, Evidence.WEAK: 1, Evidence.MODERATE: 2, Evidence.STRONG: 3}


class Criticality(enum.StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class Availability(enum.StrEnum):
    COLLECTED = "collected"
    PARTNER = "partner"
    NOT_COLLECTED = "not-collected"


class Status(enum.StrEnum):
    """Format 1.1: how settled a box or a link is (drawn distinctly while not agreed)."""

    DRAFT = "draft"
    AGREED = "agreed"
    IN_DEVELOPMENT = "in-development"


class Stage(enum.IntEnum):
    """Columns of a theory of change, in causal order.

    Root causes (format 1.1) come before needs; their value is -1 so that every
    other stage keeps the number it had in format 1.0.
    """

    CAUSE = -1
    NEED = 0
    INPUT = 1
    ACTIVITY = 2
    OUTPUT = 3
    SHORT_TERM_OUTCOME = 4
    MEDIUM_TERM_OUTCOME = 5
    LONG_TERM_OUTCOME = 6
    IMPACT = 7

    @property
    def title(self) -> str:
        """In a sentence: "short-term outcome"."""
        return _STAGE_TITLES[self][0]

    @property
    def column_title(self) -> str:
        """Over a diagram's column or a table: "Short-term outcomes"."""
        return _STAGE_TITLES[self][1]


# The one place stages are named: (in a sentence, over a column).
_STAGE_TITLES = {
    Stage.CAUSE: ("root cause", "Root causes"),
    Stage.NEED: ("need", "Needs"),
    Stage.INPUT: ("input", "Inputs"),
    Stage.ACTIVITY: ("activity", "Activities"),
    Stage.OUTPUT: ("output", "Outputs"),
    Stage.SHORT_TERM_OUTCOME: ("short-term outcome", "Short-term outcomes"),
    Stage.MEDIUM_TERM_OUTCOME: ("medium-term outcome", "Medium-term outcomes"),
    Stage.LONG_TERM_OUTCOME: ("long-term outcome", "Long-term outcomes"),
    Stage.IMPACT: ("impact", "Impact"),
}

_STAGE_OF_TYPE = {
    NodeType.CAUSE: Stage.CAUSE,
    NodeType.NEED: Stage.NEED,
    NodeType.INPUT: Stage.INPUT,
    NodeType.ACTIVITY: Stage.ACTIVITY,
    NodeType.OUTPUT: Stage.OUTPUT,
    NodeType.IMPACT: Stage.IMPACT,
}

_STAGE_OF_TERM = {
    Term.SHORT: Stage.SHORT_TERM_OUTCOME,
    Term.MEDIUM: Stage.MEDIUM_TERM_OUTCOME,
    Term.LONG: Stage.LONG_TERM_OUTCOME,
}


@dataclass(slots=True, eq=False)
class Indicator:
    """How an outcome (or output) is known to have happened."""

    id: str | None
    location: Location
    measure: str | None = None
    source: str | None = None
    owner: str | None = None
    frequency: str | None = None
    unit: str | None = None
    baseline: str | int | float | None = None
    target: str | int | float | None = None
    availability: Availability | None = None
    notes: str | None = None
    instrument: str | None = None  # a measure's catalogue id
    sample: int | None = None  # people it can be measured on, for power (toc.evaluation.power)
    sd: float | None = None  # the score's standard deviation, for power
    # Monitoring over time (toc.monitoring): milestones by period text, in the file's order.
    trajectory: dict[str, int | float] = field(default_factory=dict)
    direction: str | None = None  # increase | decrease; None: from baseline and target
    accumulate: str | None = None  # latest | sum; None: latest
    # Where each given field's value sits, for findings about one field.
    value_locations: dict[str, Location] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Reference:
    """An id written somewhere in the file, kept with its position."""

    id: str
    location: Location


@dataclass(frozen=True, slots=True)
class LinkReference:
    """A link named by its ends (`from -> to`), kept with the position it is written at."""

    source: str
    target: str
    location: Location

    def __str__(self) -> str:
        return f"{self.source} -> {self.target}"


@dataclass(slots=True, eq=False)
class Link:
    """``source`` leads to ``target``, with the reason and its evidence."""

    source: str
    target: str
    location: Location  # the target id as written in leads_to
    assumption: str | None = None
    assumptions: tuple[Reference, ...] = ()
    evidence: Evidence | None = None
    feedback: bool = False
    value_locations: dict[str, Location] = field(default_factory=dict)
    # Format 1.1: the mechanisms of change the link works through (top-level `mechanisms:` ids),
    # how settled it is, and the user's own fields.
    mechanisms: tuple[Reference, ...] = ()
    status: Status | None = None
    meta: dict[str, Meta] = field(default_factory=dict)

    @property
    def is_explained(self) -> bool:
        return bool(self.assumption or self.assumptions or self.evidence or self.mechanisms)


@dataclass(slots=True, eq=False)
class Node:
    id: str
    location: Location  # the node id (its key under nodes:)
    type: NodeType | None = None
    label: str | None = None
    term: Term | None = None
    description: str | None = None
    group: str | None = None
    indicators: list[Indicator] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    ignore: tuple[str, ...] = ()
    methods: tuple[Reference, ...] = ()  # evaluation methods chosen for the node
    value_locations: dict[str, Location] = field(default_factory=dict)
    # Service fields (activities on the support pathway) and need figures: see toc/pathway.py, toc/needs.py.
    level: str | None = None
    populations: tuple[Reference, ...] = ()
    provider: str | None = None
    delivery: str | None = None
    area: str | None = None
    eif_rating: str | None = None
    capacity: int | None = None  # families a year, for demand against capacity (toc.pathway)
    figures: list[Figure] = field(default_factory=list)

    @property
    def is_service(self) -> bool:
        """An activity placed on the support pathway (it has a level)."""
        return self.type is NodeType.ACTIVITY and self.level is not None
    # Framework nodes this node stands for ("eif-rpc:central-risk"), see toc.frameworks.
    maps_to: tuple[Reference, ...] = ()
    # Format 1.1: how settled the box is, free notes, a list of details, mechanisms of change
    # (top-level `mechanisms:` ids) and the user's own fields.
    status: Status | None = None
    notes: str | None = None
    details: tuple[str, ...] = ()
    mechanisms: tuple[Reference, ...] = ()
    meta: dict[str, Meta] = field(default_factory=dict)

    @property
    def stage(self) -> Stage | None:
        """The node's column, or None when its type or term is missing or invalid."""
        if self.type is NodeType.OUTCOME:
            return _STAGE_OF_TERM.get(self.term) if self.term else None
        return _STAGE_OF_TYPE.get(self.type) if self.type else None

    @property
    def kind(self) -> str:
        """Human wording of what the node is, for messages: "long-term outcome"."""
        if self.stage is not None:
            return self.stage.title
        return self.type.value if self.type else "node"

    @property
    def is_outcome_or_impact(self) -> bool:
        return self.type in (NodeType.OUTCOME, NodeType.IMPACT)


# A value under `meta:` (format 1.1): text, a number, true/false, or a list of text.
Meta = str | int | float | bool | tuple[str, ...]


@dataclass(slots=True, eq=False)
class Mechanism:
    """Format 1.1: a mechanism of change (how an activity brings about a change: modelling,
    dosage, practitioner skills...), named by id from links and boxes."""

    id: str
    location: Location
    label: str | None = None
    description: str | None = None
    evidence: Evidence | None = None
    value_locations: dict[str, Location] = field(default_factory=dict)


@dataclass(slots=True, eq=False)
class Assumption:
    """A shared assumption that links name by id."""

    id: str
    location: Location
    text: str | None = None
    evidence: Evidence | None = None
    criticality: Criticality | None = None
    value_locations: dict[str, Location] = field(default_factory=dict)


@dataclass(slots=True, eq=False)
class CheckSettings:
    """The model file's own ``check:`` section."""

    ignore: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True, eq=False)
class Model:
    path: str
    location: Location  # start of the document
    format_version: int | None = None
    title: str | None = None
    area: str | None = None
    owner: str | None = None
    version: str | None = None
    description: str | None = None
    horizon: str | None = None
    nodes: dict[str, Node] = field(default_factory=dict)
    assumptions: dict[str, Assumption] = field(default_factory=dict)
    check: CheckSettings = field(default_factory=CheckSettings)
    evaluation: Evaluation | None = None
    methods: dict[str, Method] = field(default_factory=dict)  # the model's own catalogue entries
    measures: dict[str, Measure] = field(default_factory=dict)
    catalogues: tuple[Reference, ...] = ()  # catalogue files, as written
    # Entries read from the files named in `catalogues:` (the loader reads them).
    catalogue_methods: dict[str, Method] = field(default_factory=dict)
    catalogue_measures: dict[str, Measure] = field(default_factory=dict)
    # Position of each top-level key's value (e.g. "nodes"), for model-wide findings.
    value_locations: dict[str, Location] = field(default_factory=dict)
    pathway: Pathway | None = None  # None: not written, the defaults apply (levels_and_populations)
    # Shared frameworks the model builds on (`uses:`), see toc.frameworks.
    uses: tuple[Reference, ...] = ()
    monitoring: Monitoring | None = None  # the `monitoring:` section, as written
    # The rows of the actuals files it names (the loader reads them, as it reads catalogue files).
    actuals: Actuals | None = None
    # Format 1.1: mechanisms of change by id, and the user's own fields.
    mechanisms: dict[str, Mechanism] = field(default_factory=dict)
    meta: dict[str, Meta] = field(default_factory=dict)

    def links(self):
        """Every link in file order."""
        for node in self.nodes.values():
            yield from node.links

    def links_by_location(self) -> dict[Location, Link]:
        """Each link by every place it is written (its target id and its fields): how a finding
        about a link is put back on the link."""
        found: dict[Location, Link] = {}
        for link in self.links():
            found.setdefault(link.location, link)
            for where in link.value_locations.values():
                found.setdefault(where, link)
        return found

    def link_stages(self, link: Link) -> tuple[Stage, Stage] | None:
        """The stages a link runs from and to, or None if either end has no stage (or no node)."""
        source, target = self.nodes.get(link.source), self.nodes.get(link.target)
        if source is None or target is None:
            return None
        stages = source.stage, target.stage  # each computed once: rules call this for every link
        return None if None in stages else stages

    def link_evidence(self, link: Link) -> tuple[Evidence | None, str | None]:
        """How strong the evidence for a link is, and the shared assumption it comes from (None
        when the link says it itself): a link that gives no `evidence:` has that of the weakest
        shared assumption it rests on, so a link resting on a weak assumption is weak."""
        if link.evidence is not None:
            return link.evidence, None
        weakest: tuple[Evidence | None, str | None] = (None, None)
        for reference in link.assumptions:
            shared = self.assumptions.get(reference.id)
            if shared is None or shared.evidence is None:
                continue
            if weakest[0] is None or _EVIDENCE_RANK[shared.evidence] < _EVIDENCE_RANK[weakest[0]]:
                weakest = (shared.evidence, reference.id)
        return weakest

    @property
    def display_name(self) -> str:
        return self.title or self.area or self.path


# ------------------------------------------------------------------ evaluation
@dataclass(slots=True, eq=False)
class Question:
    """An evaluation question, about some nodes, answered by some methods."""

    id: str | None
    location: Location
    text: str | None = None
    kind: str | None = None  # process | impact | economic
    nodes: tuple[Reference, ...] = ()
    methods: tuple[Reference, ...] = ()
    owner: str | None = None
    timing: str | None = None
    comparison: str | None = None  # where a comparison design's comparison group comes from
    sample: int | None = None  # people the question's indicators can be measured on, for power
    value_locations: dict[str, Location] = field(default_factory=dict)
    # Format 1.1: the causal steps the question tests: links ("from -> to") and shared assumptions.
    links: tuple[LinkReference, ...] = ()
    assumptions: tuple[Reference, ...] = ()


@dataclass(slots=True, eq=False)
class Evaluation:
    """The model's `evaluation:` section: what the specification is built from."""

    location: Location
    purpose: str | None = None
    users: str | None = None
    budget: str | None = None
    timeline: str | None = None
    lead: str | None = None
    deliverables: tuple[str, ...] = ()
    questions: list[Question] = field(default_factory=list)


@dataclass(slots=True, eq=False)
class Method:
    """An evaluation method in a catalogue (shipped, a catalogue file, or the model's own)."""

    id: str
    location: Location
    name: str | None = None
    family: str | None = None  # monitoring | process | impact | economic
    description: str | None = None
    types: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()
    questions: tuple[str, ...] = ()
    strength: str | None = None
    sms: int | None = None
    needs_comparison: bool | None = None  # compares with a group without the programme (yet)
    respondents: tuple[str, ...] = ()
    data: tuple[str, ...] = ()
    cost: str | None = None
    duration: str | None = None
    ethics: tuple[str, ...] = ()
    limitations: str | None = None
    value_locations: dict[str, Location] = field(default_factory=dict)

    def suits(self, node: Node) -> bool:
        """Whether the catalogue says the method fits this node's type (and term, for outcomes)."""
        if node.type is None:
            return True
        if self.types and node.type.value not in self.types:
            return False
        return not (node.term and self.terms and node.term.value not in self.terms)


@dataclass(slots=True, eq=False)
class Measure:
    """A validated instrument (SDQ, WEMWBS...) in a catalogue."""

    id: str
    location: Location
    name: str | None = None
    measures: str | None = None
    aliases: tuple[str, ...] = ()  # how `measure:` text may name it
    construct: str | None = None  # conflict-behaviour | co-parenting | relationship-quality | ...
    role: str | None = None  # outcome | mediator
    respondent: str | None = None
    min_age: int | None = None  # ages of the children it is about or completed by
    max_age: int | None = None
    min_score: float | None = None  # the scores it gives, for checking monitoring values (TOC805)
    max_score: float | None = None
    population: str | None = None  # intact | separated | any (couples)
    length: str | None = None
    licence: str | None = None
    ethics: tuple[str, ...] = ()
    safeguarding: str | None = None
    value_locations: dict[str, Location] = field(default_factory=dict)
@dataclass(slots=True, eq=False)
class Comparator:
    """What a need figure is compared with, e.g. the England average."""

    label: str | None = None
    value: int | float | None = None


@dataclass(slots=True, eq=False)
class Figure:
    """A number from a needs assessment, carried by a need node."""

    id: str | None
    location: Location
    measure: str | None = None
    value: int | float | None = None
    unit: str | None = None
    source: str | None = None
    year: str | None = None
    geography: str | None = None
    population: int | None = None  # what a rate applies to: value x population is the expected demand
    level: str | None = None  # the pathway level that demand falls on
    comparator: Comparator | None = None
    notes: str | None = None
    value_locations: dict[str, Location] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class PathwayEntry:
    """A level or a population of the support pathway; ``location`` is None for the defaults."""

    id: str
    label: str
    location: Location | None = None


@dataclass(slots=True, eq=False)
class Pathway:
    """The model's own ``pathway:`` section. A list left out (None) takes the default."""

    location: Location
    levels: tuple[PathwayEntry, ...] | None = None
    populations: tuple[PathwayEntry, ...] | None = None
    coverage: float | None = None  # share of expected demand each level should be able to take
    value_locations: dict[str, Location] = field(default_factory=dict)


# EIF-style levels of need, from least to most intensive.
DEFAULT_LEVELS = (
    PathwayEntry("universal", "Universal"),
    PathwayEntry("targeted", "Targeted"),
    PathwayEntry("specialist", "Specialist"),
)
# The groups of families named in the Kirklees case study, plus all parents.
DEFAULT_POPULATIONS = (
    PathwayEntry("all-parents", "All parents"),
    PathwayEntry("separating", "Separating and separated parents"),
    PathwayEntry("lgbtq", "LGBTQ+ parents"),
    PathwayEntry("minority-ethnic", "Minority ethnic parents"),
    PathwayEntry("mental-health", "Parents with mental health difficulties"),
    PathwayEntry("send", "Parents of children with SEND"),
    PathwayEntry("fathers-carers", "Fathers and carers"),
)


def levels_and_populations(model: Model) -> tuple[tuple[PathwayEntry, ...], tuple[PathwayEntry, ...]]:
    """The model's own levels and populations, each list falling back to the default."""
    pathway = model.pathway
    levels = pathway.levels if pathway and pathway.levels else DEFAULT_LEVELS
    populations = pathway.populations if pathway and pathway.populations else DEFAULT_POPULATIONS
    return levels, populations


# ------------------------------------------------------------------ monitoring
@dataclass(slots=True, eq=False)
class Monitoring:
    """The model's `monitoring:` section: the plan period, the actuals files, the amber band."""

    location: Location
    start: str | None = None  # period texts (toc.periods), checked by the loader
    end: str | None = None
    actuals: tuple[Reference, ...] = ()  # data files, as written
    tolerance: float | None = None  # None: DEFAULT_TOLERANCE
    value_locations: dict[str, Location] = field(default_factory=dict)


DEFAULT_TOLERANCE = 0.1


@dataclass(slots=True, eq=False)
class ActualsFile:
    """An actuals file that was read, and which column (1-based) holds what, for locations."""

    path: str
    columns: dict[str, int] = field(default_factory=dict)

    def location(self, row: int, column_name: str = "indicator") -> Location:
        return Location(self.path, row, self.columns.get(column_name, 1))


class Point(NamedTuple):
    """One usable row of an actuals file: a value, and the file and row it came from (a
    finding's location is made from these only for the few rows a finding is about)."""

    value: float
    row: int  # 1-based, the header being row 1 (a CSV's line number)
    source: ActualsFile


@dataclass(slots=True, eq=False)
class Actuals:
    """The usable rows of the model's actuals files.

    ``series`` holds, for each (indicator id, area) pair, its points by period
    (toc.periods.Period) in the order first read; the area is "" where the files give
    none. A later file's row for the same indicator, period and area replaces an
    earlier file's (`toc monitor --actuals` files come last). ``notes`` are the note
    cells that are not empty, by (indicator, area, period).
    """

    series: dict[tuple[str, str], dict] = field(default_factory=dict)
    notes: dict[tuple[str, str, object], str] = field(default_factory=dict)
    files: list[ActualsFile] = field(default_factory=list)

    @property
    def areas(self) -> list[str]:
        """The areas named, sorted; "" (no area) first when some rows have none."""
        return sorted({area for _, area in self.series})
