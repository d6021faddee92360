"""Long runs of random edits on the real examples: each result loads, keeps every comment the edit
did not take away, and never falls back to ruamel.yaml's printing of the whole file."""

from __future__ import annotations

import collections
import random

import pytest

import toc.editing.files as files
from toc.checker import check_text
from toc.editing import (EditError, add_indicator, add_link, add_node, delete_indicator, delete_link, delete_node,
                         edit_text, set_indicator, set_link, set_node_field)

HOSTILE = ["yes", "No", "on", "0x1F", "012", "1e3", "null", "~", "true", "12:30", "2024-01-01", ".inf",
           "=SUM(A1)", "- item", "# hash", "a # b", "key: value", "'q\"", "{x}", "[x]", "*x", "&x", "!x", "%x",
           "@x", "`x`", "\x1b[31mred", "\u202eevil", "a\nb", "tab\there", "\u2028sep", "ünïcödé", "x" * 300]


def comments(text: str) -> collections.Counter:
    return collections.Counter(line.strip() for line in text.splitlines() if line.lstrip().startswith("#"))


def random_edit(rng: random.Random, model, step: int):
    """One edit of a random kind on random boxes, as (name, change), or None when it does not apply."""
    ids = list(model.nodes)
    first, second = rng.choice(ids), rng.choice(ids)
    links = model.nodes[first].links
    indicators = model.nodes[first].indicators
    kind = rng.choice(["add", "label", "delete", "link", "unlink", "relink", "indicator", "target", "unmeasure"])
    if kind == "add":
        kind_of_box = rng.choice(["need", "activity", "output", "outcome", "impact"])
        return kind, lambda d: add_node(d, f"New box {step}", kind_of_box, "medium" if kind_of_box == "outcome" else None)
    if kind == "label":
        return kind, lambda d: set_node_field(d, first, "label", rng.choice(HOSTILE))
    if kind == "delete":
        return kind, lambda d: delete_node(d, first)
    if kind == "link":
        return kind, lambda d: add_link(d, first, second, rng.choice([None, "Because."]), rng.choice([None, "weak"]))
    if kind == "indicator":
        return kind, lambda d: add_indicator(d, first, f"Measure {step}", target=str(step))
    if kind in ("unlink", "relink") and links:
        target = links[0].target
        if kind == "unlink":
            return kind, lambda d: delete_link(d, first, target)
        return kind, lambda d: set_link(d, first, target, "assumption", f"Reason {step}")
    if kind in ("target", "unmeasure") and indicators:
        indicator = indicators[0].id
        if kind == "target":
            return kind, lambda d: set_indicator(d, first, indicator, "target", str(step))
        return kind, lambda d: delete_indicator(d, first, indicator)
    return None


@pytest.mark.parametrize("name, seed", [("east-midlands", 2), ("wirral", 3), ("kirklees", 4)])
def test_random_edit_sequences_keep_the_file_whole(examples_dir, monkeypatch, name, seed):
    def no_fallback(before, after):
        raise AssertionError("an edit fell back to ruamel.yaml's printing of the whole file")

    monkeypatch.setattr(files, "_keeps_comments", no_fallback)
    rng = random.Random(seed)
    text = (examples_dir / f"{name}.toc.yaml").read_text()
    made = 0
    for step in range(30):
        edit = random_edit(rng, check_text(text).model, step)
        if edit is None:
            continue
        kind, change = edit
        try:
            new, _ = edit_text(text, change)
        except EditError:
            continue  # e.g. a link that exists already: refused, nothing changed
        report = check_text(new)
        assert report.model is not None, (step, kind)
        assert not [f for f in report.findings if f.code in ("TOC001", "TOC002", "TOC006")], (step, kind)
        if kind != "delete":
            assert not comments(text) - comments(new), (step, kind)
        text = new
        made += 1
    assert made >= 15


@pytest.mark.parametrize("value", HOSTILE)
def test_any_label_reads_back_exactly_as_typed(value):
    base = "toc: 1\nnodes:\n  a:\n    type: activity\n    label: A\n"
    new, _ = edit_text(base, lambda d: set_node_field(d, "a", "label", value))
    assert check_text(new).model.nodes["a"].label == value.strip()  # (the form's spaces are trimmed)
