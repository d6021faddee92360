"""`toc catalogue`: list and show the methods and measures a model can name."""

from toc.cli import main


def test_lists_methods_and_measures(capsys):
    assert main(["catalogue"]) == 0
    out = capsys.readouterr().out
    assert "METHODS" in out and "MEASURES" in out
    assert "contribution-analysis" in out and "swemwbs" in out


def test_lists_one_kind(capsys):
    assert main(["catalogue", "measures"]) == 0
    out = capsys.readouterr().out
    assert "MEASURES" in out and "METHODS" not in out


def test_shows_one_entry_in_full(capsys):
    assert main(["catalogue", "cpic"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("cpic: Children's Perception of Interparental Conflict scale (CPIC)")
    assert "safeguarding: Children may disclose abuse" in out


def test_unknown_id_is_one_line_with_a_suggestion(capsys):
    assert main(["catalogue", "cpik"]) == 2
    err = capsys.readouterr().err
    assert err == 'toc: error: no method or measure "cpik"; did you mean "cpic"? (`toc catalogue` lists them)\n'


def test_includes_the_models_own_entries(tmp_path, capsys):
    model = tmp_path / "m.toc.yaml"
    model.write_text("toc: 1\nnodes:\n  a: {type: impact, label: A}\n"
                     "measures:\n  goals: {name: Parent-set goals, measures: Progress towards goals}\n")
    assert main(["catalogue", "goals", "--model", str(model)]) == 0
    assert capsys.readouterr().out.startswith("goals: Parent-set goals")
