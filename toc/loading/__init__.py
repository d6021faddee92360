"""Located loading: a model file to a typed ``Model`` plus findings about the file.

The fast path for check, render and spec: libyaml composes located nodes, the
builder types them. Commands that edit files (toc fmt) work on the text itself,
so that every comment and byte they do not mean to change stays as written.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field

from toc.findings import Finding
from toc.limits import Limits
from toc.loading.actuals import read_actuals
from toc.loading.build import ModelBuilder
from toc.loading.catalogue_files import read_catalogues
from toc.loading.lines import EditorLines, needs_editor_lines
from toc.loading.nesting import READER_MAX_DEPTH, composed_depth
from toc.loading.parse import compose
from toc.loading.partial import MOST_PARTS_LISTED, compose_parts, partial_note
from toc.loading.source import UnreadableInput, decode, read_bytes, read_stream
from toc.model import Location, Model
from toc import suggest
from toc.loading.finding_kinds import INVALID_VALUE, LIMIT_EXCEEDED, YAML_SYNTAX

__all__ = ["LoadResult", "UnreadableInput", "load_file", "load_stream", "load_text"]


@dataclass
class LoadResult:
    path: str
    model: Model | None
    findings: list[Finding] = field(default_factory=list)
    # After a syntax error, the model of the parts of the file that do read (toc.loading.partial):
    # for checking those parts only; ``model`` stays None, so no command draws or writes from it.
    partial: Model | None = None
    # Findings about lines read as they were meant, not as YAML reads them (ModelBuilder.read_as_meant).
    read_as_meant: list[Finding] = field(default_factory=list)


def load_file(path: str, limits: Limits | None = None, known_codes: Iterable[str] | None = None,
              actuals: tuple[str, ...] = ()) -> LoadResult:
    """Read and load one model file. Raises ``UnreadableInput`` for unusable paths.

    ``known_codes`` are the rule codes the model's ``ignore:`` lists may name (the
    checker hands them in); without them a code is checked only for its form.
    """
    limits = limits or Limits.from_environment()
    data = read_bytes(path, limits)
    if isinstance(data, Finding):
        return LoadResult(path, None, [data])
    text = decode(data, path)
    if isinstance(text, Finding):
        return LoadResult(path, None, [text])
    return load_text(text, path, limits, known_codes, actuals=actuals)


def load_stream(stream, path: str, limits: Limits | None = None, known_codes: Iterable[str] | None = None,
                catalogue_dir: str = "") -> LoadResult:
    """Read and load a model from an open binary stream (`toc check -`); ``path`` is the name
    its findings carry, ``catalogue_dir`` as for ``load_text``."""
    limits = limits or Limits.from_environment()
    data = read_stream(stream, path, limits)
    if isinstance(data, Finding):
        return LoadResult(path, None, [data])
    text = decode(data, path)
    if isinstance(text, Finding):
        return LoadResult(path, None, [text])
    return load_text(text, path, limits, known_codes, catalogue_dir)


def load_text(text: str, path: str = "<model>", limits: Limits | None = None,
              known_codes: Iterable[str] | None = None, catalogue_dir: str | None = "",
              actuals: tuple[str, ...] = ()) -> LoadResult:
    """Load a model from text (tests and tools that already hold the text).

    ``catalogue_dir`` is the folder the model's `catalogues:` paths are relative to:
    by default the folder of ``path``, and so are the actuals files its `monitoring:`
    names; ``actuals`` are more actuals files, read after those (`toc monitor
    --actuals`). None reads no catalogue or actuals files (toc fmt, which only
    compares what the model itself says).
    """
    limits = limits or Limits()
    suggest.new_model()
    too_many = _too_many_values(text, path, limits)
    if too_many is not None:
        return LoadResult(path, None, [too_many])
    root = _compose_within_depth(text, path, limits)
    if isinstance(root, Finding):
        if root.code == YAML_SYNTAX.code and not needs_editor_lines(text):
            return _load_parts(text, path, limits, known_codes, catalogue_dir, root)
        return LoadResult(path, None, [root])
    builder = ModelBuilder(path, limits, known_codes)
    if needs_editor_lines(text):
        builder.editor_lines = EditorLines(text, path)
    model = builder.build(root)
    findings = builder.findings
    if model is not None and model.catalogues and catalogue_dir is not None:
        findings += read_catalogues(model, limits, catalogue_dir or _folder_of(path))
    if model is not None and catalogue_dir is not None and (actuals or (model.monitoring and model.monitoring.actuals)):
        findings += read_actuals(model, limits, catalogue_dir or _folder_of(path), actuals)
    return LoadResult(path, model, findings, read_as_meant=builder.read_as_meant)


def _load_parts(text: str, path: str, limits: Limits, known_codes, catalogue_dir, error: Finding) -> LoadResult:
    """After a syntax error: the error, and what the blocks of the file that do read hold."""
    parts = compose_parts(text, path, error.location.line)
    if parts is None:
        return LoadResult(path, None, [error])
    if limits.max_depth < READER_MAX_DEPTH and composed_depth(parts.root, limits.max_depth)[0] > limits.max_depth:
        return LoadResult(path, None, [error])
    # The first error is libyaml's for the whole file; each other block that does not read has its own.
    findings = [error._replace(related=error.related + partial_note(parts.missing, path))]
    findings += parts.errors[:MOST_PARTS_LISTED]  # each has its own; past that, the note counts them
    builder = ModelBuilder(path, limits, known_codes)
    builder.partial = True
    model = builder.build(parts.root)
    findings += builder.findings
    if model is not None and model.catalogues and catalogue_dir is not None:
        findings += read_catalogues(model, limits, catalogue_dir or _folder_of(path))
    return LoadResult(path, None, findings, partial=model)


def _folder_of(path: str) -> str:
    return "" if path in ("<model>", "-") else os.path.dirname(path)


# Composing costs a few hundred bytes of memory per value, however short the value is
# written: a file of one-character values under the size limit would need gigabytes.
# A realistic model has about 16 lines per node (benchmarks/generate.py: 50,000 nodes
# in 800,000 lines), so a bound of 10 lines or commas per allowed node never refuses one.
VALUES_PER_NODE = 10


def _too_many_values(text: str, path: str, limits: Limits) -> Finding | None:
    """A TOC006 finding, before composing, for a file with more values than any model has.

    Every value but the first on a line is after a comma (flow style), so lines plus
    commas bound the values from above, counted at C speed.
    """
    bound = limits.max_nodes * VALUES_PER_NODE
    estimate = text.count("\n") + text.count(",")
    if estimate <= bound:
        return None
    return LIMIT_EXCEEDED.finding(
        f"about {estimate:,} values (lines and commas), more than {bound:,} "
        f"({VALUES_PER_NODE} for each of the {limits.max_nodes:,} nodes allowed)", Location(path, 1, 1),
        hint="a model has a few lines per node; raise TOC_MAX_NODES if the file is genuine")


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
    return LIMIT_EXCEEDED.finding(
        f"lists and mappings nested more than {limits.max_depth} levels deep", location,
        hint="a model nests a few levels; raise TOC_MAX_DEPTH only if the file is genuine")
