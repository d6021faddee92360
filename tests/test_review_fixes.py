"""Cases found by trying toc as a new user would: each once led to a wrong or missing finding."""

from __future__ import annotations

import os

import pytest

from conftest import located
from toc.cli import main


def run(capsys, *argv):
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_a_file_that_does_not_load_always_fails(capsys, tmp_path):
    broken = tmp_path / "broken.toc.yaml"
    broken.write_text("toc: 1\nnodes:\n  a:\n    label: Outcome: better relationships\n")
    code, out, _ = run(capsys, "check", "--select", "TOC3", "--ignore", "TOC001", str(broken))
    assert code == 1 and "TOC001" in out


def test_check_section_cannot_hide_the_loader_from_itself(capsys, tmp_path):
    model = tmp_path / "m.toc.yaml"
    model.write_text("toc: 1\ncheck: {ignore: [TOC0]}\nnodes:\n  a: {type: activty, label: A}\n")
    code, _, _ = run(capsys, "check", str(model))
    # TOC004 may be ignored on purpose; the file still loads, so this is the user's choice.
    assert code == 0


def test_node_with_a_bad_id_is_still_read():
    text = "toc: 1\nnodes:\n  parent training:\n    type: activty\n    lable: x\n"
    codes = [code for code, *_ in located(text)]
    assert codes.count("TOC004") == 2 and "TOC003" in codes


def test_links_to_unknown_ids_are_not_isolated():
    text = "toc: 1\nnodes:\n  a: {type: activity, label: A, leads_to: [bb]}\n  b: {type: impact, label: B}\n"
    codes = [code for code, *_ in located(text)]
    assert "TOC101" in codes and ("TOC201", 3, 3) not in located(text)


def test_forward_feedback_is_reported_once_and_the_link_still_counts():
    text = """\
toc: 1
nodes:
  a: {type: activity, label: A, leads_to: [{to: b, feedback: true}]}
  b: {type: impact, label: B, indicators: [{id: i, source: s, baseline: 0, target: 1}]}
"""
    codes = {code for code, *_ in located(text)}
    assert "TOC210" in codes and not codes & {"TOC202", "TOC203", "TOC204"}


def test_second_loop_in_a_tangle_is_still_reported():
    text = """\
toc: 1
nodes:
  a: {type: activity, label: A, leads_to: [b]}
  b: {type: outcome, term: short, label: B, leads_to: [c]}
  c: {type: outcome, term: medium, label: C, leads_to: [b, d]}
  d: {type: outcome, term: long, label: D, leads_to: [b]}
"""
    assert located(text, "TOC208") == [("TOC208", 4, 56)]
    assert located(text, "TOC207") == [("TOC207", 6, 55)]


def test_unclosed_quote_points_where_it_opened():
    assert located('toc: 1\nnodes:\n  a:\n    type: impact\n    label: "unclosed\n\n') == [("TOC001", 5, 12)]


def test_directory_scan_skips_fifos(capsys, tmp_path):
    os.mkfifo(tmp_path / "pipe.toc.yaml")
    (tmp_path / "ok.toc.yaml").write_text("toc: 1\nnodes:\n  a: {type: impact, label: A}\n")
    code, out, _ = run(capsys, "check", str(tmp_path))
    assert code == 0 and out.endswith("in 1 file\n")


def test_select_by_rule_name(capsys, tmp_path):
    model = tmp_path / "m.toc.yaml"
    model.write_text("toc: 1\nnodes:\n  a: {type: activity, label: A, leads_to: [b]}\n  b: {type: output, label: B}\n")
    code, out, _ = run(capsys, "check", "--select", "dead-end", "--format", "json", str(model))
    assert '"code": "TOC202"' in out and "TOC205" not in out


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_full_disk_is_a_clear_error(tmp_path):
    import subprocess
    import sys

    result = subprocess.run(f"{sys.executable} -m toc rules > /dev/full", shell=True, capture_output=True, text=True)
    assert result.returncode == 2 and "cannot write output" in result.stderr and "bug" not in result.stderr
