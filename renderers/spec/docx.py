"""The specification as a Word document (python-docx), laid out for printing and sending.

A cover page (the readiness banner first when the plan is not ready, then the title and the
facts), a contents page (a TOC field Word updates on opening, with the headings already in it),
then the sections. Each numbered section takes the page shape its widest content needs: portrait
A4, landscape A4 for a wide table, landscape A4 or A3 for the diagram; a short portrait section
between landscape ones joins them rather than leaving a near-blank page. Every table's columns
add up to its section's text width, every picture has alt text, every page a page number, and
the document a language. Word text carries no Markdown: `code` becomes a quoted ‘code’.

The bytes are made reproducible: python-docx stamps the zip entries with the current time, so
the package is rewritten with a fixed timestamp.
"""

from __future__ import annotations

import dataclasses
import io
import math
import re
import zipfile

from toc.renderers.escape import xml_text
from toc.renderers.spec.blocks import (TO_COMPLETE, Banner, Block, Bullets, Contents, Diagram, Facts, Heading,
                                       Paragraph, Table)
from toc.renderers.spec.figures import PAGES, Figure, legible_on, picture_width_emu

_FIXED_TIME = (2000, 1, 1, 0, 0, 0)
_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")
_CODE = re.compile(r"`([^`]*)`")
_BREAKS = re.compile(r"\s+|(?<=[-/])")
_PLACEHOLDER = re.compile(re.escape(TO_COMPLETE) + r"[^\]]*\]|\[Bidder to complete\]")
LANGUAGE = "en-GB"
PORTRAIT = "A4 portrait"
LANDSCAPE = "A4 landscape"
# Page shapes: (width, height) in cm; margins are 2 cm all round.
_SHAPES = {PORTRAIT: (21.0, 29.7), **PAGES}
_MARGIN_CM = 2.0
_SHORT_LINES = 22  # a portrait section shorter than about half a page between landscape ones joins them


def text_width_cm(shape: str) -> float:
    return _SHAPES[shape][0] - 2 * _MARGIN_CM


def render_docx(blocks: list[Block], figures: list[Figure] | None) -> bytes:
    """``figures`` are the diagram's pictures (from Graphviz), or None to include the text outline."""
    import docx
    from docx.shared import Pt

    blocks = [_word_safe(block) for block in blocks]
    document = docx.Document()
    document.core_properties.title = next((b.text for b in blocks if isinstance(b, Heading)), "")[:255]
    document.core_properties.author = "toc"
    document.core_properties.language = LANGUAGE
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = "Calibri", Pt(11)
    _set_language(document)
    _update_fields_on_open(document)
    section = document.sections[0]
    _shape(section, PORTRAIT)
    _page_numbers(section)

    split = next((i for i, block in enumerate(blocks) if isinstance(block, Contents)), 0)
    cover, body = blocks[:split], blocks[split:]
    writer = _Writer(document, figures)
    for block in cover:
        writer.block(block)
    for index, (shape, group) in enumerate(_groups(body, figures)):
        # A section break starts a new page: never a page break before one too.
        fresh = bool(index) and writer.switch(shape)
        if index == 1 and not fresh:
            document.add_page_break()  # the contents page ends; sections of one shape then run on
        for number, block in enumerate(group):
            writer.block(block)
            if number == 0 and not fresh and index > 1 and isinstance(block, Heading) \
                    and block.text.startswith("Annex"):
                document.paragraphs[-1].paragraph_format.page_break_before = True  # an annex starts a page

    buffer = io.BytesIO()
    document.save(buffer)
    return _reproducible(buffer.getvalue())


def _groups(body: list[Block], figures) -> list[tuple[str, list[Block]]]:
    """The contents page, then each numbered section with the page shape it needs; short portrait
    sections beside a landscape one take its shape (no near-blank page between two breaks)."""
    groups: list[list[Block]] = []
    for block in body:
        if not groups or (isinstance(block, Heading) and block.level == 2):
            groups.append([])
        groups[-1].append(block)
    shapes = []
    for group in groups:
        if any(isinstance(b, Diagram) for b in group) and figures:
            shapes.append(figures[0].page)  # the heading goes on the first picture's page
        elif any(isinstance(b, Table) and b.wide for b in group):
            shapes.append(LANDSCAPE)
        else:
            shapes.append(PORTRAIT)
    for index in range(1, len(groups)):
        # Only between landscape pages (or after the last): before one, it would only empty its page.
        after = shapes[index + 1] if index + 1 < len(groups) else LANDSCAPE
        if shapes[index] == PORTRAIT and _lines(groups[index]) < _SHORT_LINES and shapes[index - 1] != PORTRAIT \
                and index > 1 and after != PORTRAIT:
            shapes[index] = LANDSCAPE
    return list(zip(shapes, groups))


