"""Rendering a ``toc.diff.ModelDiff`` as text (optionally coloured), Markdown or JSON. Pure."""

from __future__ import annotations

import dataclasses
import difflib
import json
import math

from toc.diff import Change, ModelDiff
from toc.renderers.escape import markdown_text, terminal_text

_SIGN = {"added": "+", "introduced": "+", "removed": "-", "resolved": "-", "renamed": ">", "changed": "~",
         "moved": ">"}
_COLOUR = {"+": "\033[32m", "-": "\033[31m", ">": "\033[33m", "~": "\033[33m"}
_RESET = "\033[0m"


def _value(value) -> str:
    if value is None or value == []:
        return "(none)"
    if isinstance(value, list):
        return "[" + ", ".join(str(item) for item in value) + "]"
    if isinstance(value, str):
        return f'"{value}"' if " " in value or not value else value
    if isinstance(value, bool):
        return "true" if value else "false"  # as the file writes it
    return str(value)  # a number; inf and nan as such


def _change_text(change: Change, changed: bool = True) -> str:
    """One field's change. For a changed item a missing side shows as (none); for an added or
    removed item (``changed=False``) only what it said is shown."""
    if changed and (change.old is None or change.new is None):
        old = _value(change.old) if change.old is not None else "(none)"
        new = _value(change.new) if change.new is not None else "(none)"
        return f"{change.field}: {old} -> {new}"
    if isinstance(change.old, str) and isinstance(change.new, str) and max(len(change.old), len(change.new)) > 80:
        return f"{change.field}: {_word_diff(change.old, change.new)}"
    if change.old is None:
        return f"{change.field}: {_value(change.new)}"
    if change.new is None:  # what a removed link or box said
        return f"{change.field}: {_value(change.old)}"
    return f"{change.field}: {_value(change.old)} -> {_value(change.new)}"


def _word_diff(old: str, new: str) -> str:
    """Long text as words kept, [-removed-] and {+added+}, the way `git diff --word-diff` shows it."""
    old_words, new_words = old.split(), new.split()
    parts = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False).get_opcodes():
        if tag == "equal":
            kept = old_words[i1:i2]
            parts.append(" ".join(kept) if len(kept) <= 8 else " ".join(kept[:3] + ["..."] + kept[-3:]))
            continue
        if i2 > i1:
            parts.append("[-" + " ".join(old_words[i1:i2]) + "-]")
        if j2 > j1:
            parts.append("{+" + " ".join(new_words[j1:j2]) + "+}")
    return " ".join(parts)


_NOUNS = {"nodes": ("box", "boxes"), "links": ("link", "links"), "indicators": ("indicator", "indicators"),
          "assumptions": ("assumption", "assumptions"), "findings": ("finding", "findings"),
          "figures": ("figure", "figures"), "levels": ("pathway level", "pathway levels"),
          "populations": ("pathway population", "pathway populations"),
          "questions": ("evaluation question", "evaluation questions"), "methods": ("method", "methods"),
          "measures": ("measure", "measures"), "evaluation fields": ("evaluation field", "evaluation fields"),
          "check settings": ("check setting", "check settings"),
          "mechanisms": ("mechanism of change", "mechanisms of change")}

# Sections that are a record's own fields: one line per changed field, no headline.
_FIELD_SECTIONS = ("Model", "Evaluation plan", "Settings for toc check")


def _entries(items, headline):
    return [(item.kind, headline(item), [_change_text(c, item.kind in ("changed", "moved")) for c in item.changes])
            for item in items]


