"""The model file format, version 1: every section and field, in one place.

The loader uses these tables to recognise fields (and suggest the right one for a
typo), ``toc schema`` turns them into a JSON Schema, and a test checks that
docs/format.md documents every field listed here. Add a field here first.
"""

from __future__ import annotations

from dataclasses import dataclass

FORMAT_VERSION = 1

NODE_TYPES = ("need", "input", "activity", "output", "outcome", "impact")
TERMS = ("short", "medium", "long")
EVIDENCE_LEVELS = ("none", "weak", "moderate", "strong")
CRITICALITY_LEVELS = ("low", "medium", "high")
AVAILABILITY = ("collected", "partner", "not-collected")
SEVERITIES = ("error", "warning", "info")

# An id is what people type in leads_to: one word without spaces, in any script.
ID_PATTERN = r"^\S+$"


@dataclass(frozen=True)
class Field:
    name: str
    kind: str  # text | id | integer | boolean | choice | scalar | codes | ids | section
    doc: str
    required: bool = False
    choices: tuple[str, ...] = ()


TOP_LEVEL = (
    Field("toc", "integer", "Format version. Always 1 for this format.", required=True),
    Field("title", "text", "Name of the theory of change, shown on diagrams and documents."),
    Field("area", "text", "The local area or region the model belongs to (e.g. Wirral)."),
    Field("owner", "text", "Who keeps the model up to date (a role or team)."),
    Field("version", "text", "Your own version label, e.g. 'draft 2' or '2024-06 workshop'."),
    Field("description", "text", "A paragraph of background: the problem, the programme, the scope."),
    Field("horizon", "text", "The time frame the theory covers, e.g. '2023-2026'."),
    Field("nodes", "section", "The boxes of the theory of change: a mapping of id to node.", required=True),
    Field("assumptions", "section", "Shared assumptions that links name by id: a mapping of id to assumption."),
    Field("check", "section", "Settings for `toc check` that travel with this file."),
    Field("uses", "ids", "Ids of shared frameworks this model builds on, e.g. [eif-rpc] (`toc frameworks` lists them)."),
)

NODE = (
    Field("type", "choice", "What the box is: its column on the diagram.", required=True, choices=NODE_TYPES),
    Field("label", "text", "The words in the box.", required=True),
    Field("term", "choice", "For outcomes only (and then required): when the change is expected.", choices=TERMS),
    Field("description", "text", "Longer explanation shown in documents and tooltips."),
    Field("group", "text", "A strand, theme or partner agency, for grouping on diagrams and reports."),
    Field("leads_to", "section", "Links from this node: a list of ids, or of link mappings."),
    Field("indicators", "section", "How the change is measured: a list of indicators."),
    Field("ignore", "codes", "Rule codes (or prefixes) not to report for this node."),
    Field("maps_to", "ids", "Framework nodes this node stands for, as framework-id:node-id (e.g. eif-rpc:central-risk)."),
)

LINK = (
    Field("to", "id", "The id of the node this one leads to.", required=True),
    Field("assumption", "text", "Why this link should hold: the rationale in a sentence."),
    Field("assumptions", "ids", "Ids of shared assumptions (top-level `assumptions:`) the link rests on."),
    Field("evidence", "choice", "How strong the evidence for the link is.", choices=EVIDENCE_LEVELS),
    Field("feedback", "boolean", "True for a deliberate loop back to an earlier stage."),
)

INDICATOR = (
    Field("id", "id", "A short id, unique within the model, used in reports and plans.", required=True),
    Field("measure", "text", "What is measured, in words."),
    Field("source", "text", "Where the data comes from (system, survey, register)."),
    Field("owner", "text", "Who collects or holds the data."),
    Field("frequency", "text", "How often it is collected, e.g. monthly, quarterly, pre/post."),
    Field("unit", "text", "The unit, e.g. 'families', '%', 'score (0-40)'."),
    Field("baseline", "scalar", "The starting value (a number, or text such as 'not yet known')."),
    Field("target", "scalar", "The value aimed for."),
    Field("availability", "choice", "Whether the data exists: collected by us, held by a partner, or not collected yet.",
          choices=AVAILABILITY),
    Field("notes", "text", "Anything else an analyst should know (definitions, caveats)."),
)

ASSUMPTION = (
    Field("text", "text", "The assumption, in a sentence.", required=True),
    Field("evidence", "choice", "How strong the evidence for it is.", choices=EVIDENCE_LEVELS),
    Field("criticality", "choice", "How much of the theory depends on it.", choices=CRITICALITY_LEVELS),
)

CHECK = (
    Field("ignore", "codes", "Rule codes or prefixes never reported for this file, e.g. [TOC303, TOC4]."),
    Field("severity", "section", "Severity overrides: a mapping of rule code to error, warning or info."),
)

SECTIONS: dict[str, tuple[Field, ...]] = {
    "top level": TOP_LEVEL,
    "node": NODE,
    "link": LINK,
    "indicator": INDICATOR,
    "assumption": ASSUMPTION,
    "check": CHECK,
}


def field_names(section: tuple[Field, ...]) -> tuple[str, ...]:
    return tuple(f.name for f in section)