def _lines(blocks: list[Block]) -> int:
    """About how many lines of portrait text the blocks fill (90 characters a line)."""
    total = 0
    for block in blocks:
        if isinstance(block, Heading):
            total += 2
        elif isinstance(block, Paragraph):
            total += math.ceil(len(block.text) / 90) + 1
        elif isinstance(block, Bullets):
            total += sum(math.ceil(len(item) / 85) for item in block.items) + 1
        elif isinstance(block, Table):
            share = 90 / max(len(block.headers), 1)
            total += sum(max(math.ceil(len(cell) / share) for cell in row) for row in block.rows) + 2
        else:
            total += 40
    return total


class _Writer:
    def __init__(self, document, figures):
        self.document = document
        self.figures = figures
        self.shape = PORTRAIT

    def switch(self, shape: str) -> bool:
        """Start a new section in ``shape`` unless the current one has it; whether it started one."""
        if shape == self.shape:
            return False
        _shape(self.document.add_section(), shape)
        self.shape = shape
        return True

    def block(self, block: Block) -> None:
        from docx.shared import Cm, Pt

        document = self.document
        width = Cm(text_width_cm(self.shape))
        if isinstance(block, Heading):
            document.add_heading(block.text, level=0 if block.level == 1 else block.level - 1)
        elif isinstance(block, Paragraph):
            paragraph = document.add_paragraph()
            _runs(paragraph, block.text, italic=block.emphasis)
        elif isinstance(block, Bullets):
            for item in block.items:
                _runs(document.add_paragraph(style="List Bullet"), item)
        elif isinstance(block, Table):
            # Eight-point type where many columns share the page, nine where few do.
            _table(document, block.headers, block.rows, Pt(8 if block.wide or len(block.headers) > 5 else 9), width)
        elif isinstance(block, Facts):
            _table(document, ("", ""), block.rows, Pt(11), width, header=False)
        elif isinstance(block, Banner):
            _banner(document, block, width)
        elif isinstance(block, Contents):
            document.add_page_break()
            _contents(document, block)
        elif isinstance(block, Diagram):
            self._diagram(block)

    def _diagram(self, block: Diagram) -> None:
        document = self.document
        if not self.figures:
            for line in (block.text or block.outline).rstrip().splitlines():
                document.add_paragraph(line.lstrip("#-* ").strip() or " ")
            return
        for number, figure in enumerate(self.figures):
            alt = block.alt if len(self.figures) == 1 else f"{block.alt}; part {number + 1}: {figure.caption}"
            # Each part on a page of its own shape: a new section, or a break before the picture (never an
            # empty paragraph that could spill onto a blank page).
            started = self.switch(figure.page) if number else False
            picture = _picture(document, figure.png, picture_width_emu(figure.png, figure.page), alt)
            picture.paragraph_format.page_break_before = number > 0 and not started
            caption = block.alt if len(self.figures) == 1 else f"Part {number + 1} of {len(self.figures)}: " \
                                                                 f"{figure.caption}"
            document.add_paragraph(caption, style="Caption")
        if not all(legible_on(figure.png, figure.page) for figure in self.figures):
            document.add_paragraph("The diagram prints its smallest text below 8 pt: every box and link is "
                                   "listed here as text.")
            for line in (block.text or block.outline).rstrip().splitlines():
                document.add_paragraph(line.lstrip("#-* ").strip() or " ")


def _word_safe(block: Block) -> Block:
    """The block with its text writable (python-docx raises on control characters from a model) and
    free of Markdown: a `code` span is shown as a quotation."""
    def clean(text: str) -> str:
        return _CODE.sub(lambda m: f"‘{m.group(1)}’", xml_text(text)).replace("`", "'")

    changes = {}
    for field in dataclasses.fields(block):
        value = getattr(block, field.name)
        if isinstance(value, str) and field.name != "outline":
            changes[field.name] = clean(value)
        elif field.name in ("items", "headers", "headings"):
            changes[field.name] = tuple(map(clean, value))
        elif field.name == "rows":
            changes[field.name] = tuple(tuple(map(clean, row)) for row in value)
    return dataclasses.replace(block, **changes)