def _sections(diff: ModelDiff):
    """(title, [(sign, kind, headline, [detail lines])]) for each non-empty section."""
    boxes = []
    for item in diff.nodes:
        if item.kind == "renamed":
            headline = f'{item.stage} "{item.old_id}" is now "{item.id}": {item.label}'
        else:
            headline = f'{item.stage} "{item.id}": {item.label}'
        boxes.append((item.kind, headline, [_change_text(c, item.kind == "changed") for c in item.changes]))
    links = [(item.kind, f'"{item.source}" -> "{item.target}"',
              [_change_text(c, item.kind == "changed") for c in item.changes]) for item in diff.links]
    indicators = [(item.kind, f'"{item.id}" on "{item.node}": {item.measure or "(no measure)"}',
                   [_change_text(c, item.kind == "changed") for c in item.changes]) for item in diff.indicators]
    assumptions = [(item.kind, f'"{item.id}": {item.label}', [_change_text(c, item.kind == "changed")
                                                              for c in item.changes])
                   for item in diff.assumptions]
    findings = [(item.kind, f"{item.severity} {item.code} {item.name}: {item.message}", [])
                for item in diff.findings]

    def fields(changes):
        return [("changed", change.field, [_change_text(change)]) for change in changes]

    def named(item):
        return f'"{item.id}": {item.label or "(no name)"}'

    for title, items in (
        ("Model", fields(diff.model)),
        ("Boxes (nodes)", boxes),
        ("Links", links),
        ("Indicators", indicators),
        ("Figures (needs assessment)", _entries(
            diff.figures, lambda item: f'"{item.id}" on "{item.node}": {item.label or "(no measure)"}')),
        ("Shared assumptions", assumptions),
        ("Mechanisms of change", _entries(diff.mechanisms, named)),
        ("Pathway levels", _entries(diff.levels, named)),
        ("Pathway populations", _entries(diff.populations, named)),
        ("Evaluation plan", fields(diff.evaluation)),
        ("Evaluation questions", _entries(diff.questions, named)),
        ("Methods (the model's own catalogue)", _entries(diff.methods, named)),
        ("Measures (the model's own catalogue)", _entries(diff.measures, named)),
        ("Settings for toc check", fields(diff.check)),
        ("Findings of toc check", findings),
    ):
        if items:
            yield title, items


def summary(diff: ModelDiff) -> str:
    counts = diff.counts()
    if diff.is_empty:
        return "no changes in meaning"
    if not counts:
        return "only model details changed"
    words = []
    for name, count in counts.items():
        section, kind = name.rsplit(" ", 1)  # "evaluation fields changed": the kind is one word
        singular, plural = _NOUNS[section]
        words.append(f"{count} {singular if count == 1 else plural} {kind}")
    return ", ".join(words)


def render_text(diff: ModelDiff, colour: bool = False) -> str:
    def paint(sign: str, text: str) -> str:
        return f"{_COLOUR[sign]}{text}{_RESET}" if colour else text

    lines = [f"toc diff {terminal_text(diff.old_name)} -> {terminal_text(diff.new_name)}"]
    for title, items in _sections(diff):
        lines += ["", title]
        for kind, headline, details in items:
            sign = _SIGN[kind]
            if title in _FIELD_SECTIONS:
                lines.append(paint(sign, f"  {sign} {terminal_text(details[0])}"))
                continue
            lines.append(paint(sign, f"  {sign} {kind:<10} {terminal_text(headline)}"))
            lines += [f"      {terminal_text(detail)}" for detail in details]
    lines += ["", f"summary: {summary(diff)}"]
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return markdown_text(text, starts_line=False)


def render_markdown(diff: ModelDiff) -> str:
    lines = [f"## Changes from {_cell(diff.old_name)} to {_cell(diff.new_name)}", "",
             f"**Summary:** {_cell(summary(diff))}"]
    for title, items in _sections(diff):
        lines += ["", f"### {title}", "", "| change | what | details |", "|---|---|---|"]
        for kind, headline, details in items:
            if title in _FIELD_SECTIONS:
                lines.append(f"| {kind} | {_cell(headline)} | {_cell(details[0])} |")
            else:
                lines.append(f"| {kind} | {_cell(headline)} | {_cell('; '.join(details))} |")
    return "\n".join(lines) + "\n"


def render_json(diff: ModelDiff) -> str:
    document = _finite(dataclasses.asdict(diff))
    document["summary"] = diff.counts()
    # allow_nan=False: JSON has no Infinity or NaN (most parsers reject them); _finite has
    # already written such numbers as strings, so this only guards against a regression.
    return json.dumps(document, indent=2, ensure_ascii=False, default=str, allow_nan=False) + "\n"


def _finite(value):
    """``value`` with every infinite or NaN number as the string "inf", "-inf" or "nan"
    (YAML's .inf and .nan), which a JSON parser reads. Documented in docs/json-output.md."""
    if isinstance(value, float) and not math.isfinite(value):
        return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(item) for item in value]
    return value


FORMATS = {"text": render_text, "markdown": render_markdown, "json": render_json}
