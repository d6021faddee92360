"""The workbook `toc export` writes and `toc import` reads back: its sheets and columns.

Both sides read this one table, so the workbook an officer edits is always one
toc can read back. Each column is a field of the format (docs/format.md), named
as the format names it; ``key`` columns say which box, link, indicator or
question a row is (a row's ids are how sheets refer to each other); ``choices``
become drop-down lists in the workbook and are checked on import.
"""

from __future__ import annotations

from dataclasses import dataclass

from toc import fields


@dataclass(frozen=True)
class Column:
    name: str
    width: int
    doc: str  # for the workbook's "How to edit" sheet and docs/import-export.md
    choices: tuple[str, ...] = ()
    kind: str = "text"  # text | id | ids (comma-separated) | value (a number or text) | yes
    required: bool = False


@dataclass(frozen=True)
class Sheet:
    name: str
    columns: tuple[Column, ...]
    doc: str

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns)

    def column(self, name: str) -> Column:
        return next(column for column in self.columns if column.name == name)


BOXES = Sheet("Boxes", (
    Column("id", 28, "The box's id: how the other sheets name it. Leave it empty on a new row to have one made "
                     "from the label.", kind="id"),
    Column("type", 11, "need, input, activity, output, outcome or impact.", fields.NODE_TYPES, required=True),
    Column("term", 9, "Outcomes only: short, medium or long.", fields.TERMS),
    Column("label", 50, "The words in the box.", required=True),
    Column("group", 20, "A strand, theme or partner agency."),
    Column("description", 50, "A longer explanation."),
), "One row per box. A row deleted here deletes the box (and its links must go from Links too).")

LINKS = Sheet("Links", (
    Column("from", 28, "The id of the box the link starts from.", kind="id", required=True),
    Column("to", 28, "The id of the box it leads to.", kind="id", required=True),
    Column("assumption", 50, "Why the link should hold, in a sentence."),
    Column("evidence", 11, "How strong the evidence is: none, weak, moderate or strong.", fields.EVIDENCE_LEVELS),
    Column("assumptions", 24, "Ids of shared assumptions the link rests on, separated by commas.", kind="ids"),
    Column("feedback", 10, "yes for a deliberate loop back to an earlier stage.", ("yes",), kind="yes"),
), "One row per link (from, to). A new row adds a link; a deleted row deletes it.")

INDICATORS = Sheet("Indicators", (
    Column("box", 28, "The id of the box the indicator measures.", kind="id", required=True),
    Column("id", 24, "The indicator's id, unique in the model. Leave it empty on a new row to have one made.",
           kind="id"),
    Column("measure", 44, "What is measured, in words.", required=True),
    Column("source", 30, "Where the data comes from."),
    Column("owner", 20, "Who collects or holds the data."),
    Column("frequency", 16, "How often it is collected."),
    Column("unit", 14, "The unit: families, %, score (0-40)."),
    Column("baseline", 14, "The starting value: a number or text.", kind="value"),
    Column("target", 14, "The value aimed for: a number or text.", kind="value"),
    Column("availability", 14, "collected, partner or not-collected.", fields.AVAILABILITY),
    Column("notes", 40, "Definitions and caveats."),
), "One row per indicator. Change the box to move an indicator to another box.")

QUESTIONS = Sheet("Questions", (
    Column("id", 10, "The question's id, unique among the questions.", kind="id", required=True),
    Column("kind", 10, "process, impact or economic.", fields.QUESTION_KINDS, required=True),
    Column("text", 60, "The question, in a sentence.", required=True),
    Column("boxes", 30, "Ids of the boxes it is about, separated by commas.", kind="ids"),
    Column("methods", 30, "Ids of the methods that will answer it, separated by commas.", kind="ids"),
    Column("owner", 20, "Who answers it."),
    Column("timing", 24, "When it is answered."),
), "The evaluation questions (the model's evaluation: section).")

SHEETS = (BOXES, LINKS, INDICATORS, QUESTIONS)
HELP_SHEET = "How to edit"


def _ids(references) -> str | None:
    return ", ".join(reference.id for reference in references) or None


def _value(value):
    """An enum as its word; everything else as it is."""
    return getattr(value, "value", value)


def box_rows(model) -> list[list]:
    return [[node_id, _value(node.type), _value(node.term), node.label, node.group, node.description]
            for node_id, node in model.nodes.items()]


def link_rows(model) -> list[list]:
    return [[link.source, link.target, link.assumption, _value(link.evidence), _ids(link.assumptions),
             "yes" if link.feedback else None] for link in model.links()]


def indicator_rows(model) -> list[list]:
    return [[node_id, indicator.id, indicator.measure, indicator.source, indicator.owner, indicator.frequency,
             indicator.unit, indicator.baseline, indicator.target, _value(indicator.availability), indicator.notes]
            for node_id, node in model.nodes.items() for indicator in node.indicators]


def question_rows(model) -> list[list]:
    questions = model.evaluation.questions if model.evaluation is not None else []
    return [[question.id, question.kind, question.text, _ids(question.nodes), _ids(question.methods),
             question.owner, question.timing] for question in questions]


def model_rows(model) -> dict[str, list[list]]:
    """Each sheet's rows (without the header) for a model, in the file's order: what `toc export`
    writes, and what `toc import` compares an edited workbook with."""
    return {BOXES.name: box_rows(model), LINKS.name: link_rows(model), INDICATORS.name: indicator_rows(model),
            QUESTIONS.name: question_rows(model)}
