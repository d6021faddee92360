"""The model file format, version 1.1: every section and field, in one place.

The loader uses these tables to recognise fields (and suggest the right one for a
typo), ``toc schema`` turns them into a JSON Schema, and a test checks that
docs/format.md documents every field listed here. Add a field here first.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from toc.model import Availability, Criticality, Evidence, NodeType, Status, Term

FORMAT_VERSION = 1
# The format's revision: files still say `toc: 1`. 1.1 added root causes, mechanisms of change,
# status, notes, details, meta and questions about links and assumptions; every 1.0 file reads
# the same under it.
FORMAT_REVISION = "1.1"

# The typed model's enums are the one list of each set of values.
NODE_TYPES = tuple(member.value for member in NodeType)
TERMS = tuple(member.value for member in Term)
EVIDENCE_LEVELS = tuple(member.value for member in Evidence)
CRITICALITY_LEVELS = tuple(member.value for member in Criticality)
AVAILABILITY = tuple(member.value for member in Availability)
STATUSES = tuple(member.value for member in Status)
SEVERITIES = ("error", "warning", "info")
# Evaluation planning (the `evaluation:` section and the method and measure catalogues).
QUESTION_KINDS = ("process", "impact", "economic")
METHOD_FAMILIES = ("monitoring", "process", "impact", "economic")
COST_BANDS = ("low", "medium", "high")
ETHICS_FLAGS = ("children", "sensitive", "personal-data")
# What a validated measure measures, its role in the theory, and the couples it was built for.
CONSTRUCTS = ("conflict-behaviour", "co-parenting", "relationship-quality", "child-wellbeing", "parent-wellbeing",
              "parenting-stress")
MEASURE_ROLES = ("outcome", "mediator")
COUPLE_POPULATIONS = ("intact", "separated", "any")
# How a service is delivered: services in one pathway cell with the same mode are duplication.
DELIVERY_MODES = ("group", "one-to-one", "couple", "online", "digital-self-help", "telephone")
# EIF evidence ratings: 2 preliminary, 3 one rigorous evaluation, 4 long-term impact ("+" = more
# evidence at that level), NL2 below level 2, NE found not effective.
EIF_RATINGS = ("2", "2+", "3", "3+", "4", "4+", "NL2", "NE")

# Monitoring over time (`monitoring:` and indicators' trajectories).
DIRECTIONS = ("increase", "decrease")
ACCUMULATE = ("latest", "sum")

# An id is what people type in leads_to: one word without spaces, in any script.
ID_PATTERN = r"^\S+$"
# A link named in an evaluation question: `from -> to`, two ids.
LINK_REFERENCE_PATTERN = r"^\s*\S+\s*->\s*\S+\s*$"


# eq=False: a field is itself, so a table hashes cheaply (by identity) as a cache key.
@dataclass(frozen=True, eq=False)
class Field:
    name: str
    # text | texts | id | ids | integer | number | boolean | choice | choices | scalar | codes | paths | section
    # | links (a list of `from -> to`) | meta (a mapping of the user's own keys to text, numbers or lists)
    # | period (toc.periods) | data paths (actuals files, .csv or .xlsx)
    kind: str
    doc: str
    required: bool = False
    choices: tuple[str, ...] = ()


# The order here is the canonical order `toc fmt` writes: what the model is, what it
# builds on, its boxes, then evaluation planning and rule settings.
TOP_LEVEL = (
    Field("toc", "integer", "Format version. Always 1 for this format.", required=True),
    Field("title", "text", "Name of the theory of change, shown on diagrams and documents."),
    Field("area", "text", "The local area or region the model belongs to (e.g. Wirral)."),
    Field("owner", "text", "Who keeps the model up to date (a role or team)."),
    Field("version", "text", "Your own version label, e.g. 'draft 2' or '2024-06 workshop'."),
    Field("horizon", "text", "The time frame the theory covers, e.g. '2023-2026'."),
    Field("description", "text", "A paragraph of background: the problem, the programme, the scope."),
    Field("meta", "meta", "Fields of your own: a mapping of any key to text, a number, true/false or a list of "
          "text. Kept by every command, compared by `toc diff`, shown on the page."),
    Field("uses", "ids", "Ids of shared frameworks this model builds on, e.g. [eif-rpc] (`toc frameworks` lists them)."),
    Field("catalogues", "paths", "Catalogue files of your own (methods:/measures:), relative to this file."),
    Field("pathway", "section", "The support pathway's levels (in order) and populations, for services."),
    Field("assumptions", "section", "Shared assumptions that links name by id: a mapping of id to assumption."),
    Field("mechanisms", "section", "Mechanisms of change (how a change comes about: modelling, dosage, skills) "
          "that links and boxes name by id: a mapping of id to mechanism."),
    Field("nodes", "section", "The boxes of the theory of change: a mapping of id to node.", required=True),
    Field("methods", "section", "Your own evaluation methods, added to (or replacing) the shipped catalogue's."),
    Field("measures", "section", "Your own measures (instruments), added to (or replacing) the shipped catalogue's."),
    Field("evaluation", "section", "The evaluation plan: purpose, users, budget, timeline and questions."),
    Field("monitoring", "section", "Monitoring over time: the plan period, the actuals files and the amber band "
          "(`toc monitor`, docs/monitoring.md)."),
    Field("check", "section", "Settings for `toc check` that travel with this file."),

)

# The canonical order `toc fmt` writes: what the box is, its words, what it stands
# for, its service or needs details, how it is measured and evaluated, its links.
NODE = (
    Field("type", "choice", "What the box is: its column on the diagram.", required=True, choices=NODE_TYPES),
    Field("term", "choice", "For outcomes only (and then required): when the change is expected.", choices=TERMS),
    Field("group", "text", "A strand, theme or partner agency, for grouping on diagrams and reports."),
    Field("label", "text", "The words in the box.", required=True),
    Field("description", "text", "Longer explanation shown in documents and tooltips."),
    Field("status", "choice", "How settled the box is: draft, agreed or in-development (drawn distinctly "
          "unless agreed).", choices=STATUSES),
    Field("notes", "text", "Free notes about the box, shown on the page and in the outline."),
    Field("details", "texts", "A list of details inside the box (components, sessions, topics)."),
    Field("maps_to", "ids", "Framework nodes this node stands for, as framework-id:node-id (e.g. eif-rpc:central-risk)."),
    Field("level", "id", "For activities that are services: the pathway level (e.g. universal)."),
    Field("populations", "ids", "For services: the pathway populations the service is for."),
    Field("provider", "text", "For services: who delivers it."),
    Field("delivery", "choice", "For services: how it is delivered.", choices=DELIVERY_MODES),
    Field("area", "text", "For services: where it is offered, when not the whole area."),
    Field("eif_rating", "choice", "For services: the programme's EIF evidence rating.", choices=EIF_RATINGS),
    Field("capacity", "integer", "For services: how many families it can support in a year, set against the "
          "expected demand at its level (TOC604)."),
    Field("figures", "section", "For needs only: figures from the needs assessment, a list of figures."),
    Field("indicators", "section", "How the change is measured: a list of indicators."),
    Field("methods", "ids", "Evaluation methods (catalogue ids) chosen for this node, e.g. [contribution-analysis]."),
    Field("mechanisms", "ids", "Ids of mechanisms of change (top-level `mechanisms:`) this box works through."),
    Field("meta", "meta", "Fields of your own for this box: a mapping of any key to text, a number, "
          "true/false or a list of text."),
    Field("leads_to", "section", "Links from this node: a list of ids, or of link mappings."),
    Field("ignore", "codes", "Rule codes (or prefixes) not to report for this node."),

)

LINK = (
    Field("to", "id", "The id of the node this one leads to.", required=True),
    Field("assumption", "text", "Why this link should hold: the rationale in a sentence."),
    Field("evidence", "choice", "How strong the evidence for the link is.", choices=EVIDENCE_LEVELS),
    Field("assumptions", "ids", "Ids of shared assumptions (top-level `assumptions:`) the link rests on."),
    Field("mechanisms", "ids", "Ids of mechanisms of change (top-level `mechanisms:`) the link works through."),
    Field("status", "choice", "How settled the link is: draft, agreed or in-development.", choices=STATUSES),
    Field("feedback", "boolean", "True for a deliberate loop back to an earlier stage."),
    Field("meta", "meta", "Fields of your own for this link: a mapping of any key to text, a number, "
          "true/false or a list of text."),
)

INDICATOR = (
    Field("id", "id", "A short id, unique within the model, used in reports and plans.", required=True),
    Field("measure", "text", "What is measured, in words."),
    Field("instrument", "id", "The validated measure used, by catalogue id (e.g. swemwbs): `toc rules TOC503`."),
    Field("source", "text", "Where the data comes from (system, survey, register)."),
    Field("owner", "text", "Who collects or holds the data."),
    Field("frequency", "text", "How often it is collected, e.g. monthly, quarterly, pre/post."),
    Field("unit", "text", "The unit, e.g. 'families', '%', 'score (0-40)'."),
    Field("baseline", "scalar", "The starting value (a number, or text such as 'not yet known')."),
    Field("target", "scalar", "The value aimed for."),
    Field("availability", "choice", "Whether the data exists: collected by us, held by a partner, or not collected yet.",
          choices=AVAILABILITY),
    Field("notes", "text", "Anything else an analyst should know (definitions, caveats)."),
    Field("sample", "integer", "How many people it can be measured on (per group compared), for the power "
          "verdict in `toc spec`; else the nearest upstream output's count target is used."),
    Field("sd", "number", "The score's standard deviation, for the power verdict (else the catalogue default, "
          "where the measure has one)."),
    Field("trajectory", "section", "Milestones for monitoring: a mapping of period to the value expected then "
          "(e.g. `2025-Q2: 40`); else the expectation is linear from baseline to target."),
    Field("direction", "choice", "Whether higher (increase) or lower (decrease) values are better; by default "
          "from baseline and target.", choices=DIRECTIONS),
    Field("accumulate", "choice", "How the actuals add up: latest (each value is the level to date, the default) "
          "or sum (each value is that period's count, added up).", choices=ACCUMULATE),
)

MECHANISM = (
    Field("label", "text", "The mechanism in a few words, drawn on the links and boxes that name it.",
          required=True),
    Field("description", "text", "How it works, in a sentence or two."),
    Field("evidence", "choice", "How strong the evidence is that it works this way.", choices=EVIDENCE_LEVELS),
)

ASSUMPTION = (
    Field("text", "text", "The assumption, in a sentence.", required=True),
    Field("evidence", "choice", "How strong the evidence for it is.", choices=EVIDENCE_LEVELS),
    Field("criticality", "choice", "How much of the theory depends on it.", choices=CRITICALITY_LEVELS),
)

MONITORING = (
    Field("start", "period", "When the plan starts: the baseline holds at its beginning (2025, 2025/26, 2025-Q1 "
          "or 2025-04).", required=True),
    Field("end", "period", "When targets are due, unless an indicator's trajectory says otherwise.", required=True),
    Field("actuals", "data paths", "The actuals files (CSV or XLSX: indicator, period, value, optional area and "
          "note), relative to this file."),
    Field("tolerance", "number", "The amber band, as a share (0 to 1) of the baseline-to-target distance "
          "(default 0.1)."),
)

CHECK = (
    Field("ignore", "codes", "Rule codes or prefixes never reported for this file, e.g. [TOC303, TOC4]."),
    Field("severity", "section", "Severity overrides: a mapping of rule code to error, warning or info."),
)

EVALUATION = (
    Field("purpose", "text", "Why the evaluation is done and the decisions it will inform."),
    Field("users", "text", "Who will use the findings (commissioners, the partnership board...)."),
    Field("budget", "text", "The money or effort available, e.g. '£40,000 over two years'."),
    Field("timeline", "text", "When it runs and reports, e.g. 'April 2025 to March 2027'."),
    Field("lead", "text", "Who leads the evaluation (a role, team or the commissioned evaluator)."),
    Field("deliverables", "texts", "What the evaluator hands over: a list, e.g. [inception report, final report]."),
    Field("questions", "section", "The evaluation questions: a list of questions."),
)

QUESTION = (
    Field("id", "id", "A short id, unique among the questions (e.g. q1).", required=True),
    Field("text", "text", "The question, in a sentence.", required=True),
    Field("kind", "choice", "Process (how was it delivered?), impact (what difference?) or economic (worth it?).",
          required=True, choices=QUESTION_KINDS),
    Field("nodes", "ids", "Ids of the nodes the question is about."),
    Field("links", "links", "Links the question tests, each written `from -> to` (e.g. [training -> confident])."),
    Field("assumptions", "ids", "Ids of shared assumptions (top-level `assumptions:`) the question tests."),
    Field("methods", "ids", "Ids of the methods (from the catalogue) that will answer it."),
    Field("owner", "text", "Who is responsible for answering it."),
    Field("timing", "text", "When it is answered, e.g. 'interim report, month 9'."),
    Field("comparison", "text", "Where the comparison group comes from, for a comparison design (e.g. 'families on "
          "the waiting list', 'teams starting in the second year')."),
    Field("sample", "integer", "How many people its indicators can be measured on (per group compared), for "
          "the power verdict in `toc spec`, where an indicator gives no `sample:`."),
)

METHOD = (
    Field("name", "text", "The method's name as a commissioner would write it.", required=True),
    Field("family", "choice", "Monitoring, process, impact or economic evaluation.", required=True,
          choices=METHOD_FAMILIES),
    Field("description", "text", "What the method involves, in a sentence or two."),
    Field("types", "choices", "Node types it suits.", choices=NODE_TYPES),
    Field("terms", "choices", "Outcome terms it suits (for outcomes); empty means any term.", choices=TERMS),
    Field("questions", "choices", "Question kinds it answers.", choices=QUESTION_KINDS),
    Field("strength", "text", "What causal claim it supports, in words (e.g. 'credible contribution claim')."),
    Field("sms", "integer", "Scientific Methods Scale level (1-5, the What Works Centre for Local Economic Growth's "
          "version of the Maryland scale), where one applies."),
    Field("needs_comparison", "boolean", "True for a design that compares with a group that did not get the "
          "programme (yet): a question using it names that group in `comparison:`."),
    Field("respondents", "texts", "Who provides the data, e.g. [parents, practitioners]."),
    Field("data", "texts", "What data it needs, e.g. [case records, pre/post questionnaires]."),
    Field("cost", "choice", "Rough cost band.", choices=COST_BANDS),
    Field("duration", "text", "Typical duration, e.g. '6-12 months'."),
    Field("ethics", "choices", "Ethics flags that shape consent, DPIA and safeguarding.", choices=ETHICS_FLAGS),
    Field("limitations", "text", "What it cannot tell you, for the matrix's limitations column."),
)

MEASURE = (
    Field("name", "text", "The instrument's name.", required=True),
    Field("measures", "text", "What it measures.", required=True),
    Field("aliases", "texts", "Other names and abbreviations it is written as in `measure:` text, e.g. [SDQ]."),
    Field("construct", "choice", "What kind of thing it measures, for checking it fits the outcome.",
          choices=CONSTRUCTS),
    Field("role", "choice", "Outcome (a change the theory aims for) or mediator (a step on the way, e.g. a child's "
          "perception of conflict).", choices=MEASURE_ROLES),
    Field("respondent", "text", "Who completes it, with ages, e.g. 'child aged 9-17'."),
    Field("min_age", "integer", "For measures about or completed by children: the youngest age it was built for."),
    Field("max_age", "integer", "For measures about or completed by children: the oldest age it was built for."),
    Field("min_score", "number", "The lowest score it gives (e.g. 0 for the SDQ total): monitoring values below it "
          "are reported (TOC805)."),
    Field("max_score", "number", "The highest score it gives (e.g. 40 for the SDQ total)."),
    Field("population", "choice", "The couples it was built for: intact, separated, or any.",
          choices=COUPLE_POPULATIONS),
    Field("length", "text", "Its length, e.g. '7 items'."),
    Field("licence", "text", "Licence, registration or permission notes."),
    Field("ethics", "choices", "Ethics flags: children, sensitive (needs a safeguarding route), personal-data.",
          choices=ETHICS_FLAGS),
    Field("safeguarding", "text", "What a safeguarding route must cover when the measure is used."),
)

# A catalogue file of one's own holds only these two sections.
CATALOGUE_FILE = tuple(field for field in TOP_LEVEL if field.name in ("methods", "measures"))

PATHWAY = (
    Field("levels", "section", "The levels of need in order, a mapping of id to label (default universal, "
          "targeted, specialist)."),
    Field("populations", "section", "The groups of families, a mapping of id to label (default: the Kirklees "
          "populations)."),
    Field("coverage", "number", "The share (0 to 1) of expected demand the services at each level should be "
          "able to take in a year; a level below it is TOC604 (no check without it)."),
)

FIGURE = (
    Field("id", "id", "A short id naming what is measured; use the same id in every area to compare.",
          required=True),
    Field("measure", "text", "What the figure measures, in words."),
    Field("value", "number", "The figure itself, a number.", required=True),
    Field("unit", "text", "The unit, e.g. '%', 'per 1,000 women aged 15-17', 'children'."),
    Field("source", "text", "Where the figure comes from (dataset, publication)."),
    Field("year", "text", "The year or period it describes, e.g. 2021 or 2022/23."),
    Field("geography", "text", "The place it describes, when not the model's area (e.g. East Wirral)."),
    Field("population", "integer", "How many families (or people) a rate applies to: with `unit: '%'` or "
          "'per 1,000 ...' the figure gives an expected demand (value x population)."),
    Field("level", "id", "The pathway level the families it counts would be supported at, for demand against "
          "capacity."),
    Field("comparator", "section", "What to compare it with: a mapping with label and value."),
    Field("notes", "text", "Caveats: definitions, estimates, or that the figure is illustrative."),
)

COMPARATOR = (
    Field("label", "text", "What the comparator is, e.g. 'England'.", required=True),
    Field("value", "number", "The comparator's value, in the figure's unit.", required=True),
)

SECTIONS: dict[str, tuple[Field, ...]] = {
    "top level": TOP_LEVEL,
    "node": NODE,
    "link": LINK,
    "indicator": INDICATOR,
    "assumption": ASSUMPTION,
    "mechanism": MECHANISM,
    "check": CHECK,
    "monitoring": MONITORING,
    "evaluation": EVALUATION,
    "question": QUESTION,
    "method": METHOD,
    "measure": MEASURE,
    "pathway": PATHWAY,
    "figure": FIGURE,
    "comparator": COMPARATOR,
}


def field_names(section: tuple[Field, ...]) -> tuple[str, ...]:
    """The section's field names in canonical order."""
    return tuple(f.name for f in section)


@cache
def names_of(section: tuple[Field, ...]) -> frozenset[str]:
    """The section's field names as a set, for the loader's lookups (kept per table)."""
    return frozenset(field_names(section))
