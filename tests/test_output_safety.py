"""Output safety: atomic writes, never the input model, never a directory, no partial files."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

import pytest

from toc import output
from toc.output import OutputError, write_output


def test_check_never_imports_drawing_or_office_libraries(examples_dir):
    code = ("import sys; from toc.cli import main; main(['check', '-o', '/dev/null', sys.argv[1]]); "
            "print(','.join(sorted(m for m in ('graphviz', 'pydot', 'docx', 'openpyxl', 'ruamel') if m in sys.modules)))")
    result = subprocess.run([sys.executable, "-c", code, str(examples_dir / "wirral.toc.yaml")],
                            capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_write_replaces_the_file_whole(tmp_path):
    target = tmp_path / "out.dot"
    target.write_text("old")
    write_output(str(target), "new contents")
    assert target.read_text() == "new contents"
    assert [p.name for p in tmp_path.iterdir()] == ["out.dot"]  # no temporary left behind


def test_refuses_the_input_model_even_through_another_name(tmp_path):
    model = tmp_path / "m.toc.yaml"
    model.write_text("toc: 1\n")
    (tmp_path / "link.yaml").symlink_to(model)
    with pytest.raises(OutputError, match="refusing to overwrite the input model"):
        write_output(str(tmp_path / "link.yaml"), "x", protected=(str(model),))
    assert model.read_text() == "toc: 1\n"


def test_refuses_a_directory(tmp_path):
    with pytest.raises(OutputError, match="is a directory"):
        write_output(str(tmp_path), "x")


def test_render_refuses_its_own_model_and_a_directory(tmp_path, examples_dir):
    model = tmp_path / "m.toc.yaml"
    model.write_bytes((examples_dir / "wirral.toc.yaml").read_bytes())
    for target, message in ((model, "refusing to overwrite the input model"), (tmp_path, "is a directory")):
        result = subprocess.run([sys.executable, "-m", "toc", "render", str(model), "-o", str(target), "--format", "dot"],
                                capture_output=True, text=True)
        assert result.returncode == 2 and message in result.stderr and result.stderr.count("\n") == 1
    assert model.read_bytes() == (examples_dir / "wirral.toc.yaml").read_bytes()


def test_failure_while_writing_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "report.json"
    target.write_text("previous report")

    def interrupted(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(output.os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_output(str(target), "x" * 1_000_000)
    assert target.read_text() == "previous report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_killed_run_leaves_no_partial_file(tmp_path):
    # A child writes a big output slowly; killing it mid-write must leave no target file.
    target = tmp_path / "big.txt"
    code = (
        "import os, sys, time\n"
        "from toc import output\n"
        "real = os.fsync\n"
        "def slow(fd):\n"
        "    print('writing', flush=True); time.sleep(30); real(fd)\n"
        "output.os.fsync = slow\n"
        f"output.write_output({str(target)!r}, 'y' * 5_000_000)\n"
    )
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "writing"
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert not target.exists()
    leftovers = [p.name for p in tmp_path.iterdir()]
    assert all(name.startswith(".toc-") and name.endswith(".tmp") for name in leftovers)  # hidden, never the target


def test_report_written_to_a_file_is_complete_json(tmp_path, examples_dir):
    target = tmp_path / "findings.json"
    subprocess.run([sys.executable, "-m", "toc", "check", "--format", "json", "-o", str(target),
                    str(examples_dir / "flawed.toc.yaml")], capture_output=True, check=False)
    assert json.loads(target.read_text())["summary"]["files"] == 1
    assert oct(os.stat(target).st_mode & 0o777) == "0o644"


def test_every_write_goes_through_write_output():
    # Commands added later must write via toc.output.write_output (atomic, protects models).
    import re

    from conftest import ROOT

    writes = re.compile(r"""open\([^)]*['"][wax]b?['"]|\.write_text\(|\.write_bytes\(|os\.replace\(|shutil\.(copy|move)""")
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for folder in ("toc", "renderers")
        for path in sorted((ROOT / folder).rglob("*.py"))
        if path.name != "output.py"
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if writes.search(line)
    ]
    assert offenders == []
