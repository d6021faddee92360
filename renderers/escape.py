"""Model text is hostile: the one place that makes it inert in each kind of output.

Every text field of a model (ids, labels, descriptions, assumptions, indicator
fields, question text, figure notes...) may come from someone else's file, so no
output may let it do more than show itself. Each kind of output that could run
text has one function here, and every renderer writes model text through it:

* ``terminal_text``: terminals and CI logs obey control characters. An ESC
  sequence can clear the screen or recolour it, a newline can forge a whole line
  ("0 errors, 0 warnings"), bidirectional controls reorder what is shown. They are
  written as visible backslash escapes instead: ``\\x1b``, ``\\n``, ``\\u202e``.
* ``markdown_text``: Markdown renders raw HTML and turns punctuation into links,
  images, emphasis, headings, lists and tables. ``<``, ``>`` and ``&`` become
  entities, the punctuation is backslash-escaped, and a field stays on one line.
* ``spreadsheet_cell``: spreadsheet programs run a cell that starts with ``=``,
  ``+``, ``-``, ``@``, a tab or a carriage return as a formula (CSV injection).
  Such a cell gets a leading single quote, as OWASP's CSV-injection guidance
  advises; the CSV and XLSX writers in ``spreadsheet.py`` add the rest.
* ``xml_text``: XML (so XLSX and DOCX) cannot hold most control characters at
  all, and the libraries raise rather than write them; they are shown visibly.
"""

from __future__ import annotations

import re

# Bidirectional controls reorder the text around them ("Trojan Source"): shown, never obeyed.
_BIDI_CONTROLS = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
# C0 and C1 controls (ESC, CSI, newline...), DEL, the Unicode line and paragraph separators
# (line breaks in editors and browsers that show logs), and the bidirectional controls.
_TERMINAL_UNSAFE = re.compile(f"[\x00-\x1f\x7f-\x9f\u2028\u2029{_BIDI_CONTROLS}]")
# What XML 1.0 cannot hold; tab, newline and carriage return it can.
_XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _visible(match: re.Match) -> str:
    char = match.group()
    code = ord(char)
    return _NAMED.get(char) or (f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}")


def terminal_text(text: object) -> str:
    r"""Text for a terminal or a log: control and bidirectional characters shown as escapes.

    Backslashes are left alone so that ordinary text (and Windows paths) reads as
    written; what matters is that nothing is obeyed, not that the escape is unambiguous.

    >>> terminal_text('label\x1b[2J\nfile:1:1: 0 errors \u202eabc')
    'label\\x1b[2J\\nfile:1:1: 0 errors \\u202eabc'
    """
    return _TERMINAL_UNSAFE.sub(_visible, str(text))


def xml_text(text: str) -> str:
    r"""Text an XML document (XLSX, DOCX) can hold: the control characters it cannot are escapes.

    >>> xml_text('a\x00b\tc\x1bd')
    'a\\x00b\tc\\x1bd'
    """
    return _XML_UNSAFE.sub(_visible, text)


# Characters Markdown (CommonMark and GitHub's) gives a meaning anywhere in a line, with
# what to write instead. `<` starts HTML and autolinks wherever it is. Two are escaped only
# where they mean something, so that ordinary text stays readable: `&` only where it would
# start an entity ("&lt;", "&#106;"), not in "A&E"; `_` only where it could open or close
# emphasis, not inside snake_case ids. (`>` means something only at the start of a line.)
_MARKDOWN_INLINE = re.compile(r"[\\`*\[\]|~<]|&(?=#?\w+;)|(?<![^\W_])_|_(?![^\W_])")
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
# What starts a heading, a list, a quotation or a thematic break at the start of a line.
_MARKDOWN_LINE_START = re.compile(r"^(?:[#+>-]|\d{1,9}[.)](?=\s|$))")


def markdown_text(text: str, *, starts_line: bool = True) -> str:
    r"""Model text for Markdown: shown as written, never markup, links, images or HTML.

    The text is put on one line (a newline in a field must not start a new block);
    ``<`` becomes an entity, and so does ``&`` where it would start one, so no HTML,
    autolink or entity is read;
    Markdown punctuation is backslash-escaped, so ``[x](javascript:...)`` and
    ``![](http://...)`` are not a link or an image, ``|`` does not end a table cell,
    and ``*`` ``_`` `` ` `` ``~`` do not start emphasis or code. When the text may
    begin a line (``starts_line``, e.g. a paragraph or a list item's text), a leading
    ``#``, ``-``, ``+``, ``>`` or ``1.`` is escaped too; inside a heading or a table cell
    nothing can start there, so it is left as written. Control characters are shown
    as escapes, as on a terminal.

    >>> markdown_text('<script>alert(1)</script> [x](javascript:go) ![](http://e/i.png)')
    '&lt;script>alert(1)&lt;/script> \\[x\\](javascript:go) !\\[\\](http://e/i.png)'
    >>> markdown_text('# not a heading\n- nor a list | cell_id _em_')
    '\\# not a heading - nor a list \\| cell_id \\_em\\_'
    """
    line = " ".join(text.split())
    line = _MARKDOWN_INLINE.sub(lambda match: _ENTITIES.get(match.group()) or "\\" + match.group(), line)
    if starts_line:  # escape the character that makes the marker: \#, \-, &gt;, 1\.
        line = _MARKDOWN_LINE_START.sub(lambda match: match.group()[:-1] + (
            _ENTITIES.get(match.group()[-1]) or "\\" + match.group()[-1]), line)
    return terminal_text(line)


# A cell starting with one of these is run as a formula by Excel, LibreOffice or Google
# Sheets (tab and carriage return because some programs skip them first). The full-width
# forms are included: Excel in East Asian locales reads them as the ASCII ones.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
# A number written as text (a difference such as -3.2) is read as a number, not run: left as it is.
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?")


def spreadsheet_cell(value):
    r"""A value for a CSV or XLSX cell that a spreadsheet program can only show, never run.

    Numbers stay numbers and an empty value stays empty. Text that would start a
    formula gets a leading single quote (OWASP's advice for CSV injection), and the
    control characters XLSX cannot hold are shown as escapes.

    >>> [spreadsheet_cell(v) for v in ("=cmd|' /C calc'!A0", "\t=1+1", "@SUM(1)", "-3.2", "ok", 14.1, None)]
    ["'=cmd|' /C calc'!A0", "'\t=1+1", "'@SUM(1)", '-3.2', 'ok', 14.1, None]
    """
    if value is None or isinstance(value, (int, float)):
        return value
    text = xml_text(str(value))
    if text.startswith(_FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text