def _runs(paragraph, text: str, italic: bool = False, size=None, bold: bool = False) -> None:
    """The text as runs, each placeholder highlighted so the commissioner sees what is left to fill."""
    from docx.enum.text import WD_COLOR_INDEX

    position = 0
    for match in [*_PLACEHOLDER.finditer(text), None]:
        end = match.start() if match else len(text)
        pieces = [(text[position:end], False)]
        if match:
            pieces.append((match.group(), True))
            position = match.end()
        for piece, placeholder in pieces:
            if not piece:
                continue
            run = paragraph.add_run(piece)
            run.italic = italic or None
            run.bold = bold or None
            if size is not None:
                run.font.size = size
            if placeholder:
                run.font.highlight_color = WD_COLOR_INDEX.YELLOW


def _shape(section, shape: str) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm

    width, height = _SHAPES[shape]
    section.orientation = WD_ORIENT.LANDSCAPE if width > height else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(width), Cm(height)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(_MARGIN_CM))


def _field(paragraph, instruction: str, shown: str) -> None:
    """A simple field (PAGE, NUMPAGES) with the text shown until the program computes it."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = shown
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _page_numbers(section) -> None:
    """"Page N of M" in the footer; later sections inherit the footer."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run("Page ")
    _field(paragraph, "PAGE", "1")
    paragraph.add_run(" of ")
    _field(paragraph, "NUMPAGES", "1")


def _set_language(document) -> None:
    """The document's language, so spelling, hyphenation and screen readers use British English."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    run_defaults = defaults.find(qn("w:rPrDefault"))
    properties = run_defaults.find(qn("w:rPr"))
    language = properties.find(qn("w:lang"))
    if language is None:
        language = OxmlElement("w:lang")
        properties.append(language)
    language.set(qn("w:val"), LANGUAGE)
    language.set(qn("w:eastAsia"), LANGUAGE)
    language.set(qn("w:bidi"), "ar-SA")


def _update_fields_on_open(document) -> None:
    # Word fills in the contents' page numbers when the document opens (it asks first).
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    document.settings.element.append(update)


def _contents(document, block: Contents) -> None:
    """A TOC field over the section headings, holding the headings until it is updated."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    from docx.shared import Pt

    # Not a heading style: the contents must not list itself.
    title = document.add_paragraph().add_run("Contents")
    title.bold, title.font.size = True, Pt(20)

    def char(paragraph, kind: str) -> None:
        run = OxmlElement("w:r")
        mark = OxmlElement("w:fldChar")
        mark.set(qn("w:fldCharType"), kind)
        if kind == "begin":
            mark.set(qn("w:dirty"), "true")
        run.append(mark)
        paragraph._p.append(run)

    first = document.add_paragraph()
    char(first, "begin")
    instruction = OxmlElement("w:r")
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = ' TOC \\o "1-1" \\h \\z \\u '
    instruction.append(text)
    first._p.append(instruction)
    char(first, "separate")
    paragraphs = [first] + [document.add_paragraph() for _ in block.headings[1:]]
    for paragraph, heading in zip(paragraphs, block.headings):
        paragraph.add_run(heading)
    char(paragraphs[-1], "end")


