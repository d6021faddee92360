"""`toc spec` gives a specification a commissioner can send (issue 17): readiness first, every section,
placeholders marked, and a Word document that prints: tables within their pages, alt text, page
numbers, a language, a legible diagram, and no Markdown or file-system paths in its text."""

import io
import re
import shutil
import struct
import subprocess
import zipfile
import zlib

import pytest

from conftest import EXAMPLES
from toc.checker import check_text
from toc.cli import main
from toc.evaluation.catalogue import catalogue_for
from toc.evaluation.costing import COST_BANDS, price_plan, stated_amount
from toc.evaluation.governance import data_protection
from toc.evaluation.plan import plan_evaluation
from toc.evaluation.timeline import milestone_months, timeline_of
from toc.renderers.spec.blocks import Banner, Heading
from toc.renderers.spec.document import build_specification
from toc.renderers.spec.figures import MINIMUM_POINTS, smallest_text_points
from toc.renderers.spec.markdown import render_markdown

EXAMPLE_NAMES = ["east-midlands", "flawed", "kirklees", "leicester-city", "sefton", "wirral"]
EAST_MIDLANDS = str(EXAMPLES / "east-midlands.toc.yaml")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
ABSOLUTE_PATH = re.compile(r"(?<![\w/.:])/(?:[\w.-]+/)+[\w.-]*|\b[A-Za-z]:\\[\w\\.-]+")


# ------------------------------------------------------------------ the DOCX check
def docx_problems(data: bytes) -> list[str]:
    """What stops a Word document from printing and reading well; empty when it is fine."""
    from lxml import etree

    problems = []
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        body = etree.fromstring(package.read("word/document.xml")).find(f"{W}body")
        footers = [package.read(name) for name in package.namelist() if re.match(r"word/footer\d*\.xml", name)]
        styles = package.read("word/styles.xml")
    # Each table against the text width of the section it is in (a paragraph carrying sectPr ends one).
    sections, tables_by_section = [], [[]]
    for element in body:
        if element.tag == f"{W}tbl":
            tables_by_section[-1].append(element)
        elif element.tag == f"{W}p" and element.find(f"{W}pPr/{W}sectPr") is not None:
            sections.append(element.find(f"{W}pPr/{W}sectPr"))
            tables_by_section.append([])
    sections.append(body.find(f"{W}sectPr"))
    for section, tables in zip(sections, tables_by_section):
        size, margins = section.find(f"{W}pgSz"), section.find(f"{W}pgMar")
        width = int(size.get(f"{W}w")) - int(margins.get(f"{W}left")) - int(margins.get(f"{W}right"))
        for table in tables:
            columns = [int(column.get(f"{W}w")) for column in table.iter(f"{W}gridCol")]
            if sum(columns) > width + len(columns):  # twips; each column may round up by one
                first = "".join(table.itertext())[:40]
                problems.append(f"table wider than its page ({sum(columns)} > {width} twips): {first}")
    for properties in body.iter(f"{WP}docPr"):
        if not (properties.get("descr") or "").strip():
            problems.append(f"picture without alt text: {properties.get('name')}")
    for text in body.iter(f"{W}t"):
        if "`" in (text.text or ""):
            problems.append(f"backtick in text: {text.text[:60]}")
        if ABSOLUTE_PATH.search(text.text or ""):
            problems.append(f"file-system path in text: {text.text[:60]}")
    if not any(b"PAGE" in footer for footer in footers):
        problems.append("no page-number field in any footer")
    if b"<w:lang " not in styles:
        problems.append("no document language")
    return problems


