"""Hostile and odd inputs: each ends in findings or one `toc: error:` line, never a crash.

Files that could crash or exhaust the interpreter run in a subprocess under
resource limits (address space and CPU time), so a regression fails this test
instead of killing pytest. Covered elsewhere and not repeated here: invalid
UTF-8, a byte-order mark and UTF-16 (rules/test_toc001_yaml_syntax.py), random
binary data and a FIFO (test_cli.py), the in-process alias bomb
(rules/test_toc006_limit_exceeded.py).
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys

import pytest

from conftest import check
from toc.checker import check_text
from toc.cli import main

MEMORY_LIMIT = 3 * 1024**3  # address space: the composer's thread reserves up to 256 MB of stack
CPU_SECONDS = 60


def _bounded():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS))


def run_toc(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """`python -m toc ARGS` with bounded memory and CPU time."""
    result = subprocess.run([sys.executable, "-m", "toc", *args], capture_output=True, text=True,
                            preexec_fn=_bounded, timeout=5 * CPU_SECONDS, env={**os.environ, **(env or {})})
    assert result.returncode in (0, 1, 2), f"crashed with {result.returncode}: {result.stderr[-500:]}"
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    if result.returncode == 2:
        assert result.stderr.count("\n") == 1 and result.stderr.startswith("toc: error: "), result.stderr
    return result


def findings_of(path) -> list[tuple[str, int, int]]:
    result = run_toc("check", "--format", "json", str(path))
    assert result.returncode == 1, result.stderr
    return [(f["code"], f["line"], f["column"]) for f in json.loads(result.stdout)["findings"]]


@pytest.mark.parametrize("name, text, expected", [
    ("flow", "toc: 1\nnodes: " + "[" * 10_000 + "]" * 10_000 + "\n", [("TOC006", 2, 1007)]),
    # 10,000 levels of block indentation would be a 50 MB file: TOC006 for its size.
    ("block mapping", "toc: 1\nnodes:\n" + "".join(" " * (i + 1) + f"k{i}:\n" for i in range(3_000)),
     [("TOC006", 1001, 1004)]),
    ("compact lists", "toc: 1\nnodes:\n  " + "- " * 100_000 + "x\n", [("TOC006", 3, 1999)]),
    # The root mapping and 1,000 brackets: one level more than the reader accepts.
    ("one level too deep", "toc: 1\nnodes: " + "[" * 1_000 + "]" * 1_000 + "\n", [("TOC006", 2, 1007)]),
    ("one million brackets", "toc: 1\nnodes: " + "[" * 1_000_000 + "\n", [("TOC006", 2, 1007)]),
])
def test_deep_nesting_is_a_limit_finding_not_a_crash(tmp_path, name, text, expected):
    path = tmp_path / "deep.toc.yaml"
    path.write_text(text)
    assert findings_of(path) == expected


def test_deepest_nesting_the_reader_accepts_is_read_in_full(tmp_path):
    path = tmp_path / "deep.toc.yaml"
    path.write_text("toc: 1\nnodes: " + "[" * 999 + "]" * 999 + "\n")  # 1,000 levels with the root
    # Read in full: the finding is about the value itself, not its depth.
    assert findings_of(path) == [("TOC004", 2, 8)]


def test_depth_limit_can_be_lowered(tmp_path):
    path = tmp_path / "deep.toc.yaml"
    path.write_text("toc: 1\nnodes: " + "[" * 60 + "]" * 60 + "\n")
    result = run_toc("check", "--format", "json", str(path), env={"TOC_MAX_DEPTH": "50"})
    # The 50th bracket opens the 51st level (the root mapping is the first).
    assert [(f["code"], f["line"], f["column"]) for f in json.loads(result.stdout)["findings"]] == [("TOC006", 2, 57)]


def test_depth_limit_cannot_be_raised_past_the_reader(tmp_path, examples_dir):
    result = run_toc("check", str(examples_dir / "wirral.toc.yaml"), env={"TOC_MAX_DEPTH": "40000"})
    assert result.returncode == 2
    assert "TOC_MAX_DEPTH='40000': can be at most 1,000" in result.stderr


@pytest.mark.parametrize("variable", ["TOC_MAX_FILE_MB", "TOC_MAX_NODES", "TOC_MAX_DEPTH", "TOC_MAX_ALIAS_EXPANSION"])
@pytest.mark.parametrize("value", ["lots", "-5", "0", "1.5"])
def test_invalid_limit_values_are_a_usage_error(capsys, monkeypatch, variable, value, examples_dir):
    monkeypatch.setenv(variable, value)
    assert main(["check", str(examples_dir / "wirral.toc.yaml")]) == 2
    err = capsys.readouterr().err
    assert err == f"toc: error: {variable}={value!r}: give a positive whole number " + err[err.index("(default"):]
    assert err.count("\n") == 1


def test_nested_alias_bomb_stops_at_the_alias_limit(tmp_path):
    levels = ["toc: 1", "a0: &a0 [{id: x}, {id: y}, {id: z}, {id: w}, {id: v}, {id: u}, {id: t}, {id: s}]"]
    levels += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]" for n in range(1, 9)]
    levels += ["nodes:", "  n: {type: impact, label: N, indicators: *a0}"]
    levels += [f"  m{n}: {{type: impact, label: M, indicators: *a0}}" for n in range(20_000)]
    path = tmp_path / "bomb.toc.yaml"
    path.write_text("\n".join(levels) + "\n")
    assert ("TOC006", 2, 5) in findings_of(path)  # where the expanded content is defined


def test_fifty_megabyte_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "big.toc.yaml"
    line = "  n{}: {{type: outcome, term: short, label: Node, leads_to: [n{}]}}\n"
    with open(path, "w") as stream:
        stream.write("toc: 1\nnodes:\n")
        for start in range(0, 800_000, 10_000):
            stream.write("".join(line.format(i, i + 1) for i in range(start, start + 10_000)))
    assert path.stat().st_size > 50 * 1024 * 1024
    assert findings_of(path) == [("TOC006", 1, 1)]


def test_python_tags_are_findings_and_never_run(tmp_path):
    sentinel = tmp_path / "ran"
    path = tmp_path / "tags.toc.yaml"
    path.write_text(
        "toc: 1\n"
        f"title: !!python/object/apply:os.system ['touch {sentinel}']\n"
        "nodes:\n"
        "  a: !!python/object:os.system {type: impact, label: A}\n"
        "  b: {type: !custom impact, label: !!binary aGVsbG8=}\n"
        "  c: !!set {x: null}\n"
    )
    found = findings_of(path)
    assert not sentinel.exists()
    assert [(code, line) for code, line, _ in found if code == "TOC004"] == [
        ("TOC004", 2), ("TOC004", 4), ("TOC004", 5), ("TOC004", 5), ("TOC004", 6)]


def test_nul_bytes_are_located(tmp_path):
    path = tmp_path / "nul.toc.yaml"
    path.write_bytes(b"toc: 1\nnodes:\n  a: {type: impact,\x00 label: A}\n")
    assert findings_of(path) == [("TOC001", 3, 20)]


def test_crlf_line_endings_give_the_same_findings_as_lf(tmp_path, examples_dir):
    text = (examples_dir / "flawed.toc.yaml").read_text()
    (tmp_path / "lf.toc.yaml").write_bytes(text.encode())
    (tmp_path / "crlf.toc.yaml").write_bytes(text.replace("\n", "\r\n").encode())
    assert findings_of(tmp_path / "crlf.toc.yaml") == findings_of(tmp_path / "lf.toc.yaml") != []


def test_a_100000_character_label_is_read_and_drawn(tmp_path):
    label = "conflict " * 11_112
    path = tmp_path / "long.toc.yaml"
    path.write_text(f"toc: 1\nnodes:\n  a: {{type: activity, label: {label}, leads_to: [b]}}\n"
                    "  b: {type: impact, label: B}\n")
    result = run_toc("check", "--format", "json", str(path))
    assert result.returncode == 0 and json.loads(result.stdout)["summary"]["error"] == 0
    for suffix in ("dot", "mmd", "md"):
        assert run_toc("render", str(path), "-o", str(tmp_path / f"out.{suffix}")).returncode == 0
    for suffix in ("mmd", "md"):
        assert label.strip() in (tmp_path / f"out.{suffix}").read_text()
    # The diagram shows its start: Graphviz refuses strings over 16,384 bytes (tests/test_bounded_work.py).
    assert label[:400] in (tmp_path / "out.dot").read_text()


SCRIPTS = {
    "latin": "café-crème", "greek": "γονείς", "cyrillic": "родители", "armenian": "ծնողներ",
    "hebrew": "הורים", "arabic": "الوالدين", "devanagari": "माता-पिता", "bengali": "পিতামাতা",
    "thai": "พ่อแม่", "georgian": "მშობლები", "hangul": "부모", "hiragana": "おや", "han": "父母",
    "ethiopic": "ወላጆች", "tamil": "பெற்றோர்", "emoji": "👪-support", "combining": "e\u0301\u0323",
    "mathematical": "𝔭𝔞𝔯𝔢𝔫𝔱", "zero-width-joiner": "👨\u200d👩\u200d👧",
}


def test_ids_in_every_script_check_and_render(tmp_path):
    ids = list(SCRIPTS.values())
    lines = ["toc: 1", "nodes:"]
    for index, node_id in enumerate(ids):
        following = ids[index + 1] if index + 1 < len(ids) else "missing-ид"
        lines.append(f"  {node_id}: {{type: outcome, term: short, label: {node_id} label, leads_to: [{following}]}}")
    path = tmp_path / "scripts.toc.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = check_text(path.read_text(), str(path))
    assert list(report.model.nodes) == ids
    [unknown] = [f for f in report.findings if f.code == "TOC101"]
    assert unknown.node == ids[-1] and unknown.location.line == len(ids) + 2
    for suffix in ("dot", "mmd", "md"):
        assert run_toc("render", str(path), "-o", str(tmp_path / f"out.{suffix}")).returncode == 0
        drawn = (tmp_path / f"out.{suffix}").read_text(encoding="utf-8")
        assert all(f"{node_id} label" in drawn for node_id in ids)


@pytest.mark.parametrize("command", [["check"], ["render", "-o", "-"]])
def test_a_directory_fifo_or_missing_file_as_the_model(tmp_path, command):
    os.mkfifo(tmp_path / "pipe.toc.yaml")
    (tmp_path / "dir.toc.yaml").mkdir()
    for name, message in (("pipe.toc.yaml", "is not a regular file"), ("missing.toc.yaml", "no such file")):
        result = run_toc(*command, str(tmp_path / name))
        assert result.returncode == 2 and message in result.stderr
    if command[0] == "render":  # `check` searches a directory for models instead
        result = run_toc(*command, str(tmp_path / "dir.toc.yaml"))
        assert result.returncode == 2 and "is a directory" in result.stderr


def test_empty_and_whitespace_files():
    assert [f.code for f in check("")] == ["TOC005"]
    assert [f.code for f in check("\n\n   \n# only a comment\n")] == ["TOC005"]


def test_deep_nesting_without_libyaml_is_a_limit_finding(tmp_path):
    # PyYAML built without libyaml reads with Python's recursion: still a finding, never a crash.
    path = tmp_path / "deep.toc.yaml"
    path.write_text("toc: 1\nnodes: " + "[" * 5_000 + "]" * 5_000 + "\n")
    code = ("import sys, yaml; del yaml.CSafeLoader; from toc.cli import main; "
            "sys.exit(main(['check', '--format', 'json', sys.argv[1]]))")
    result = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True)
    assert [(f["code"], f["line"]) for f in json.loads(result.stdout)["findings"]] == [("TOC006", 1)]
