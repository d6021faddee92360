"""`toc init`: every template passes `toc check` with info findings only; nothing is overwritten."""

from __future__ import annotations

import pytest

from toc.checker import check_file
from toc.cli import main
from toc.commands.init import TEMPLATES
from toc.reformat import format_text


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_template_passes_check_with_only_info(name, tmp_path, capsys):
    target = tmp_path / f"{name}.toc.yaml"
    assert main(["init", "--template", name, str(target)]) == 0
    assert f"wrote {target} from the {name} template" in capsys.readouterr().err
    findings = check_file(str(target)).findings
    assert [f for f in findings if f.severity != "info"] == []
    text = target.read_text()
    assert text.count("#") >= 5  # explanatory comments
    assert main(["check", "--strict", str(target)]) == 0


def test_aligned_templates_use_frameworks(tmp_path):
    target = tmp_path / "area.toc.yaml"
    main(["init", "-t", "rpc-local-area", str(target)])
    model = check_file(str(target)).model
    assert [r.id for r in model.uses] == ["eif-rpc"]
    # Every EIF outcome is addressed, so no TOC701.
    assert "TOC701" not in {f.code for f in check_file(str(target)).findings}


def test_templates_survive_fmt_with_their_comments(tmp_path):
    for name in TEMPLATES:
        target = tmp_path / f"{name}.toc.yaml"
        main(["init", "-t", name, str(target)])
        text = target.read_text()
        assert format_text(text).count("#") == text.count("#")


def test_never_overwrites(tmp_path, capsys):
    target = tmp_path / "m.toc.yaml"
    target.write_text("mine\n")
    assert main(["init", str(target)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert target.read_text() == "mine\n"


def test_unknown_template_suggests(tmp_path, capsys):
    assert main(["init", "-t", "regionl", str(tmp_path / "x.toc.yaml")]) == 2
    assert 'did you mean "regional"?' in capsys.readouterr().err
    assert not (tmp_path / "x.toc.yaml").exists()
    assert main(["init", "--list"]) == 0
    assert "rpc-local-area" in capsys.readouterr().out


def test_every_template_is_already_in_canonical_format(capsys):
    from pathlib import Path

    from toc.cli import main

    templates = sorted((Path(__file__).resolve().parent.parent / "models" / "templates").glob("*.toc.yaml"))
    assert templates
    for template in templates:
        assert main(["fmt", "--check", str(template)]) == 0, capsys.readouterr().out


def test_init_to_standard_output_writes_only_the_template(capsys):
    from toc.commands.init import template_text

    assert main(["init", "-"]) == 0
    assert capsys.readouterr().out == template_text("blank")


def test_a_file_created_while_writing_is_not_overwritten(tmp_path):
    from toc.output import OutputError, write_output

    target = tmp_path / "m.toc.yaml"
    target.write_text("someone else's model\n")
    with pytest.raises(OutputError, match="already exists"):
        write_output(str(target), "template", new_only=True)
    assert target.read_text() == "someone else's model\n"
    assert [p.name for p in tmp_path.iterdir()] == ["m.toc.yaml"]


def test_a_file_that_appears_during_the_write_is_not_overwritten(tmp_path, monkeypatch):
    from toc import output
    from toc.output import OutputError, write_output

    target = tmp_path / "m.toc.yaml"
    real_fsync = output.os.fsync

    def someone_saves_meanwhile(descriptor):
        target.write_text("saved meanwhile\n")
        real_fsync(descriptor)

    monkeypatch.setattr(output.os, "fsync", someone_saves_meanwhile)
    with pytest.raises(OutputError, match="already exists"):
        write_output(str(target), "template", new_only=True)
    assert target.read_text() == "saved meanwhile\n"
    assert [p.name for p in tmp_path.iterdir()] == ["m.toc.yaml"]
