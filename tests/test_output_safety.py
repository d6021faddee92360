"""Output safety: atomic writes, never the input model, never a directory, no partial files."""

from __future__ import annotations

import json
import os
import signal
import stat
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


def test_character_device_is_written_through_never_replaced():
    # Run as root (as CI is), replacing /dev/null with a regular file breaks the machine.
    before = os.stat("/dev/null")
    write_output("/dev/null", "discarded")
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_ino == before.st_ino


def test_check_to_dev_null_keeps_the_device(examples_dir):
    subprocess.run([sys.executable, "-m", "toc", "check", "-o", "/dev/null",
                    str(examples_dir / "wirral.toc.yaml")], capture_output=True, check=False)
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
def test_a_full_device_is_one_clean_error_and_stays_a_device():
    with pytest.raises(OutputError, match="cannot write"):
        write_output("/dev/full", "x" * 10_000)
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_fifo_is_written_through(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    write_output(str(fifo), "through the pipe")
    assert reader.communicate(timeout=10)[0] == b"through the pipe"
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_symlink_is_followed_and_stays_a_link(tmp_path):
    real = tmp_path / "real.md"
    real.write_text("old")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    write_output(str(link), "new")
    assert link.is_symlink() and real.read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.md", "real.md"]


def test_existing_file_keeps_its_mode(tmp_path):
    target = tmp_path / "shared.csv"
    target.write_text("old")
    os.chmod(target, 0o640)
    write_output(str(target), "new")
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o640


def test_new_file_honours_the_umask(tmp_path):
    previous = os.umask(0o077)
    try:
        write_output(str(tmp_path / "private.md"), "x")
    finally:
        os.umask(previous)
    assert stat.S_IMODE(os.stat(tmp_path / "private.md").st_mode) == 0o600


def test_refuses_when_the_file_changed_since_it_was_read(tmp_path):
    target = tmp_path / "m.toc.yaml"
    target.write_text("edited while the command ran\n")
    with pytest.raises(OutputError, match="changed on disk"):
        write_output(str(target), "formatted\n", unchanged_since=b"what was read\n")
    assert target.read_text() == "edited while the command ran\n"
    assert [p.name for p in tmp_path.iterdir()] == ["m.toc.yaml"]


def test_fmt_formats_the_real_file_behind_a_symlink(tmp_path):
    real = tmp_path / "real.toc.yaml"
    real.write_text("nodes:\n  a: {label: A, type: activity}\ntoc: 1\n")
    link = tmp_path / "link.toc.yaml"
    link.symlink_to(real)
    subprocess.run([sys.executable, "-m", "toc", "fmt", str(link)], capture_output=True, check=True)
    assert link.is_symlink()
    assert real.read_text().startswith("toc: 1\n")


def test_terminated_run_removes_its_temporary_file(tmp_path):
    # SIGTERM (what CI runners and `timeout` send) must clean up like Ctrl-C does.
    target = tmp_path / "big.txt"
    code = (
        "import os, sys, time\n"
        "from toc import output, cli\n"
        "real = os.fsync\n"
        "def slow(fd):\n"
        "    print('writing', flush=True); time.sleep(30); real(fd)\n"
        "output.os.fsync = slow\n"
        "cli.install_signal_handlers()\n"
        f"output.write_output({str(target)!r}, 'y' * 5_000_000)\n"
    )
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "writing"
    child.send_signal(signal.SIGTERM)
    child.wait(timeout=10)
    assert list(tmp_path.iterdir()) == []


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


def test_dev_stdout_into_a_pipe_and_appended_to_a_log(tmp_path, examples_dir):
    # /dev/stdout names the descriptor the shell opened: written as it is, never replaced.
    model = str(examples_dir / "wirral.toc.yaml")
    piped = subprocess.run(f"{sys.executable} -m toc check --format json -o /dev/stdout {model} | cat",
                           shell=True, capture_output=True, text=True)
    assert json.loads(piped.stdout)["summary"]["files"] == 1 and piped.stderr == ""
    log = tmp_path / "log.txt"
    log.write_text("OLD\n")
    subprocess.run(f"{sys.executable} -m toc check --format json -o /dev/stdout {model} >> {log}",
                   shell=True, capture_output=True)
    assert log.read_text().startswith("OLD\n{")


@pytest.mark.parametrize("name", ["", "folder/", "report.json/"])
def test_paths_that_are_no_file_name_are_refused(tmp_path, monkeypatch, name):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "report.json").write_text("kept")
    with pytest.raises(OutputError, match="give a file name"):
        write_output(name, "x")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]
    assert (tmp_path / "report.json").read_text() == "kept"


def test_a_read_only_file_is_not_replaced(tmp_path):
    target = tmp_path / "frozen.md"
    target.write_text("frozen")
    os.chmod(target, 0o444)
    with pytest.raises(OutputError, match="is read-only"):
        write_output(str(target), "new")
    assert target.read_text() == "frozen"


def test_a_dangling_link_names_the_missing_folder_it_points_into(tmp_path):
    (tmp_path / "dangling").symlink_to(tmp_path / "nowhere" / "x.json")
    with pytest.raises(OutputError, match=f"directory {tmp_path / 'nowhere'} does not exist"):
        write_output(str(tmp_path / "dangling"), "x")


def test_render_refuses_to_overwrite_a_catalogue_the_model_read(tmp_path):
    (tmp_path / "ours.yaml").write_text("methods: {}\n")
    model = tmp_path / "m.toc.yaml"
    model.write_text("toc: 1\ncatalogues: [ours.yaml]\nnodes:\n  a: {type: activity, label: A}\n")
    result = subprocess.run([sys.executable, "-m", "toc", "render", str(model), "-o", str(tmp_path / "ours.yaml"),
                             "--format", "dot"], capture_output=True, text=True)
    assert result.returncode == 2 and "refusing to overwrite the input model" in result.stderr
    assert (tmp_path / "ours.yaml").read_text() == "methods: {}\n"
