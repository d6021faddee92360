"""The column headings workshops write on their walls, and the stage each one means.

Logic-model templates and theory-of-change workshops name their columns in many
ways (Inputs / Resources, Activities / What we do, Short-term outcomes / Early
outcomes / Immediate outcomes, Impact / Goal / Vision, Needs / Problems / Risk
factors...). A heading is compared without case, punctuation, numbering ("1.
Inputs", "Column 3 - Outputs") or a trailing explanation in brackets ("Outputs
(what we deliver)"). A heading not listed is never guessed: `toc import` reports it
(TOC901) with the nearest heading it knows.
"""

from __future__ import annotations

import re

from toc.model import Stage

# Every heading toc accepts, normalised (see ``normal_heading``), by stage.
_HEADINGS: dict[Stage, tuple[str, ...]] = {
    Stage.NEED: ("need", "needs", "problem", "problems", "the problem", "issue", "issues", "challenge",
                 "challenges", "risk factor", "risk factors", "context", "situation", "problem statement",
                 "needs and problems", "needs problems", "problems needs", "what is the problem",
                 "why", "local need", "local needs", "rationale", "presenting needs"),
    Stage.INPUT: ("input", "inputs", "resource", "resources", "investment", "investments", "what we invest",
                  "funding", "what we put in"),
    Stage.ACTIVITY: ("activity", "activities", "what we do", "action", "actions", "intervention",
                     "interventions", "services", "strategies", "delivery", "programme", "programmes"),
    Stage.OUTPUT: ("output", "outputs", "what we produce", "what we deliver", "deliverables", "products",
                   "reach", "participation", "who we reach"),
    Stage.SHORT_TERM_OUTCOME: ("short term outcome", "short term outcomes", "short term", "shortterm",
                               "shortterm outcomes", "short", "immediate outcome", "immediate outcomes",
                               "early outcome", "early outcomes", "initial outcomes", "short term changes",
                               "outcomes short term", "outcome short term", "outcomes short", "outcome short"),
    Stage.MEDIUM_TERM_OUTCOME: ("medium term outcome", "medium term outcomes", "medium term", "mediumterm",
                                "medium", "intermediate outcome", "intermediate outcomes", "intermediate",
                                "medium term changes", "outcomes medium term", "outcome medium term",
                                "outcomes medium", "outcome medium", "mid term outcomes", "mid term"),
    Stage.LONG_TERM_OUTCOME: ("long term outcome", "long term outcomes", "long term", "longterm", "long",
                              "longer term outcomes", "longer term", "long term changes", "outcomes long term",
                              "outcome long term", "outcomes long", "outcome long", "final outcomes"),
    Stage.IMPACT: ("impact", "impacts", "goal", "goals", "vision", "aim", "aims", "ultimate goal",
                   "ultimate outcome", "ultimate outcomes", "long term impact", "overall aim", "mission"),
}

STAGE_OF_HEADING: dict[str, Stage] = {heading: stage for stage, headings in _HEADINGS.items()
                                      for heading in headings}
# Written in toc's own words on every finding's hint: the column titles of toc's diagrams.
KNOWN_HEADINGS = tuple(stage.column_title for stage in Stage)
# "Outcomes" alone names no term; toc's outcomes need one (TOC005), so it is asked for.
TERMLESS = frozenset({"outcome", "outcomes", "changes", "results", "benefits"})

_NUMBERING = re.compile(r"^(?:column|col|stage|step|row|lane)?\s*(?:\d+|[ivx]+|[a-h])\s*[.):\-–]\s*", re.I)
_ALTERNATIVES = re.compile(r"\s*(?:[/|&,+]|\bor\b|\band\b)\s*", re.I)
_BRACKETED = re.compile(r"\s*[(\[].*?[)\]]\s*")


def normal_heading(text: str, brackets: bool = False) -> str:
    """Lower case, words only: "2. Short-Term Outcomes (0-6 months)" -> "short term outcomes";
    with ``brackets``, the words in brackets are kept ("Outcomes (short term)")."""
    text = _NUMBERING.sub("", text.strip())
    if not brackets:
        text = _BRACKETED.sub(" ", text)
    words = re.findall(r"[^\W_]+", text.casefold())
    return " ".join(words)


def stage_of(heading: str) -> Stage | None:
    """The stage a heading names, or None when it is not one toc knows. "Impact / Goal" and
    "Needs or problems" name one stage in two words: every part must name the same one."""
    found = STAGE_OF_HEADING.get(normal_heading(heading, brackets=True))
    if found is None:
        found = STAGE_OF_HEADING.get(normal_heading(heading))
    if found is None and _ALTERNATIVES.search(heading):
        stages = {STAGE_OF_HEADING.get(normal_heading(part)) for part in _ALTERNATIVES.split(heading)
                  if part.strip()}
        found = stages.pop() if len(stages) == 1 else None
    return found


def names_no_term(heading: str) -> bool:
    """"Outcomes" alone: an outcome column whose term (short, medium, long) is not said."""
    return normal_heading(heading) in TERMLESS


def nearest_heading(heading: str) -> str | None:
    """The known heading (in toc's wording) a misspelt one most likely meant, for a hint."""
    import difflib

    normal = normal_heading(heading)
    if not normal or len(normal) > 60:
        return None
    match = difflib.get_close_matches(normal, [*STAGE_OF_HEADING, *TERMLESS], n=1, cutoff=0.75)
    if not match:
        return None
    return STAGE_OF_HEADING[match[0]].column_title if match[0] in STAGE_OF_HEADING else "Outcomes"
