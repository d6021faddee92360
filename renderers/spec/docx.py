"""The specification as a Word document (python-docx): real headings, styles and tables.

The bytes are made reproducible: python-docx stamps the zip entries with the
current time, so the package is rewritten with a fixed timestamp.
"""

from __future__ import annotations

import dataclasses
import io
import re
import zipfile

from toc.renderers.escape import xml_text
from toc.renderers.spec.blocks import Block, Bullets, Diagram, Heading, Paragraph, Table

_FIXED_TIME = (2000, 1, 1, 0, 0, 0)
# openpyxl stamps the save time here whatever the properties say.
_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def render_docx(blocks: list[Block], png: bytes | None) -> bytes:
    """``png`` is the diagram from Graphviz, or None to include the text outline instead."""
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_BREAK
    from docx.shared import Cm, Pt

    blocks = [_xml_safe(block) for block in blocks]
    document = docx.Document()
    # The document's properties hold at most 255 characters (python-docx raises beyond that).
    document.core_properties.title = next((b.text for b in blocks if isinstance(b, Heading)), "")[:255]
    document.core_properties.author = "toc"
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = "Calibri", Pt(11)
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.0))

    for block in blocks:
        if isinstance(block, Heading):
            document.add_heading(block.text, level=0 if block.level == 1 else block.level - 1)
        elif isinstance(block, Paragraph):
            paragraph = document.add_paragraph()
            paragraph.add_run(block.text).italic = block.emphasis
        elif isinstance(block, Bullets):
            for item in block.items:
                document.add_paragraph(item, style="List Bullet")
        elif isinstance(block, Table):
            if block.wide:
                landscape = document.add_section()
                landscape.orientation = WD_ORIENT.LANDSCAPE
                landscape.page_width, landscape.page_height = Cm(29.7), Cm(21.0)
            _table(document, block, Pt(8 if block.wide else 9), Cm(25.7 if block.wide else 17.0))
            if block.wide:
                portrait = document.add_section()
                portrait.orientation = WD_ORIENT.PORTRAIT
                portrait.page_width, portrait.page_height = Cm(21.0), Cm(29.7)
        elif isinstance(block, Diagram):
            if png is not None:
                # The diagram is wide: give it a landscape page of its own so its words stay legible.
                landscape = document.add_section()
                landscape.orientation = WD_ORIENT.LANDSCAPE
                landscape.page_width, landscape.page_height = Cm(29.7), Cm(21.0)
                document.add_picture(io.BytesIO(png), width=_fit(png, Cm(25.7), Cm(15.5)))
                document.add_paragraph(block.alt, style="Caption")
                portrait = document.add_section()
                portrait.orientation = WD_ORIENT.PORTRAIT
                portrait.page_width, portrait.page_height = Cm(21.0), Cm(29.7)
            else:
                for line in (block.text or block.outline).rstrip().splitlines():
                    document.add_paragraph(line.lstrip("#-* ").strip() or " ")
            document.add_paragraph().add_run().add_break(WD_BREAK.LINE)

    buffer = io.BytesIO()
    document.save(buffer)
    return _reproducible(buffer.getvalue())


def _xml_safe(block: Block) -> Block:
    """The block with its text made writable: python-docx raises on control characters from a model."""
    changes = {}
    for field in dataclasses.fields(block):
        value = getattr(block, field.name)
        if isinstance(value, str):
            changes[field.name] = xml_text(value)
        elif field.name in ("items", "headers"):
            changes[field.name] = tuple(map(xml_text, value))
        elif field.name == "rows":
            changes[field.name] = tuple(tuple(map(xml_text, row)) for row in value)
    return dataclasses.replace(block, **changes)


def _table(document, block: Table, size, page_width) -> None:
    table = document.add_table(rows=1, cols=len(block.headers))
    table.style = "Table Grid"
    table.autofit = False
    for cell, text in zip(table.rows[0].cells, block.headers):
        cell.text = ""
        run = cell.paragraphs[0].add_run(text)
        run.bold, run.font.size = True, size
    _repeat_header(table.rows[0])
    for row in block.rows:
        added = table.add_row()
        _keep_together(added)
        cells = added.cells
        for cell, text in zip(cells, row):
            cell.text = ""
            cell.paragraphs[0].add_run(text).font.size = size
    for column, width in zip(table.columns, _column_widths(block, page_width, size)):
        column.width = width  # the grid, which LibreOffice reads; Word reads the cells
        for cell in column.cells:
            cell.width = width


def _column_widths(block: Table, page_width: int, size) -> list[int]:
    """Widths that never break a header word and, where the page allows, no word at all (at the
    table's font size); the rest of the page is shared in proportion to how much each column says.
    Whatever the text, the columns add up to no more than the page."""
    from docx.shared import Cm

    def width_of(words: list[str], em: float = 0.58) -> int:
        # About 0.55 em per character (more in the bold header), plus the cell's padding.
        return int(max((len(word) for word in words), default=1) * size * em) + Cm(0.45)

    floors, minimums, weights = [], [], []
    for index, header in enumerate(block.headers):
        floors.append(width_of(header.split(), em=0.68))
        words = [word for row in block.rows for word in row[index].split()]
        # No word may claim more than a third of the page: a long id or web address breaks instead.
        minimums.append(max(floors[-1], min(width_of(words), page_width // 3)))
        lengths = [len(row[index]) for row in block.rows] or [0]
        weights.append(max(sum(lengths) / len(lengths), 1))
    if sum(minimums) > page_width:
        # Too wide: the headers keep their words, and the columns give up what their long words
        # claim beyond that in proportion (when even the headers cannot fit, everything shrinks).
        room = page_width - sum(floors)
        if room > 0:
            extra = sum(minimum - floor for minimum, floor in zip(minimums, floors))
            minimums = [floor + (minimum - floor) * room // extra for minimum, floor in zip(minimums, floors)]
        else:
            minimums = [floor * page_width // sum(floors) for floor in floors]
    spare = max(page_width - sum(minimums), 0)
    total = sum(weights)
    return [minimum + int(spare * weight / total) for minimum, weight in zip(minimums, weights)]


def _repeat_header(row) -> None:
    # Word repeats a header row on each page only with this flag; python-docx has no API for it.
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = row._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    properties.append(flag)


def _fit(png: bytes, max_width: int, max_height: int) -> int:
    """The picture width that fits the page both ways (PNG keeps its size at bytes 16-24)."""
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    if not width or not height:
        return max_width
    return int(min(max_width, max_height * width / height))


def _keep_together(row) -> None:
    # A row is never split across pages (Word's "allow row to break across pages" off).
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
