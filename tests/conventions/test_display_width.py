"""Terminal tables line up when labels are Chinese, Japanese, Korean or emoji (two columns each)."""

from __future__ import annotations

from toc.cli import main
from toc.renderers.text_width import display_width, pad, wrap

CJK_PATHWAY = """\
toc: 1
title: 家庭支援
pathway:
  levels: {hubs: 家庭中心 Family hubs, clinical: 専門 Clinical}
  populations: {all: 全ての親 All parents, young: 若い親 👶 Young parents, send: 특수교육 SEND}
nodes:
  a: {type: activity, label: 親子関係プログラム（グループ）, level: hubs, populations: [all, young], delivery: group, leads_to: [z]}
  b: {type: activity, label: 정서 지원 세션 🙂 emotional support sessions for parents, level: hubs, populations: [all], delivery: group, leads_to: [z]}
  c: {type: activity, label: 専門カウンセリングサービスの長い名前のサービスです, level: clinical, populations: [send], leads_to: [z]}
  z: {type: outcome, term: long, label: 子どもの幸福}
"""


def test_widths():
    assert display_width("abc") == 3
    assert display_width("家庭") == 4
    assert display_width("👶") == 2
    assert display_width("e\u0301") == 1  # a combining accent takes no column
    assert pad("家", 4) == "家  "
    assert all(display_width(line) <= 10 for line in wrap("専門カウンセリングサービスの長い名前", 10))
    assert "".join(wrap("専門カウンセリングサービスの長い名前", 10)) == "専門カウンセリングサービスの長い名前"
    assert wrap("plain words wrap as textwrap does", 12) == ["plain words", "wrap as", "textwrap", "does"]


def test_the_pathway_grid_lines_up_with_wide_labels(tmp_path, capsys):
    model = tmp_path / "m.toc.yaml"
    model.write_text(CJK_PATHWAY, encoding="utf-8")
    assert main(["pathway", str(model), "-o", "-", "--format", "txt", "--width", "80"]) == 0
    out = capsys.readouterr().out
    grid = [line for line in out.splitlines() if line.startswith(("|", "+"))]
    assert len(grid) > 8
    assert {display_width(line) for line in grid} == {display_width(grid[0])}, "\n" + "\n".join(grid)
    # Every column boundary is at the same place on every line.
    def boundaries(line):
        columns, at = [], 0
        for character in line:
            if character in "|+":
                columns.append(at)
            at += display_width(character)
        return columns
    assert {tuple(boundaries(line)) for line in grid} == {tuple(boundaries(grid[0]))}
    assert "若い親 👶" in out and "専門カウンセリング" in out


def test_the_needs_table_lines_up_with_wide_place_names(tmp_path, capsys):
    for area, value in (("東京", 12), ("서울", 7)):
        (tmp_path / f"{value}.toc.yaml").write_text(
            f"toc: 1\ntitle: {area}\narea: {area}\nnodes:\n"
            f"  n:\n    type: need\n    label: 親の対立\n    figures:\n"
            f"      - {{id: 対立の割合, measure: 対立の割合, value: {value}, unit: '%', year: 2024, source: survey}}\n"
            f"    leads_to: [z]\n  z: {{type: outcome, term: long, label: Z}}\n", encoding="utf-8")
    assert main(["needs", str(tmp_path), "-o", "-", "--format", "txt"]) in (0, 1)
    lines = capsys.readouterr().out.splitlines()
    header = next(index for index, line in enumerate(lines) if line.startswith("indicator"))
    rule = lines[header + 1]
    starts = [index for index, character in enumerate(rule) if character == "-" and (index == 0 or rule[index - 1] == " ")]
    def token_starts(line):
        positions, at, previous = {}, 0, " "
        for index, character in enumerate(line):
            if character != " " and previous == " ":
                positions[line[index:].split()[0]] = at
            previous = character
            at += display_width(character)
        return positions
    assert token_starts(lines[header]) == dict(zip(["indicator", "comparator", "東京", "서울"], starts))
    assert token_starts(lines[header + 2]) == {"対立の割合": starts[0], "12": starts[2], "7": starts[3]}
