"""`toc serve --edit` in a real browser (Debian's chromium, driven by Playwright), as a facilitator uses it.

For each editing action: what the file on disk holds afterwards, that its comments
are all still there, that `toc check` loads it, and that the page redrew with the
change. Then the refusals: a file changed underneath, a request without the token
(refused, nothing changed), a server without --edit. Screenshots go to
out/test-artifacts/, or to docs/img/ (the pictures of docs/workshop.md) when
TOC_UPDATE_DOC_IMAGES=1.
"""

from __future__ import annotations

import difflib
import json
import os
import shutil
import threading
import urllib.error
import urllib.request
from contextlib import contextmanager

import pytest

from browser_support import ARTIFACTS, NEEDS_CHROMIUM, NEEDS_DOT, launched
from conftest import EXAMPLES, ROOT
from toc.checker import check_file

DOC_IMAGES = ROOT / "docs" / "img"

sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
pytestmark = [NEEDS_CHROMIUM, NEEDS_DOT]

MODEL = """\
# Family support: drafted at the March workshop.
toc: 1
title: Family support   # working title

nodes:
  # ---- needs
  conflict:
    type: need
    label: Parents in conflict
    leads_to: [workshop]

  # ---- activities
  workshop:
    type: activity
    label: Parenting workshop   # the 6-week course
    leads_to:
      - to: calmer
        assumption: Parents who attend use what they learn.
        evidence: moderate

  # ---- outcomes
  calmer:
    type: outcome
    term: short
    label: Calmer homes
    indicators:
      - id: arguments
        measure: Arguments per week (self-report)
        baseline: 5
"""


def comments(text: str) -> list[str]:
    return [line[line.index("#"):] for line in text.splitlines() if "#" in line]


def changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    removed, added = [], []
    for line in difflib.ndiff(before.splitlines(), after.splitlines()):
        if line.startswith("- "):
            removed.append(line[2:])
        elif line.startswith("+ "):
            added.append(line[2:])
    return removed, added


def loads(path) -> None:
    """`toc check` reads the file as a model: no syntax error, no duplicate key."""
    report = check_file(str(path))
    assert report.model is not None
    assert not [f for f in report.findings if f.code in ("TOC001", "TOC002", "TOC006")]


@contextmanager
def serving(model, editing=True, watch=True):
    """A `toc serve [--edit]` server for ``model`` answering from a thread of this process."""
    from toc.serving import EditSession, LivePage, PageServer

    page = LivePage(str(model), editing=EditSession() if editing else None)
    if not watch:
        page.watch = lambda *args: None  # the page hears of no save: the edit meets the newer file itself
    page.refresh()
    server = PageServer("127.0.0.1", 0, page)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


@pytest.fixture(scope="module")
def browser():
    yield from launched(sync_api)


class Workshop:
    """The editing page open in the browser, with what the browser complained about collected."""

    def __init__(self, browser, server, width=1500, height=900):
        self.server = server
        self.page = browser.new_page(viewport={"width": width, "height": height})
        self.problems: list[str] = []
        self.page.on("console", lambda message: message.type in ("error", "warning")
                     and self.problems.append(f"{message.type}: {message.text}"))
        self.page.on("pageerror", lambda error: self.problems.append(f"page error: {error}"))
        self.page.goto(server.url)

    @property
    def dialog(self):
        return self.page.get_by_role("dialog")

    def node(self, node_id):
        return self.page.locator(f'g.node[data-node="{node_id}"]')

    def open_box(self, node_id):
        self.node(node_id).click()
        assert self.page.locator("#panel-title").inner_text()

    def submit(self, name):
        """Press the form's button and wait for the page to come back redrawn."""
        with self.page.expect_event("load"):
            self.dialog.get_by_role("button", name=name, exact=True).click()

    def toast(self) -> str:
        return self.page.locator(".toast").inner_text()

    def shoot(self, name, for_docs=False):
        folder = DOC_IMAGES if for_docs and os.environ.get("TOC_UPDATE_DOC_IMAGES") == "1" else ARTIFACTS
        folder.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(folder / name))


