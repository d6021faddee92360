"""`toc check -` reads the model from standard input, as ruff and yamllint do."""

from __future__ import annotations

import subprocess
import sys

from conftest import EXAMPLES

FLAWED = EXAMPLES / "flawed.toc.yaml"


def _toc(*arguments, stdin: bytes, cwd=None):
    return subprocess.run([sys.executable, "-m", "toc", *arguments], input=stdin, capture_output=True, cwd=cwd)


def test_check_dash_gives_the_same_findings_as_the_file_named_stdin():
    from_file = _toc("check", "--format", "json", str(FLAWED), stdin=b"")
    from_stdin = _toc("check", "--format", "json", "-", stdin=FLAWED.read_bytes())
    assert from_stdin.returncode == from_file.returncode == 1
    assert from_stdin.stdout.decode().replace('"<stdin>"', f'"{FLAWED}"') == from_file.stdout.decode()


def test_the_stdin_filename_names_the_findings_and_gives_the_catalogue_folder(tmp_path):
    (tmp_path / "local.yaml").write_text("methods:\n  our-survey:\n    name: Our survey\n    family: monitoring\n")
    model = ("toc: 1\ncatalogues: [local.yaml]\nnodes:\n  a: {type: activity, label: A, leads_to: [b]}\n"
             "  b: {type: output, label: B}\n")
    # Named as a file in tmp_path, read from standard input in another folder: the catalogue is found.
    result = _toc("check", "--stdin-filename", str(tmp_path / "m.toc.yaml"), "-", stdin=model.encode(), cwd="/")
    text = result.stdout.decode()
    assert f"{tmp_path / 'm.toc.yaml'}:" in text and "catalogue" not in text.lower(), text
    # Without it, the current folder: here the catalogue file is missing, and the finding says so.
    missing = _toc("check", "-", stdin=model.encode(), cwd="/")
    assert missing.stdout.decode().startswith("<stdin>:2:") and "local.yaml" in missing.stdout.decode()


def test_what_cannot_be_read_is_a_finding_at_stdin():
    result = _toc("check", "-", stdin=b"toc: 1\ntitle: \xff\n")
    assert result.returncode == 1
    assert result.stdout.decode().startswith("<stdin>:2:8: error TOC001 yaml-syntax: file is not valid UTF-8")


def test_too_big_on_stdin_is_toc006_without_reading_it_all():
    result = subprocess.run([sys.executable, "-m", "toc", "check", "-"], input=b"#" * 2_000_000,
                            capture_output=True, env={**__import__("os").environ, "TOC_MAX_FILE_MB": "1"})
    assert result.returncode == 1 and "TOC006" in result.stdout.decode()


def test_dash_is_used_alone_and_stdin_filename_only_with_it():
    mixed = _toc("check", "-", str(FLAWED), stdin=b"")
    assert mixed.returncode == 2 and mixed.stderr.decode() == (
        "toc: error: - (standard input) cannot be combined with other paths\n")
    stray = _toc("check", "--stdin-filename", "x.toc.yaml", str(FLAWED), stdin=b"")
    assert stray.returncode == 2 and "--stdin-filename goes with -" in stray.stderr.decode()
