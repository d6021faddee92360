from toc.checker import check_file
from toc.limits import Limits
from toc.loading import load_text

BOMB = """\
toc: 1
nodes:
  a: &a {type: activity, label: A, indicators: &i [{id: x}, {id: y}, {id: z}, {id: w}]}
  b: {type: output, label: B, indicators: *i}
  c: {type: output, label: C, indicators: *i}
"""


def test_alias_reuse_beyond_the_limit_stops_loading():
    result = load_text(BOMB, "m.toc.yaml", Limits(max_alias_expansion=6))
    assert result.model is None
    codes = [(f.code, f.location.line, f.location.column) for f in result.findings]
    assert codes == [("TOC006", 3, 52)]  # the aliased content, where the anchor defines it


def test_aliases_within_the_limit_are_read():
    result = load_text(BOMB, "m.toc.yaml", Limits())
    assert result.model is not None and len(result.model.nodes["c"].indicators) == 4


def test_billion_laughs_is_cheap():
    levels = ["toc: 1", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    levels += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]" for n in range(1, 9)]
    levels += ["nodes:", "  n: {type: impact, label: *a8}"]
    result = load_text("\n".join(levels) + "\n", "m.toc.yaml")
    assert [f.code for f in result.findings] == ["TOC003"] * 9 + ["TOC004"]


def test_too_many_nodes():
    text = "toc: 1\nnodes:\n" + "".join(f"  n{i}: {{type: impact, label: N}}\n" for i in range(5))
    result = load_text(text, "m.toc.yaml", Limits(max_nodes=3))
    assert [(f.code, f.location.line) for f in result.findings] == [("TOC006", 3)]


def test_file_over_the_size_limit(tmp_path, monkeypatch):
    path = tmp_path / "big.toc.yaml"
    path.write_text("toc: 1\n" + "# padding\n" * 200_000)
    monkeypatch.setenv("TOC_MAX_FILE_MB", "1")
    [finding] = check_file(str(path)).findings
    assert (finding.code, finding.location.line) == ("TOC006", 1)