@pytest.fixture
def model(tmp_path):
    path = tmp_path / "family.toc.yaml"
    path.write_text(MODEL)
    return path


@pytest.fixture
def workshop(browser, model):
    with serving(model) as server:
        opened = Workshop(browser, server)
        yield opened
        assert opened.problems == []
        opened.page.close()


def test_add_box_writes_it_into_its_column_keeping_every_comment(workshop, model):
    workshop.page.get_by_role("button", name="Add box", exact=True).click()
    form = workshop.dialog
    form.get_by_label("Label", exact=True).fill("Children feel safer at home")
    form.get_by_label("Type", exact=True).select_option("outcome")
    form.get_by_label("Term", exact=True).select_option("medium")
    workshop.submit("Add box")

    text = model.read_text()
    removed, added = changed_lines(MODEL, text)
    assert removed == []
    assert added == ["  children-feel-safer-at-home:", "    type: outcome", "    term: medium",
                     "    label: Children feel safer at home"]
    assert comments(text) == comments(MODEL)
    loads(model)
    # The page redrew: the new box is drawn and selected, and its findings are in the panel.
    assert workshop.node("children-feel-safer-at-home").count() == 1
    assert workshop.page.locator("#panel-title").inner_text() == "Children feel safer at home"
    assert "isolated-node" in workshop.page.locator("#panel").inner_text()
    assert 'Added the box "Children feel safer at home"' in workshop.toast()


def test_term_shows_only_for_outcomes_and_a_label_is_required(workshop, model):
    workshop.page.get_by_role("button", name="Add box", exact=True).click()
    form = workshop.dialog
    form.get_by_label("Type", exact=True).select_option("activity")
    assert not form.get_by_label("Term", exact=True).is_visible()
    form.get_by_role("button", name="Add box", exact=True).click()
    assert "Please fill in: Label" in form.get_by_role("alert").inner_text()
    assert model.read_text() == MODEL
    form.get_by_role("button", name="Cancel").click()
    assert not workshop.dialog.is_visible()


def test_edit_box_changes_only_its_own_lines(workshop, model):
    workshop.open_box("workshop")
    workshop.page.get_by_role("button", name="Edit box").click()
    form = workshop.dialog
    assert form.get_by_label("Label", exact=True).input_value() == "Parenting workshop"
    form.get_by_label("Label", exact=True).fill("Parenting workshop (6 weeks)")
    form.get_by_label("Group", exact=True).fill("Early Help")
    workshop.submit("Save box")
    text = model.read_text()
    removed, added = changed_lines(MODEL, text)
    assert removed == ["    label: Parenting workshop   # the 6-week course"]
    # (The longer label pushes its comment along: one space before it, as an editor would leave it.)
    assert sorted(added) == ["    group: Early Help", "    label: Parenting workshop (6 weeks) # the 6-week course"]
    assert comments(text) == comments(MODEL)
    loads(model)
    assert workshop.page.locator("#panel-title").inner_text() == "Parenting workshop (6 weeks)"


def test_delete_box_names_the_links_that_go_and_keeps_the_comments(workshop, model):
    workshop.open_box("workshop")
    workshop.page.get_by_role("button", name="Delete box").click()
    form = workshop.dialog
    going = form.locator("ul.going li").all_inner_texts()
    assert going == ["Parents in conflict → Parenting workshop", "Parenting workshop → Calmer homes"]
    workshop.shoot("edit-delete-confirmation.png")
    workshop.submit("Delete box")
    text = model.read_text()
    assert "workshop:" not in text and "leads_to" not in text.split("calmer:")[0].split("conflict:")[1]
    assert "  # ---- activities" in text and "  # ---- outcomes" in text
    loads(model)
    assert workshop.node("workshop").count() == 0


