"""How each kind of node and link looks: one place for colours, shapes and line styles.

Colours come from the Okabe-Ito palette, which stays distinguishable with the
common colour-vision deficiencies; every type also has its own shape, so a
greyscale print still reads.
"""

from __future__ import annotations

from dataclasses import dataclass

from toc.model import Evidence, Stage, Status


@dataclass(frozen=True)
class NodeStyle:
    shape: str
    border: str
    fill: str
    name: str  # for the legend


NODE_STYLES = {
    Stage.CAUSE: NodeStyle("folder", "#7F3C1A", "#EFD9CC", Stage.CAUSE.title.capitalize()),
    Stage.NEED: NodeStyle("note", "#D55E00", "#FBE0CF", Stage.NEED.title.capitalize()),
    Stage.INPUT: NodeStyle("cylinder", "#7A7A7A", "#EDEDED", Stage.INPUT.title.capitalize()),
    Stage.ACTIVITY: NodeStyle("box", "#0072B2", "#D3E6F3", Stage.ACTIVITY.title.capitalize()),
    Stage.OUTPUT: NodeStyle("component", "#3A93C9", "#E4F3FB", Stage.OUTPUT.title.capitalize()),
    Stage.SHORT_TERM_OUTCOME: NodeStyle("box", "#009E73", "#E3F5EF", Stage.SHORT_TERM_OUTCOME.title.capitalize()),
    Stage.MEDIUM_TERM_OUTCOME: NodeStyle("box", "#009E73", "#C5EADD", Stage.MEDIUM_TERM_OUTCOME.title.capitalize()),
    Stage.LONG_TERM_OUTCOME: NodeStyle("box", "#007A59", "#A6DECB", Stage.LONG_TERM_OUTCOME.title.capitalize()),
    Stage.IMPACT: NodeStyle("doubleoctagon", "#B07A00", "#FBE6BD", Stage.IMPACT.title.capitalize()),
}
UNKNOWN_NODE = NodeStyle("box", "#555555", "#FFFFFF", "Unknown type")
# Boxes and links not yet agreed (format 1.1 `status:`): a dotted outline and the status in words,
# so the difference survives greyscale printing. Agreed (or no status) draws as before.
STATUS_WORDING = {Status.DRAFT: "draft", Status.IN_DEVELOPMENT: "in development"}
MECHANISM_COLOUR = "#5A3E8C"
# Outcomes get rounded corners so that box shapes of activities and outcomes differ.
ROUNDED = {Stage.SHORT_TERM_OUTCOME, Stage.MEDIUM_TERM_OUTCOME, Stage.LONG_TERM_OUTCOME}

COLUMN_TITLES = {stage: stage.column_title for stage in Stage}

UNMEASURED_COLOUR = "#C0392B"
FEEDBACK_COLOUR = "#CC79A7"
LINK_COLOUR = "#444444"
SEVERITY_COLOURS = {"error": "#C0392B", "warning": "#B07A00", "info": "#0072B2"}


@dataclass(frozen=True)
class LinkStyle:
    style: str
    penwidth: float
    colour: str
    name: str


LINK_STYLES = {
    Evidence.STRONG: LinkStyle("solid", 2.4, LINK_COLOUR, "strong evidence"),
    Evidence.MODERATE: LinkStyle("solid", 1.2, LINK_COLOUR, "moderate evidence"),
    Evidence.WEAK: LinkStyle("dashed", 1.2, LINK_COLOUR, "weak evidence"),
    Evidence.NONE: LinkStyle("dotted", 1.4, LINK_COLOUR, "no evidence"),
    None: LinkStyle("solid", 1.0, "#9A9A9A", "evidence not stated"),
}
FEEDBACK_LINK = LinkStyle("dashed", 1.6, FEEDBACK_COLOUR, "feedback loop")

# Landscape page sizes in inches, for --page.
PAGES = {"A4": (11.69, 8.27), "A3": (16.54, 11.69), "A2": (23.39, 16.54), "A1": (33.11, 23.39)}
