"""Located loading: a model file to a typed ``Model`` plus findings about the file.

The fast path for check, render and spec: libyaml composes located nodes, the
builder types them. Comment-preserving round-trip loading (ruamel.yaml) is only
for commands that edit files.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from toc.findings import Finding
from toc.gc_pause import collector_paused
from toc.limits import Limits
from toc.loading.build import ModelBuilder
from toc.loading.lines import EditorLines, needs_editor_lines
from toc.loading.nesting import READER_MAX_DEPTH, composed_depth
from toc.loading.parse import compose
from toc.loading.source import UnreadableInput, decode, read_bytes
from toc.model import Location, Model
from toc.rules import limit_exceeded

__all__ = ["LoadResult", "UnreadableInput", "load_file", "load_text"]


@dataclass
class LoadResult:
    path: str
    model: Model | None
    findings: list[Finding] = field(default_factory=list)


def load_file(path: str, limits: Limits | None = None) -> LoadResult:
    """Read and load one model file. Raises ``UnreadableInput`` for unusable paths."""
    limits = limits or Limits.from_environment()
    data = read_bytes(path, limits)
    if isinstance(data, Finding):
        return LoadResult(path, None, [data])
    text = decode(data, path)
    if isinstance(text, Finding):
        return LoadResult(path, None, [text])
    return load_text(text, path, limits)


def load_text(text: str, path: str = "<model>", limits: Limits | None = None) -> LoadResult:
    """Load a model from text (tests and tools that already hold the text)."""
    from toc.rules import RULES  # the registry knows which codes `check:` may name

    limits = limits or Limits()
    with collector_paused():
        root = _compose_within_depth(text, path, limits)
        if isinstance(root, Finding):
            return LoadResult(path, None, [root])
        builder = ModelBuilder(path, limits, RULES.keys())
        if needs_editor_lines(text):
            builder.editor_lines = EditorLines(text, path)
        builder.aliases_possible = "*" in text
        model = builder.build(root)
        findings = builder.findings
        if model is not None and model.catalogues:
            findings += _read_catalogues(model, limits)
    return LoadResult(path, model, findings)


def _read_catalogues(model: Model, limits: Limits) -> list[Finding]:
    """Read the catalogue files the model names (relative to the model file) into it."""
    from toc.evaluation.catalogue import load_catalogue_text
    from toc.rules import invalid_value

    findings: list[Finding] = []
    base = os.path.dirname(model.path) if model.path not in ("<model>", "-") else ""
    for reference in model.catalogues:
        path = os.path.join(base, reference.id)
        try:
            data = read_bytes(path, limits)
        except UnreadableInput as error:
            findings.append(invalid_value.RULE.finding(
                f"catalogue {error}", reference.location,
                hint="catalogue paths are relative to the model file; see docs/format.md#catalogue-files"))
            continue
        text = data if isinstance(data, Finding) else decode(data, path)
        if isinstance(text, Finding):
            findings.append(text)
            continue
        loaded = load_catalogue_text(text, path, limits)
        findings += loaded.findings
        model.catalogue_methods.update(loaded.methods)
        model.catalogue_measures.update(loaded.measures)
    return findings


def _compose_within_depth(text: str, path: str, limits: Limits):
    """``compose``, refusing nesting deeper than ``limits.max_depth`` (TOC006).

    The reader itself refuses nesting past ``READER_MAX_DEPTH`` (see toc.loading.nesting),
    so the composed tree is measured only when a lower limit was asked for.
    """
    root = compose(text, path)
    if limits.max_depth < READER_MAX_DEPTH and root is not None and not isinstance(root, Finding):
        depth, mark = composed_depth(root, limits.max_depth)
        if depth > limits.max_depth:
            return _too_deep(text, path, mark, limits)
    return root


def _too_deep(text: str, path: str, mark, limits: Limits) -> Finding:
    location = EditorLines(text, path).location(mark.index) if mark else Location(path, 1, 1)
    return limit_exceeded.RULE.finding(
        f"lists and mappings nested more than {limits.max_depth} levels deep", location,
        hint="a model nests a few levels; raise TOC_MAX_DEPTH only if the file is genuine")