def test_add_edit_and_delete_a_link(workshop, model):
    workshop.page.get_by_role("button", name="Add link", exact=True).click()
    form = workshop.dialog
    form.get_by_label("From", exact=True).select_option("conflict")
    form.get_by_label("To", exact=True).select_option("calmer")
    form.get_by_label("Assumption", exact=True).fill("Naming the conflict already calms some homes.")
    form.get_by_label("Evidence", exact=True).select_option("weak")
    workshop.submit("Add link")
    loads(model)
    link = check_file(str(model)).model.nodes["conflict"].links[-1]
    assert (link.target, link.assumption, link.evidence.value) == (
        "calmer", "Naming the conflict already calms some homes.", "weak")
    assert comments(model.read_text()) == comments(MODEL)

    workshop.open_box("workshop")
    workshop.page.get_by_role("button", name="Edit link: Parenting workshop → Calmer homes").click()
    workshop.dialog.get_by_label("Evidence", exact=True).select_option("strong")
    before = model.read_text()
    workshop.submit("Save link")
    assert changed_lines(before, model.read_text()) == (["        evidence: moderate"], ["        evidence: strong"])

    workshop.page.get_by_role("button", name="Delete link: Parenting workshop → Calmer homes").click()
    workshop.submit("Delete link")
    assert "calmer" not in model.read_text().split("  workshop:")[1].split("  calmer:")[0]
    loads(model)
    assert comments(model.read_text()) == comments(MODEL)


def test_drag_from_box_to_box_offers_the_link(workshop, model):
    workshop.node("conflict").drag_to(workshop.node("calmer"))
    form = workshop.dialog
    assert form.get_by_label("From", exact=True).input_value() == "conflict"
    assert form.get_by_label("To", exact=True).input_value() == "calmer"
    workshop.submit("Add link")
    assert "leads_to: [workshop, calmer]" in model.read_text()
    loads(model)


def test_add_edit_and_delete_an_indicator(workshop, model):
    workshop.open_box("calmer")
    workshop.page.get_by_role("button", name="Add indicator").click()
    form = workshop.dialog
    form.get_by_label("Measure", exact=True).fill("Children's wellbeing (SDQ total)")
    form.get_by_label("Source", exact=True).fill("School nurse survey")
    form.get_by_label("Baseline", exact=True).fill("14")
    form.get_by_label("Target", exact=True).fill("12")
    form.get_by_label("Availability", exact=True).select_option("partner")
    workshop.submit("Add indicator")
    removed, added = changed_lines(MODEL, model.read_text())
    assert removed == []
    assert added == ["      - id: children-s-wellbeing-sdq-total", "        measure: Children's wellbeing (SDQ total)",
                     "        source: School nurse survey", "        baseline: 14", "        target: 12",
                     "        availability: partner"]
    loads(model)

    workshop.page.get_by_role("button", name="Edit indicator: Arguments per week").click()
    workshop.dialog.get_by_label("Target", exact=True).fill("2")
    workshop.submit("Save indicator")
    assert "        baseline: 5\n        target: 2\n" in model.read_text()

    workshop.page.get_by_role("button", name="Delete indicator: Arguments per week").click()
    workshop.submit("Delete indicator")
    assert "id: arguments" not in model.read_text()
    loads(model)
    assert comments(model.read_text()) == comments(MODEL)


def test_undo_puts_the_file_back_byte_for_byte(workshop, model):
    assert workshop.page.get_by_role("button", name="Undo the last edit").is_disabled()
    workshop.open_box("calmer")
    workshop.page.get_by_role("button", name="Edit box").click()
    workshop.dialog.get_by_label("Label", exact=True).fill("Calmer, happier homes")
    workshop.submit("Save box")
    assert "Calmer, happier homes" in model.read_text()
    with workshop.page.expect_event("load"):
        workshop.page.get_by_role("button", name="Undo the last edit").click()
    assert model.read_text() == MODEL
    assert "Undone" in workshop.toast()


