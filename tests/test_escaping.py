"""The escaping functions every renderer writes model text through: exact outputs."""

from __future__ import annotations

import pytest

from toc.renderers.escape import markdown_text, spreadsheet_cell, terminal_text, xml_text
from toc.renderers.spreadsheet import add_sheet, csv_text, new_workbook


@pytest.mark.parametrize("text, shown", [
    ("plain words, A&E - ok", "plain words, A&E - ok"),
    ("clear\x1b[2Jscreen", "clear\\x1b[2Jscreen"),
    ("line\nforged\r\ttab", "line\\nforged\\r\\ttab"),
    ("nul\x00 del\x7f csi\x9b", "nul\\x00 del\\x7f csi\\x9b"),
    ("bidi \u202eabc\u2066x\u2069 \u200e\u200f\u061c", "bidi \\u202eabc\\u2066x\\u2069 \\u200e\\u200f\\u061c"),
    ("separators \u2028\u2029", "separators \\u2028\\u2029"),
    ("C:\\Users\\x1b is text", "C:\\Users\\x1b is text"),  # backslashes are left as written
    ("emoji 👪 and العائلات", "emoji 👪 and العائلات"),
])
def test_terminal_text(text, shown):
    assert terminal_text(text) == shown


def test_terminal_text_takes_any_object():
    assert terminal_text(ValueError("bad\nline")) == "bad\\nline"


@pytest.mark.parametrize("text, shown", [
    ("Parents & carers, A&E", "Parents & carers, A&E"),
    ("<script>alert(1)</script>", "&lt;script>alert(1)&lt;/script>"),
    ("<iframe src=javascript:alert(1)>", "&lt;iframe src=javascript:alert(1)>"),
    ("[x](javascript:alert(1))", "\\[x\\](javascript:alert(1))"),
    ("![](http://evil.example/p.png)", "!\\[\\](http://evil.example/p.png)"),
    ("<http://evil.example>", "&lt;http://evil.example>"),
    ("&lt;b&gt; &#106; &amp", "&amp;lt;b&amp;gt; &amp;#106; &amp"),
    ("*em* **strong** `code` ~~gone~~", "\\*em\\* \\*\\*strong\\*\\* \\`code\\` \\~\\~gone\\~\\~"),
    ("snake_case _em_ __init__", "snake_case \\_em\\_ \\_\\_init\\_\\_"),
    ("a | b \\ c", "a \\| b \\\\ c"),
    ("# heading", "\\# heading"),
    ("- item", "\\- item"),
    ("+ item", "\\+ item"),
    ("> quote", "&gt; quote"),
    ("1. first", "1\\. first"),
    ("2) second", "2\\) second"),
    ("1.5 million, 2021", "1.5 million, 2021"),
    ("---", "\\---"),
    ("one\n# two\n- three\n\n> four", "one # two - three > four"),  # mid-line: plain text
    ("  padded  \t", "padded"),
    ("esc\x1b[2J \u202e", "esc\\x1b\\[2J \\u202e"),
])
def test_markdown_text(text, shown):
    assert markdown_text(text) == shown


def test_markdown_text_inside_a_line_leaves_block_starts_alone():
    assert markdown_text("1. Background", starts_line=False) == "1. Background"
    assert markdown_text("# - > x | y", starts_line=False) == "# - > x \\| y"


@pytest.mark.parametrize("value, cell", [
    ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
    ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
    ("+1+2", "'+1+2"),
    ("-2+3", "'-2+3"),
    ("@SUM(1)", "'@SUM(1)"),
    ("\t=1+1", "'\t=1+1"),
    ("\r=1+1", "'\r=1+1"),
    ("＝1+1", "'＝1+1"),
    ("＋1", "'＋1"),
    ("－1", "'－1"),
    ("＠SUM(1)", "'＠SUM(1)"),
    ("-3.2", "-3.2"),  # numbers written as text stay numbers
    ("+4", "+4"),
    ("1e5", "1e5"),
    ("a=b", "a=b"),
    ("nul\x00 esc\x1b tab\t nl\n", "nul\\x00 esc\\x1b tab\t nl\n"),
    ("=\x1b", "'=\\x1b"),
    (14.1, 14.1),
    (3, 3),
    (None, None),
])
def test_spreadsheet_cell(value, cell):
    assert spreadsheet_cell(value) == cell


def test_xml_text():
    assert xml_text("a\x00b\x08c\x0bd\x0ce\x1ff\tg\nh\ri\ufffe") == "a\\x00b\\x08c\\x0bd\\x0ce\\x1ff\tg\nh\ri\\ufffe"


def test_csv_quotes_every_field_and_escapes_every_cell():
    assert csv_text([["=a", "-3.2", None, 1.5, "x;=y", 'say "hi"']]) == \
        '"\'=a","-3.2","","1.5","x;=y","say ""hi"""\n'


def test_xlsx_text_cells_are_strings_never_formulas_or_errors():
    pytest.importorskip("openpyxl")
    sheet = add_sheet(new_workbook("t\x1b"), "S", [["=1+1", "#N/A", 2, None, "ok\x00"]])
    assert [(cell.value, cell.data_type) for cell in sheet[1]] == [
        ("'=1+1", "s"), ("#N/A", "s"), (2, "n"), (None, "n"), ("ok\\x00", "s")]