def _png(width: int, height: int) -> bytes:
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    raw = b"".join(b"\x00" + b"\xff" * width * 3 for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def test_the_check_fails_on_each_problem_it_looks_for():
    import docx
    from docx.shared import Cm

    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    for column in table.columns:
        column.width = Cm(12)  # 24 cm on a 21.6 cm page with 2.5 cm margins
    document.add_paragraph("add it under `evaluation:`, see /home/someone/model.toc.yaml")
    document.add_picture(io.BytesIO(_png(4, 4)))
    from docx.oxml.ns import qn

    for language in document.styles.element.iter(qn("w:lang")):
        language.getparent().remove(language)
    buffer = io.BytesIO()
    document.save(buffer)
    problems = docx_problems(buffer.getvalue())
    assert any(p.startswith("table wider than its page") for p in problems)
    assert any(p.startswith("picture without alt text") for p in problems)
    assert any(p.startswith("backtick in text") for p in problems)
    assert any(p.startswith("file-system path in text") for p in problems)
    assert "no page-number field in any footer" in problems
    assert "no document language" in problems


@pytest.fixture(scope="module")
def documents(tmp_path_factory):
    folder = tmp_path_factory.mktemp("docx")
    made = {}
    for name in EXAMPLE_NAMES:
        out = folder / f"{name}.docx"
        extra = ["--procurement"] if name == "east-midlands" else []
        assert main(["spec", str(EXAMPLES / f"{name}.toc.yaml"), "-o", str(out), *extra]) == 0
        made[name] = out
    return made


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_every_example_docx_passes_the_check(documents, name):
    assert docx_problems(documents[name].read_bytes()) == []


def test_a_model_given_by_absolute_path_is_not_named_in_the_document(tmp_path):
    model = tmp_path / "m.toc.yaml"
    model.write_text("toc: 1\ntitle: T\nnodes:\n  a: {type: activity, label: A, leads_to: [b]}\n"
                     "  b: {type: outcome, term: short, label: B}\n")
    assert main(["spec", str(model), "-o", str(tmp_path / "s.docx")]) == 0
    assert docx_problems((tmp_path / "s.docx").read_bytes()) == []
    assert str(tmp_path) not in render_markdown(_blocks(model.read_text(), str(model)))


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_the_diagram_prints_its_smallest_text_at_8_points_or_more(documents, name):
    # Every example is too wide for one A4 page at 8 pt: it is split at the outputs, and a part too
    # tall or too wide for A4 goes on an A3 page of the shape that fits it.
    from docx import Document

    document = Document(str(documents[name]))
    pictures = document.inline_shapes
    assert len(pictures) in (1, 2)
    for picture in pictures:
        blip = picture._inline.graphic.graphicData.pic.blipFill.blip.embed
        png = document.part.related_parts[blip].blob
        assert smallest_text_points(png, picture.width) >= MINIMUM_POINTS
    assert "listed here as text" not in "\n".join(p.text for p in document.paragraphs)


def test_the_diagram_key_is_text_not_part_of_the_picture():
    from toc.renderers.dot import DiagramOptions, render_dot
    from toc.renderers.spec.figures import diagram_key

    model = check_text(NO_QUESTIONS, "m.toc.yaml").model
    source = render_dot(model, DiagramOptions(workshop=True))
    assert "legend" in source
    assert "legend" not in render_dot(model, DiagramOptions(workshop=True, legend=False))
    key = dict(diagram_key())
    assert key["blue box"] == "Activity" and key["dashed arrow"] == "a link with weak evidence"
    markdown = render_markdown(_blocks(NO_QUESTIONS))
    assert "| orange box with a folded corner | Need |" in markdown


def test_every_page_has_a_number_and_the_contents_is_a_field(documents):
    with zipfile.ZipFile(documents["wirral"]) as package:
        document = package.read("word/document.xml").decode()
        settings = package.read("word/settings.xml").decode()
    assert 'TOC \\o "1-1"' in document and "updateFields" in settings


@pytest.mark.skipif(not (shutil.which("soffice") or shutil.which("libreoffice")) or not shutil.which("pdftotext"),
                    reason="needs LibreOffice and pdftotext (poppler-utils)")
def test_the_pdf_has_every_section_heading_and_the_matrix_last_column(documents, tmp_path):
    office = shutil.which("soffice") or shutil.which("libreoffice")
    source = documents["east-midlands"]
    subprocess.run([office, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to",
                    "pdf", "--outdir", str(tmp_path), str(source)], capture_output=True, timeout=240, check=True)
    text = subprocess.run(["pdftotext", str(tmp_path / "east-midlands.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    flat = " ".join(text.split())
    blocks = _blocks(open(EAST_MIDLANDS).read(), EAST_MIDLANDS, procurement=True)
    headings = [b.text for b in blocks if isinstance(b, Heading) and b.level == 2]
    assert len(headings) == 24  # 20 sections and four annexes
    for heading in headings:
        assert heading in flat, heading
    assert "Responsibility" in flat.split("Annex B. Evaluation matrix")[-1]  # the matrix's last column
    assert "Page 1 of" in flat


# ------------------------------------------------------------------ readiness
NO_QUESTIONS = """\
toc: 1
title: Small
nodes:
  course: {type: activity, label: Couples course, leads_to: [calmer]}
  calmer:
    type: outcome
    term: short
    label: Calmer arguments
"""


def _blocks(text: str, path: str = "m.toc.yaml", procurement: bool = False):
    report = check_text(text, path)
    catalogue = catalogue_for(report.model)
    plan = plan_evaluation(report.model, catalogue, report.findings)
    return build_specification(report.model, plan, catalogue, report.findings, procurement=procurement)


def test_the_banner_comes_first_for_the_flawed_example_and_a_model_without_questions():
    flawed = _blocks((EXAMPLES / "flawed.toc.yaml").read_text(), str(EXAMPLES / "flawed.toc.yaml"))
    assert isinstance(flawed[0], Banner)
    assert flawed[0].items[0].startswith("the model has 9 errors")
    small = _blocks(NO_QUESTIONS)
    assert isinstance(small[0], Banner)
    assert small[0].items == ("no evaluation questions: add them under `evaluation: questions:`",)
    assert render_markdown(small).startswith("> **Not ready to send**")


def test_no_banner_for_a_complete_model(documents):
    blocks = _blocks(open(EAST_MIDLANDS).read(), EAST_MIDLANDS)
    assert not any(isinstance(b, Banner) for b in blocks)
    assert isinstance(blocks[0], Heading)
    from docx import Document

    assert not Document(str(documents["east-midlands"])).paragraphs[0].text.startswith("Not ready")


def test_the_flawed_docx_opens_with_the_banner(documents):
    from docx import Document

    first = Document(str(documents["flawed"])).tables[0]
    assert first.rows[0].cells[0].paragraphs[0].text == "Not ready to send"


def test_an_impact_claim_the_numbers_cannot_show_is_a_reason_not_to_send():
    text = NO_QUESTIONS + """\
    indicators:
      - {id: score, unit: score (0-40), instrument: sdq, baseline: 16, target: 13, sample: 20}
evaluation:
  questions:
    - {id: q1, text: Calmer?, kind: impact, nodes: [calmer], methods: [parent-survey]}
"""
    banner = _blocks(text)[0]
    assert isinstance(banner, Banner)
    assert banner.items == ("impact question q1 claims a change in calmer that its numbers cannot show "
                            "(indicator score: needs 74 per group, about 20 available)",)


# ------------------------------------------------------------------ sections
def test_every_section_is_there_and_placeholders_are_marked():
    markdown = render_markdown(_blocks(NO_QUESTIONS))
    for heading in ("Sampling, sample size and power", "Analysis plan", "Economic evaluation",
                    "Ethics, safeguarding and information governance", "Governance and roles",
                    "Deliverables and timeline", "Budget and proportionality", "Evaluator skills",
                    "Risks and mitigations", "Dissemination, publication and quality assurance"):
        assert f". {heading}\n" in markdown, heading
    assert "\\[To complete: date of issue\\]" in markdown
    assert "Annex D. Procurement" not in markdown


def test_the_procurement_annex_only_when_asked():
    markdown = render_markdown(_blocks(NO_QUESTIONS, procurement=True))
    annex = markdown.split("## Annex D. Procurement", 1)[1]
    for part in ("Instructions to bidders", "Award criteria and weighting", "Pricing schedule", "Contract terms"):
        assert f"### {part}" in annex
    assert "| Couples course" not in annex and "\\[Bidder to complete\\]" in annex


def test_cost_benefit_only_on_an_impact_estimate_at_sms_3_or_above():
    weak = render_markdown(_blocks(open(EAST_MIDLANDS).read(), EAST_MIDLANDS))
    economic = weak.split("## 13. Economic evaluation", 1)[1].split("\n## ", 1)[0]
    assert "### Cost analysis (always)" in economic and "### Cost-consequence analysis" in economic
    assert "Not proposed: no claim rests on a design at SMS 3 or above" in economic
    strong = NO_QUESTIONS + """\
    indicators: [{id: score, instrument: sdq, unit: score (0-40)}]
evaluation:
  questions:
    - {id: q1, text: Calmer?, kind: impact, nodes: [calmer], methods: [waiting-list-comparison],
       comparison: families on the waiting list}
    - {id: q2, text: Worth it?, kind: economic, nodes: [calmer], methods: [cost-benefit]}
"""
    economic = render_markdown(_blocks(strong)).split("## 13. Economic evaluation", 1)[1].split("\n## ", 1)[0]
    assert "Possible where an impact estimate exists: Calmer arguments (SMS 3)" in economic


def test_a_named_cost_benefit_analysis_without_an_impact_estimate_is_told_to_wait():
    text = NO_QUESTIONS + """\
evaluation:
  questions:
    - {id: q1, text: Worth it?, kind: economic, nodes: [calmer], methods: [cost-benefit]}
"""
    markdown = render_markdown(_blocks(text))
    assert "report it as a cost-consequence analysis until a design at SMS 3" in markdown


def test_budget_is_priced_once_per_method_and_compared_with_an_amount():
    assert (stated_amount("£40,000 over two years"), stated_amount("£40k"), stated_amount("£1.2 million"),
            stated_amount("to be confirmed")) == (40_000, 40_000, 1_200_000, None)
    report = check_text(open(EAST_MIDLANDS).read(), EAST_MIDLANDS)
    catalogue = catalogue_for(report.model)
    plan = plan_evaluation(report.model, catalogue, report.findings)
    pricing = price_plan(plan, catalogue, "£20,000")
    assert [m.id for m in pricing.methods] == list(plan.methods_used)
    assert pricing.low == sum(COST_BANDS[catalogue.methods[m].cost][0] for m in plan.methods_used)
    assert pricing.verdict.startswith("the stated £20,000 is below the lower end")
    assert price_plan(plan, catalogue, "£1 million").verdict.endswith("covers the upper end of the design's "
                                                                      "indicative cost")


def test_health_and_police_data_are_named_with_their_articles():
    text = """\
toc: 1
nodes:
  need: {type: need, label: Need, indicators: [{id: census, source: Public Health profile}], leads_to: [act]}
  act: {type: activity, label: Act, leads_to: [well, safe]}
  well:
    type: outcome
    term: short
    label: Parents feel better
    indicators: [{id: wellbeing, instrument: swemwbs}]
  safe:
    type: outcome
    term: medium
    label: Fewer incidents
    indicators: [{id: incidents, measure: Repeat police-attended domestic incidents}]
"""
    report = check_text(text, "m.toc.yaml")
    found = data_protection(report.model, catalogue_for(report.model))
    assert [(d.node, d.indicator) for d in found.health] == [("well", "wellbeing")]  # not the need's figure
    assert [(d.node, d.indicator, d.why) for d in found.criminal] == [("safe", "incidents", '"police"')]
    markdown = render_markdown(_blocks(text))
    assert "(UK GDPR Article 9)" in markdown and "(UK GDPR Article 10)" in markdown


def test_deliverables_take_their_dates_from_the_timeline():
    report = check_text(open(EAST_MIDLANDS).read(), EAST_MIDLANDS)
    assert milestone_months(report.model.evaluation) == {"inception": 3, "interim": 9, "final": 24}
    assert all(fit.fits for fit in timeline_of(report.model).fits())
    markdown = render_markdown(_blocks(open(EAST_MIDLANDS).read(), EAST_MIDLANDS))
    assert "| Interim report on training reach and practitioner confidence | month 9 of the contract |" in markdown


# ------------------------------------------------------------------ the matrix spreadsheet
def test_the_matrix_sheet_prints_landscape_one_page_wide_with_its_header_on_every_page(tmp_path):
    import openpyxl

    assert main(["spec", str(EXAMPLES / "wirral.toc.yaml"), "-o", str(tmp_path / "s.md"),
                 "--matrix", str(tmp_path / "m.xlsx")]) == 0
    sheet = openpyxl.load_workbook(tmp_path / "m.xlsx").active
    assert sheet.page_setup.orientation == "landscape"
    assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0)
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == "$1:$1"
    rows = list(sheet.iter_rows(values_only=True))
    # Wirral asks no questions: the question text, kind and timing columns would be empty, so they go;
    # rows get heights that show their wrapped text.
    assert "Question text" not in rows[0] and "Kind" not in rows[0]
    for index in range(len(rows[0])):
        assert any(row[index] for row in rows[1:]), rows[0][index]
    assert all(sheet.row_dimensions[n].height and sheet.row_dimensions[n].height >= 15
               for n in range(1, sheet.max_row + 1))
    assert max(sheet.row_dimensions[n].height for n in range(2, sheet.max_row + 1)) > 15