def test_an_edit_never_overwrites_a_file_changed_underneath(browser, model):
    with serving(model, watch=False) as server:
        workshop = Workshop(browser, server)
        workshop.open_box("calmer")
        workshop.page.get_by_role("button", name="Edit box").click()
        workshop.dialog.get_by_label("Label", exact=True).fill("Typed on the page")
        newer = MODEL.replace("label: Calmer homes", "label: Saved in a text editor")
        model.write_text(newer)  # someone saves the file while the form is open
        workshop.submit("Save box")
        assert model.read_text() == newer
        # The page reloaded with the newer version, and says why the edit was not made.
        assert "changed on disk" in workshop.toast()
        assert workshop.page.locator("#panel-title").inner_text() == "Saved in a text editor" or \
            "Saved in a text editor" in workshop.page.content()
        # (The browser logs the refusal's status; nothing else went wrong.)
        assert [problem for problem in workshop.problems if "status of 409" not in problem] == []


def test_a_broken_save_keeps_the_last_good_diagram_under_a_banner(workshop, model):
    model.write_text(MODEL + "  broken: [\n")
    workshop.page.wait_for_selector("#banner:not([hidden])", timeout=10_000)
    banner = workshop.page.locator("#banner").inner_text()
    assert "does not load now" in banner and "TOC001" in banner
    assert workshop.node("workshop").count() == 1  # the diagram is still there
    workshop.shoot("edit-broken-banner.png")
    # An edit now is refused: nothing is written over the broken file.
    workshop.open_box("calmer")
    workshop.page.get_by_role("button", name="Edit box").click()
    workshop.dialog.get_by_label("Label", exact=True).fill("Not now")
    workshop.dialog.get_by_role("button", name="Save box").click()
    sync_api.expect(workshop.dialog.get_by_role("alert")).to_contain_text("fix it in a text editor first")
    assert model.read_text() == MODEL + "  broken: [\n"
    workshop.problems.remove("error: Failed to load resource: the server responded with a status of 422 "
                             "(Unprocessable Entity)")


