"""The web edition in a real browser: headless Chromium driven by Playwright over http.

The site is built once per module (the sample and every text in tei/) and served on 127.0.0.1
by http.server in a thread, as `edition serve` does, because Pagefind's search only works over
http. A screenshot of the interview page is kept in tests/artifacts/.
"""

from __future__ import annotations

import functools
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from edition.publish.web import build_web

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Chromium (Debian package chromium) is not installed")
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (Python) is not installed")

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "tests" / "fixtures" / "sample.xml"
INTERVIEW = ROOT / "tei" / "002_398d8f7d9151e7fd.xml"
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

IN_VIEW = """id => { const r = document.getElementById(id).getBoundingClientRect();
                     return r.top >= 0 && r.bottom <= window.innerHeight; }"""


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves files without logging every request into the test output."""

    def log_message(self, format: str, *args) -> None:
        pass


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """Base address of the built site, served on 127.0.0.1 on a free port."""
    tei = tmp_path_factory.mktemp("tei")
    shutil.copy(SAMPLE, tei / "sample.xml")
    for path in sorted((ROOT / "tei").glob("*.xml")):
        shutil.copy(path, tei / path.name)
    site = tmp_path_factory.mktemp("site") / "web"
    messages: list[str] = []
    assert build_web(sorted(tei.glob("*.xml")), site, jobs=2, report=messages.append), messages
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}/"
    httpd.shutdown()
    thread.join()
    httpd.server_close()


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    tab = context.new_page()
    requests: list[str] = []
    tab.on("request", lambda request: requests.append(request.url))
    yield tab
    context.close()
    assert all(url.startswith(server) for url in requests), [u for u in requests if not u.startswith(server)]


def interview() -> tuple[str, int]:
    """The interview the tests open: the seed once it is converted, the sample until then,
    with the number of questions it must show."""
    return ("002_398d8f7d9151e7fd.html", 3) if INTERVIEW.exists() else ("sample.html", 1)


def test_index_leads_to_the_interview_with_its_speakers_and_questions(page, server):
    stem_page, questions = interview()
    page.goto(server + "index.html")
    page.locator(f"li.entry[data-kind='interview'] h3 a[href='{stem_page}']").click()
    page.wait_for_url(server + stem_page)
    labels = page.locator(".sp .speaker")
    assert labels.count() >= 2
    assert labels.first.is_visible()
    assert set(labels.all_inner_texts()) >= {"QUESTION:", "ANSWER:"}
    asked = page.locator(".sp.question")
    assert asked.count() == questions
    for turn in asked.all():
        assert turn.is_visible() and turn.locator(".speaker").inner_text() == "QUESTION:"
    question_shade = asked.first.evaluate("e => getComputedStyle(e).backgroundColor")
    answer_shade = page.locator(".sp.answer").first.evaluate("e => getComputedStyle(e).backgroundColor")
    assert question_shade != answer_shade
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "web-interview.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 20_000


def test_a_footnote_and_back(page, server):
    page.goto(server + "sample.html")
    reference = page.locator("a.noteref").first
    reference.click()
    page.wait_for_url("**#note-1")
    note = page.locator("#note-1")
    assert note.is_visible() and "Bolshevik Revolution" in note.inner_text()
    page.wait_for_function(IN_VIEW, arg="note-1")  # the scroll may be animated
    note.locator("a.backref").click()
    page.wait_for_url("**#noteref-1")
    page.wait_for_function(IN_VIEW, arg="noteref-1")


def test_the_source_reading_of_a_correction_shows_on_focus(page, server):
    page.goto(server + "sample.html")
    source = page.locator(".choice .source-reading")
    assert not source.is_visible()
    page.locator(".choice").focus()
    assert source.is_visible() and "incomparab1y" in source.inner_text()


def test_search_finds_a_word_of_the_interview(page, server):
    stem_page, _ = interview()
    word = "Krivitsky" if INTERVIEW.exists() else "cobbler"
    page.goto(server + "index.html")
    page.locator(".pagefind-ui__search-input").fill(word)
    result = page.locator(f".pagefind-ui__result-link[href$='{stem_page}']").first
    result.wait_for(timeout=15_000)
    result.click()
    page.wait_for_url(f"**/{stem_page}*")
    assert word.lower() in page.locator("main").inner_text().lower()


def test_cite_this_text_shows_the_address_and_copies_bibtex(page, server):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(server + "sample.html")
    assert page.locator(".edition-citation .page-url").inner_text() == server + "sample.html"
    assert f"url = {{{server}sample.html}}" in page.locator("#bibtex").inner_text()
    page.locator("button.copy").click()
    page.wait_for_function("document.querySelector('button.copy').textContent === 'Copied'")
    assert page.evaluate("navigator.clipboard.readText()").startswith("@article{doe1942,")


def test_a_phone_sees_labels_above_turns(browser, server):
    context = browser.new_context(viewport={"width": 380, "height": 800}, device_scale_factor=2)
    phone = context.new_page()
    phone.goto(server + interview()[0])
    turn = phone.locator(".sp").first
    label_box = turn.locator(".speaker-line").bounding_box()
    text_box = turn.locator(".turn").bounding_box()
    assert text_box["y"] >= label_box["y"] + label_box["height"] - 1
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    ARTIFACTS.mkdir(exist_ok=True)
    phone.screenshot(path=str(ARTIFACTS / "web-interview-phone.png"))
    context.close()
