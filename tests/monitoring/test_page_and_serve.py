"""The workshop page's panel shows each indicator's status and trend; `toc serve` redraws when the
actuals change, as it does when the model changes."""

from __future__ import annotations

import os
import shutil

import pytest

from monitoring_support import write
from toc.checker import check_file
from toc.renderers.html.panel import page_data


def _section(data, node_id):
    node = next(node for node in data["nodes"] if node["id"] == node_id)
    return next((section for section in node["sections"] if section["id"] == "monitoring"), None)


def test_the_panel_shows_each_indicators_status_and_trend(tmp_path):
    path = write(tmp_path, "indicator,period,value\nsessions-held,2025-Q1,10\nsessions-held,2025-Q2,21\n"
                           "sdq-total,2025-Q1,17.9\n")
    data = page_data(check_file(path).model)
    fields = dict(_section(data, "sessions")["items"][0]["fields"])
    assert fields == {"Status": "On track (green)", "Latest": "21 (2025-Q2)", "Expected then": "20",
                      "Trend": "2025-Q1: 10 (expected 10); 2025-Q2: 21 (expected 20)"}
    assert dict(_section(data, "calmer")["items"][0]["fields"])["Status"] == \
        "Off track (red), stale: a period's figure is missing"  # its 2025-Q2 figure is not in
    assert _section(data, "course") is None  # no indicators: no progress section


def test_a_model_without_monitoring_has_no_progress_section(tmp_path):
    path = tmp_path / "m.toc.yaml"
    path.write_text("toc: 1\nnodes:\n  a: {type: output, label: A, indicators: [{id: i}]}\n")
    assert _section(page_data(check_file(str(path)).model), "a") is None


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz `dot` is not installed")
def test_serve_redraws_when_the_actuals_are_saved(tmp_path):
    from toc.serving import LivePage

    path = write(tmp_path, "indicator,period,value\nsessions-held,2025-Q1,10\n")
    page = LivePage(path)
    first = page.refresh()
    assert page.refresh() == first  # nothing changed
    assert "Q2 figure" not in page.html
    actuals = tmp_path / "actuals.csv"
    actuals.write_text("indicator,period,value,note\nsessions-held,2025-Q1,10,\nsessions-held,2025-Q2,2,Q2 figure\n")
    stat = actuals.stat()
    os.utime(actuals, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    second = page.refresh()
    assert second == first + 1
    assert "2025-Q2: 2 (expected 20)" in page.html