# ---------------------------------------------------------------- the server's guard
def post(server, body, headers=None):
    """(status, answer) of one POST /edit."""
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    request = urllib.request.Request(server.url + "edit", data=data, method="POST",
                                     headers={"Content-Type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


def page_edit_data(server) -> dict:
    with urllib.request.urlopen(server.url, timeout=10) as response:
        page = response.read().decode()
    start = page.index('<script type="application/json" id="toc-data">') + len(
        '<script type="application/json" id="toc-data">')
    return json.loads(page[start:page.index("</script>", start)])["edit"]


ADD = {"action": "add-node", "label": "Added from outside", "type": "need"}


def test_a_request_without_the_token_is_refused_and_changes_nothing(model):
    with serving(model) as server:
        edit = page_edit_data(server)
        for token in (None, "", "guessed", edit["token"] + "x"):
            body = {**ADD, "hash": edit["hash"]} | ({"token": token} if token is not None else {})
            status, answer = post(server, body)
            assert status == 403 and "token" in answer["error"]
        assert model.read_text() == MODEL
        # With the token, from the page's origin, the same edit is made.
        status, answer = post(server, {**ADD, "hash": edit["hash"], "token": edit["token"]},
                              {"Origin": server.url.rstrip("/")})
        assert status == 200 and answer["ok"] and "added-from-outside:" in model.read_text()


@pytest.mark.parametrize("headers, status", [
    ({"Origin": "http://attacker.example"}, 403),
    ({"Sec-Fetch-Site": "cross-site"}, 403),
    ({"Host": "attacker.example"}, 403),
    ({"Content-Type": "text/plain"}, 415),
])
def test_other_origins_hosts_and_content_types_are_refused(model, headers, status):
    with serving(model) as server:
        edit = page_edit_data(server)
        answer_status, _ = post(server, {**ADD, "hash": edit["hash"], "token": edit["token"]}, headers)
        assert answer_status == status
        assert model.read_text() == MODEL


def test_request_size_is_capped(model):
    from toc.serving import MAX_EDIT_BYTES

    with serving(model) as server:
        edit = page_edit_data(server)
        body = {**ADD, "label": "x" * MAX_EDIT_BYTES, "hash": edit["hash"], "token": edit["token"]}
        status, answer = post(server, body)
        assert status == 413 and model.read_text() == MODEL


def test_without_edit_the_server_accepts_no_writes(model):
    with serving(model, editing=False) as server:
        with urllib.request.urlopen(server.url, timeout=10) as response:
            page = response.read().decode()
        start = page.index('id="toc-data">') + len('id="toc-data">')
        assert "edit" not in json.loads(page[start:page.index("</script>", start)])  # no token
        assert "function tocEditing" not in page  # no editing controls
        status, answer = post(server, {**ADD, "hash": "", "token": ""})
        assert status == 403 and "read-only" in answer["error"]
        assert model.read_text() == MODEL


def test_a_stale_version_is_refused_with_409(model):
    with serving(model) as server:
        edit = page_edit_data(server)
        model.write_text(MODEL + "# later\n")
        status, answer = post(server, {**ADD, "hash": edit["hash"], "token": edit["token"]})
        assert status == 409 and answer["stale"] and "changed on disk" in answer["error"]
        assert model.read_text() == MODEL + "# later\n"


# --------------------------------------------------------- pictures for docs/workshop.md
def test_pictures_of_a_workshop_on_a_real_model(browser, tmp_path):
    """The pictures in docs/workshop.md, taken on the Wirral case study."""
    path = tmp_path / "wirral.toc.yaml"
    shutil.copy(EXAMPLES / "wirral.toc.yaml", path)
    original = path.read_text()
    with serving(path) as server:
        workshop = Workshop(browser, server, width=1400, height=860)
        workshop.page.get_by_role("button", name="Add box", exact=True).click()
        form = workshop.dialog
        form.get_by_label("Label", exact=True).fill("Parents argue less in front of their children")
        form.get_by_label("Type", exact=True).select_option("outcome")
        form.get_by_label("Term", exact=True).select_option("short")
        workshop.shoot("workshop-add-box.png", for_docs=True)
        workshop.submit("Add box")
        workshop.shoot("workshop-new-box.png", for_docs=True)

        workshop.page.get_by_role("button", name="Add link from here").click()
        form = workshop.dialog
        form.get_by_label("To", exact=True).select_option("less-conflict")
        form.get_by_label("Assumption", exact=True).fill(
            "Parents who argue less where children can see it also argue less overall.")
        form.get_by_label("Evidence", exact=True).select_option("moderate")
        workshop.shoot("workshop-add-link.png", for_docs=True)
        workshop.submit("Add link")

        workshop.page.get_by_role("button", name="Add indicator").click()
        form = workshop.dialog
        form.get_by_label("Measure", exact=True).fill("Parents reporting arguments in front of children, last month")
        form.get_by_label("Source", exact=True).fill("Programme pre/post questionnaire")
        form.get_by_label("Baseline", exact=True).fill("not yet known")
        form.get_by_label("Availability", exact=True).select_option("not-collected")
        workshop.shoot("workshop-add-indicator.png", for_docs=True)
        workshop.submit("Add indicator")
        workshop.shoot("workshop-after-edits.png", for_docs=True)

        workshop.page.get_by_role("button", name="Delete box").click()
        workshop.shoot("workshop-delete-box.png", for_docs=True)
        workshop.dialog.get_by_role("button", name="Cancel").click()
        assert workshop.problems == []
    text = path.read_text()
    assert comments(text) == comments(original)
    assert changed_lines(original, text)[0] == []  # only added lines: a clean diff in version control
    loads(path)


def test_edit_on_a_read_only_file_is_one_line_and_exit_2(model, capsys):
    from toc.cli import main

    model.chmod(0o444)
    try:
        assert main(["serve", "--edit", str(model), "--port", "0"]) == 2
    finally:
        model.chmod(0o644)
    assert "is read-only" in capsys.readouterr().err


# Twenty boxes across the columns, as a workshop might name them: (label, type, term, leads to the box at index).
TWENTY = [
    ("Parents argue often and intensely", "need", None, 4),
    ("Separated parents in entrenched disputes", "need", None, 5),
    ("Practitioners unsure how to raise conflict", "need", None, 6),
    ("Reducing Parental Conflict grant", "input", None, 6),
    ("Arguing Better course for couples", "activity", None, 8),
    ("Parenting apart group", "activity", None, 9),
    ("RPC practitioner training", "activity", None, 10),
    ("Relationship check-in at Early Help assessment", "activity", None, 11),
    ("Couples complete the course", "output", None, 12),
    ("Separated parents complete the group", "output", None, 13),
    ("Practitioners trained", "output", None, 14),
    ("Assessments that ask about the relationship", "output", None, 14),
    ("Couples use calmer ways to disagree", "outcome", "short", 15),
    ("Separated parents communicate without hostility", "outcome", "short", 15),
    ("Practitioners confident to talk about conflict", "outcome", "short", 16),
    ("Less destructive conflict at home", "outcome", "medium", 17),
    ("Families referred to the right support earlier", "outcome", "medium", 17),
    ("Children's wellbeing improves", "outcome", "long", 19),
    ("Fewer families return to the front door", "outcome", "long", 19),
    ("Children grow up free from harmful conflict", "impact", None, None),
]


def test_a_facilitator_builds_twenty_boxes_with_links_and_indicators_on_the_page(browser, tmp_path):
    """The issue's "done when": a 20-box model built on the page, from `toc init`'s starter file,
    leaves a file that loads, keeps every comment, and differs from the starter only by added lines."""
    from toc.cli import main

    path = tmp_path / "workshop.toc.yaml"
    assert main(["init", "-q", str(path)]) == 0
    starter = path.read_text()
    with serving(path) as server:
        workshop = Workshop(browser, server)
        ids = []
        for label, kind, term, _ in TWENTY:
            workshop.page.get_by_role("button", name="Add box", exact=True).click()
            form = workshop.dialog
            form.get_by_label("Label", exact=True).fill(label)
            form.get_by_label("Type", exact=True).select_option(kind)
            if term:
                form.get_by_label("Term", exact=True).select_option(term)
            workshop.submit("Add box")
            ids.append(workshop.page.evaluate("decodeURIComponent(location.hash.slice(1))"))
        for index, (label, kind, term, target) in enumerate(TWENTY):
            if target is None:
                continue
            workshop.open_box(ids[index])
            workshop.page.get_by_role("button", name="Add link from here").click()
            form = workshop.dialog
            form.get_by_label("To", exact=True).select_option(ids[target])
            if index % 2 == 0:
                form.get_by_label("Assumption", exact=True).fill(f"Because {label.lower()} makes the next step likelier.")
                form.get_by_label("Evidence", exact=True).select_option("moderate")
            workshop.submit("Add link")
        for index in (12, 13, 15, 17, 19):
            workshop.open_box(ids[index])
            workshop.page.get_by_role("button", name="Add indicator").click()
            form = workshop.dialog
            form.get_by_label("Measure", exact=True).fill(f"Measure of {TWENTY[index][0].lower()}")
            form.get_by_label("Source", exact=True).fill("Programme questionnaire")
            form.get_by_label("Baseline", exact=True).fill("not yet known")
            form.get_by_label("Availability", exact=True).select_option("not-collected")
            workshop.submit("Add indicator")
        workshop.shoot("workshop-twenty-boxes.png", for_docs=True)
        assert workshop.problems == []
    text = path.read_text()
    loads(path)
    model = check_file(str(path)).model
    assert all(node_id in model.nodes for node_id in ids) and len(set(ids)) == 20
    assert sum(len(model.nodes[node_id].links) for node_id in ids) == 19
    assert sum(len(model.nodes[node_id].indicators) for node_id in ids) == 5
    assert comments(text) == comments(starter)
    assert changed_lines(starter, text)[0] == []  # a clean diff: only lines added


def test_editing_on_the_network_says_who_can_change_the_file(model):
    import signal
    import subprocess
    import sys

    process = subprocess.Popen([sys.executable, "-m", "toc", "serve", "--edit", str(model), "--host", "0.0.0.0",
                                "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert "editing on: the page writes to the file" in process.stdout.readline()
    finally:
        process.send_signal(signal.SIGINT)
        err = process.communicate(timeout=10)[1]
    assert "anyone who can open the page can also change the model file" in err