def _banner(document, block: Banner, width: int) -> None:
    """A red-bordered box: the plan is not ready to send, and why."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    table = document.add_table(rows=1, cols=1)
    table.autofit = False
    cell = table.rows[0].cells[0]
    cell.width = width
    table.columns[0].width = width
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:fill"), "FDECEE")
    properties.append(shading)
    borders = OxmlElement("w:tcBorders")
    for side in ("top", "left", "bottom", "right"):
        border = OxmlElement(f"w:{side}")
        border.set(qn("w:val"), "single")
        border.set(qn("w:sz"), "18")
        border.set(qn("w:color"), "B00020")
        borders.append(border)
    properties.append(borders)
    title = cell.paragraphs[0].add_run(block.title)
    title.bold, title.font.size, title.font.color.rgb = True, Pt(14), RGBColor(0xB0, 0x00, 0x20)
    for item in block.items:
        _runs(cell.add_paragraph(style="List Bullet"), item, size=Pt(10))
    document.add_paragraph()


def _table(document, headers, rows, size, width: int, header: bool = True) -> None:
    table = document.add_table(rows=1 if header else 0, cols=len(headers))
    table.style = "Table Grid"
    table.autofit = False
    if header:
        for cell, text in zip(table.rows[0].cells, headers):
            cell.text = ""
            _runs(cell.paragraphs[0], text, size=size, bold=True)
        _repeat_header(table.rows[0])
    widths = _column_widths(Table(tuple(headers), tuple(rows)), width, size)
    for row in rows:
        added = table.add_row()
        if _row_lines(row, widths, size) < 12:
            _keep_together(added)  # a long row may break across pages rather than be clipped
        for index, (cell, text) in enumerate(zip(added.cells, row)):
            cell.text = ""
            _runs(cell.paragraphs[0], text, size=size, bold=not header and index == 0)
    for column, column_width in zip(table.columns, widths):
        column.width = column_width  # the grid, which LibreOffice reads; Word reads the cells
        for cell in column.cells:
            cell.width = column_width


def _row_lines(row, widths, size) -> int:
    return max((math.ceil(len(text) * size * 0.5 / max(width - 228600 // 2, 1)) for text, width in zip(row, widths)),
               default=1)


def _column_widths(block: Table, page_width: int, size) -> list[int]:
    """Column widths as a browser lays out an automatic table: each column at least as wide as its
    longest unbreakable piece (header words never break; no piece claims more than a quarter of
    the page) and the room beyond that shared in proportion to how much more each column would
    need to set its longest cell on one line. Whatever the text, the columns add up to no more
    than the page."""
    from docx.shared import Cm

    padding = Cm(0.45)  # the cell's left and right margins

    def width_of(characters: int, em: float = 0.58) -> int:
        # Calibri averages about half an em a character, but where it is missing LibreOffice sets DejaVu
        # Sans, which is wider: 0.58 em (0.68 bold) keeps header words whole in either.
        return int(characters * size * em) + padding

    floors, minimums, maximums = [], [], []
    for index, header in enumerate(block.headers):
        floors.append(width_of(max((len(word) for word in header.split()), default=1), em=0.68))
        # A line may break after a hyphen or slash, so an id like "practitioner-practice" needs only
        # the width of its longest piece.
        pieces = [piece for row in block.rows for piece in _BREAKS.split(row[index]) if piece]
        longest = max((len(piece) for piece in pieces), default=1)
        minimums.append(max(floors[-1], min(width_of(longest), page_width // 4)))
        widest = max([len(row[index]) for row in block.rows] or [0])
        maximums.append(max(minimums[-1], min(width_of(widest), page_width), width_of(len(header), em=0.68)))
    if sum(maximums) <= page_width:
        spare = page_width - sum(maximums)
        return [m + spare * m // sum(maximums) for m in maximums]
    if sum(minimums) <= page_width:
        room, wanted = page_width - sum(minimums), sum(mx - mn for mx, mn in zip(maximums, minimums))
        return [mn + (mx - mn) * room // wanted for mx, mn in zip(maximums, minimums)]
    # Too wide even at the minimums: the headers keep their words, and the columns give up what their
    # long pieces claim beyond that in proportion (when even the headers cannot fit, everything shrinks).
    room = page_width - sum(floors)
    if room > 0:
        extra = sum(minimum - floor for minimum, floor in zip(minimums, floors))
        return [floor + (minimum - floor) * room // extra for minimum, floor in zip(minimums, floors)]
    return [floor * page_width // sum(floors) for floor in floors]


def _picture(document, png: bytes, width: int, alt: str):
    """The picture at ``width`` EMU, with its alt text (descr) for screen readers."""
    from docx.oxml.ns import qn

    paragraph = document.add_paragraph()
    run = paragraph.add_run()
    run.add_picture(io.BytesIO(png), width=width)
    properties = run._r.find(f".//{qn('wp:docPr')}")
    properties.set("descr", alt)
    properties.set("title", alt[:255])
    return paragraph


def _repeat_header(row) -> None:
    # Word repeats a header row on each page only with this flag; python-docx has no API for it.
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = row._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    properties.append(flag)


def _keep_together(row) -> None:
    # A short row is never split across pages (Word's "allow row to break across pages" off).
    from docx.oxml import OxmlElement

    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def _reproducible(package: bytes) -> bytes:
    """The same package with fixed zip timestamps and a fixed document modification time."""
    source = zipfile.ZipFile(io.BytesIO(package))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_FIXED_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = _MODIFIED.sub(rb"\g<1>2000-01-01T00:00:00Z\g<2>", data)
            target.writestr(fixed, data)
    return out.getvalue()
