"""nesting_bound is an upper bound on the real depth, however the file's lines are laid out."""

from __future__ import annotations

import pytest
import yaml

from toc.loading.nesting import _MAIN_THREAD_LEVELS, composed_depth, nesting_bound


def _depth(text: str) -> int:
    return composed_depth(yaml.compose(text, Loader=yaml.CSafeLoader), 10**9)[0]


_PADDING = "# " + "x" * _MAIN_THREAD_LEVELS + "\n"  # long enough that the bound is not the file's length

_LAYOUTS = {
    "short lines": _PADDING.replace("x" * _MAIN_THREAD_LEVELS, "x" * 300) * 8 + "a:\n  b:\n    c: [1, [2, [3]]]\n",
    "compact sequences on one short line": _PADDING[:300] + "\n" * 10 + "- " * 150 + "x\n" + "#\n" * 2000,
    # deeper than the short-line bound (800), on a line long enough that it must be measured
    "compact sequences on one long line": "#\n" + "- " * 900 + "x\n" + "#\n" * 200,
    "no newline at all": "[" * 600 + "]" * 600 + " # " + "x" * 2000,
    "one long line among short ones": "a:\n" + "  - " + "y" * 3000 + "\n" + "b: [c, {d: [e]}]\n",
    "deep block nesting": "".join(" " * (2 * level) + f"k{level}:\n" for level in range(700)) + " " * 1400 + "v: 1\n",
}


@pytest.mark.parametrize("layout", sorted(_LAYOUTS))
def test_the_bound_is_never_below_the_depth(layout):
    text = _LAYOUTS[layout]
    assert len(text) > _MAIN_THREAD_LEVELS
    assert nesting_bound(text) >= _depth(text)


def test_a_file_of_short_lines_gets_a_bound_under_the_default_depth_limit():
    # (so that a typical model is composed on the main thread and its tree is not walked again)
    text = "toc: 1\nnodes:\n" + "".join(f"  n{i}:\n    type: activity\n    leads_to: [n{i + 1}]\n" for i in range(500))
    assert nesting_bound(text) <= 1_000
