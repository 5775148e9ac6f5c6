"""The print edition read back from its PDFs: what a reader of the printout sees.

The PDFs are built once per module from tests/fixtures/sample.xml (every construct the converter
writes) and from the real TEI in tei/ when it is there; the text is read back with poppler's
pdftotext, page by page, and metadata with pypdf.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from edition.publish.pdf import build_pdf

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                reason="pdftotext (Debian poppler-utils) is not installed")

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "tests" / "fixtures" / "sample.xml"
ARTIFACTS = ROOT / "tests" / "artifacts"
SAMPLE_TITLE = "A Sample Interview"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """The PDFs of the sample and of every text in tei/, as `edition build` makes them."""
    tei = tmp_path_factory.mktemp("tei")
    shutil.copy(SAMPLE, tei / "sample.xml")
    for path in sorted((ROOT / "tei").glob("*.xml")):
        shutil.copy(path, tei / path.name)
    out = tmp_path_factory.mktemp("pdf")
    messages: list[str] = []
    assert build_pdf(sorted(tei.glob("*.xml")), out, jobs=2, report=messages.append), messages
    return out


def pages(pdf: Path) -> list[str]:
    """The text of each page, laid out as printed (pdftotext -layout), first page first."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout
    return text.split("\f")[:-1]


def lines(pdf: Path) -> list[str]:
    return [line.strip() for page in pages(pdf) for line in page.splitlines() if line.strip()]


def flat(text: str) -> str:
    """Text with the line breaks, the hyphens typesetting added at them (U+2010) and the
    justification's extra spaces taken out."""
    return " ".join(re.sub("\u2010\\s*\n\\s*", "", text).split())


def page_of(page_texts: list[str], needle: str, after: int = 0) -> int:
    """The number (from 1) of the first page after page `after` whose text holds needle."""
    for number, text in enumerate(page_texts, start=1):
        if number > after and needle in flat(text):
            return number
    raise AssertionError(f"{needle!r} is on no page after page {after}")


# ---- one text ----

def test_the_head_of_the_text_is_on_page_one(built):
    first = flat(pages(built / "sample.pdf")[0])
    assert "A Sample Interview" in first
    assert "Every construct the converter writes" in first
    assert "Jane Doe" in first
    assert "January–March 1940" in first
    assert "First published in The Monthly Review (New York) 3, no. 8 (August 1942): 252–254." \
        in first.replace("– ", "–")


def test_the_title_page_is_not_printed_twice(built):
    first = flat(pages(built / "sample.pdf")[0])
    assert first.count(SAMPLE_TITLE) == 1
    assert "First Published:" not in first
    assert "(January/March 1940)" not in first


def test_questions_and_answers_in_order_with_their_labels(built):
    text = flat("\n".join(pages(built / "sample.pdf")))
    question = text.index("QUESTION: What is your “opinion” of the alliance?")
    answer = text.index("ANSWER: Foreign policy")
    assert question < answer


def test_run_in_quotations_get_typographic_marks(built):
    assert "“opinion”" in flat(pages(built / "sample.pdf")[0])


def test_the_correction_is_printed_not_the_error(built):
    text = flat("\n".join(pages(built / "sample.pdf")))
    assert "incomparably domestic policy" in text
    assert "incomparab1y" not in text


def test_each_verse_line_is_a_line_of_its_own(built):
    printed = lines(built / "sample.pdf")
    start = printed.index("Easily written on paper,")
    assert printed[start:start + 3] == [
        "Easily written on paper,", "But the gullies forgotten.", "And we had to march in them."]
    assert "Ireland has no leper sores" in printed
    assert "Hence! Home, you idle creatures, get you home!" in printed


def test_a_footnote_is_at_the_foot_of_the_page_of_its_reference(built):
    page_texts = pages(built / "sample.pdf")
    reference = page_of(page_texts, "Foreign policy1 is an extension")
    note = page_of(page_texts, "1. See E. H. Carr, The Bolshevik Revolution (London: Macmillan, 1950)")
    assert note == reference
    body_lines = [line.strip() for line in page_texts[reference - 1].splitlines() if line.strip()]
    assert body_lines.index(next(line for line in body_lines if line.startswith("1. See E. H. Carr"))) \
        > body_lines.index(next(line for line in body_lines if "Foreign policy1" in line))


def test_epigraph_and_block_quotation_keep_their_attribution(built):
    text = flat("\n".join(pages(built / "sample.pdf")))
    assert "Not one step back! — Leon Trotsky, Once Again: The USSR and Its Defense" in text
    assert "— John Boyle O'Reilly" in text
    assert "~Leon" not in text


def test_pages_after_the_first_carry_running_head_and_folio(built):
    page_texts = pages(built / "sample.pdf")
    assert len(page_texts) >= 2
    head = next(line for line in page_texts[1].splitlines() if line.strip())
    assert head.split()[0] == "2"          # the folio, outer corner of a left-hand page
    assert "Jane Doe" in head              # the author as running head on a left-hand page


def test_the_note_on_the_text_and_the_colophon_close_it(built):
    text = flat("\n".join(pages(built / "sample.pdf")))
    assert "Transcribed from: Plain text sample.txt" in text
    assert "HTML Mark-up: Ann Example." in text
    assert "line 40: Leave a Reply" in text
    assert "XSLT 3.0" in text and "WeasyPrint" in text
    assert text.index("Note on the text") < text.index("Colophon")


# ---- the volume ----

def contents(volume: Path) -> dict[str, int]:
    """The volume's contents: entry → page number, from the dotted leader lines."""
    page_texts = pages(volume)
    listing = page_texts[page_of(page_texts, "Contents") - 1]
    entries = re.findall(r"^\s*(\S.*?)\s*(?:\.\s*){3,}(\d+)\s*$", listing, flags=re.MULTILINE)
    return {title: int(number) for title, number in entries}


def test_the_volume_opens_with_a_title_page_and_contents(built):
    page_texts = pages(built / "volume.pdf")
    assert "Collected Texts" in page_texts[0]
    assert SAMPLE_TITLE in contents(built / "volume.pdf")


def test_contents_page_numbers_are_the_pages_where_the_texts_start(built):
    volume = built / "volume.pdf"
    page_texts = pages(volume)
    listing = contents(volume)
    after_contents = page_of(page_texts, "Contents")
    assert len(listing) == 1 + len(list((ROOT / "tei").glob("*.xml"))) + 1  # the sample, tei/, the index
    for title, number in listing.items():
        assert page_of(page_texts, title, after=after_contents) == number, title
        assert number % 2 == 1, f"{title} starts on page {number}, a left-hand page"


def test_the_index_of_persons_gives_the_pages_where_they_speak(built):
    volume = built / "volume.pdf"
    page_texts = pages(volume)
    index = page_texts[contents(volume)["Index of Persons"] - 1]
    entries = dict(re.findall(r"^\s*(\S.*?), ([\d, –]+)$", index, flags=re.MULTILINE))
    start = contents(volume)[SAMPLE_TITLE]

    def first_page(name: str) -> int:
        return int(re.split("[,–]", entries[name])[0])

    assert first_page("Jane Doe") == page_of(page_texts, "ANSWER: Foreign policy", after=start - 1)
    assert first_page("COBBLER") == page_of(page_texts, "COBBLER Truly, sir", after=start - 1)
    for locators in entries.values():  # each page named once, in ascending order
        numbers = [int(number) for number in re.findall(r"\d+", locators)]
        assert numbers == sorted(set(numbers)), locators


# ---- the file ----

def test_fonts_are_embedded(built):
    if shutil.which("pdffonts") is None:
        pytest.skip("pdffonts (Debian poppler-utils) is not installed")
    for pdf in (built / "sample.pdf", built / "volume.pdf"):
        report = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True).stdout
        fonts = report.splitlines()[2:]
        assert fonts, f"{pdf.name} lists no fonts"
        for row in fonts:
            name, embedded = row.split()[0], row.split()[-5]
            assert embedded == "yes", f"{name} is not embedded in {pdf.name}"


def test_metadata_title_author_language(built):
    from pypdf import PdfReader

    reader = PdfReader(built / "sample.pdf")
    assert reader.metadata.title == "A Sample Interview: Every construct the converter writes"
    assert reader.metadata.author == "Jane Doe"
    assert reader.trailer["/Root"]["/Lang"] == "en"
    assert PdfReader(built / "volume.pdf").metadata.title == "Collected Texts"


def test_a_failed_text_is_reported_and_the_others_are_built(tmp_path):
    broken = tmp_path / "broken.xml"
    broken.write_text("<TEI xmlns='http://www.tei-c.org/ns/1.0'><teiHeader>", encoding="utf-8")
    messages: list[str] = []
    assert not build_pdf([broken, SAMPLE], tmp_path / "pdf", jobs=1, report=messages.append)
    assert any(message.startswith(f"{broken}:") and "not well-formed" in message for message in messages)
    assert not (tmp_path / "pdf" / "broken.pdf").exists()
    assert SAMPLE_TITLE in pages(tmp_path / "pdf" / "sample.pdf")[0]
    assert SAMPLE_TITLE in contents(tmp_path / "pdf" / "volume.pdf")
    assert not list((tmp_path / "pdf").glob(".*.part"))


def test_importing_the_publisher_does_not_import_weasyprint():
    probe = "import sys, edition.publish.pdf; print('weasyprint' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True)
    assert result.stdout.strip() == "False"


# ---- the "must show", on the real interview ----

INTERVIEW = ROOT / "tei" / "002_398d8f7d9151e7fd.xml"
needs_interview = pytest.mark.skipif(not INTERVIEW.exists(), reason="tei/002_398d8f7d9151e7fd.xml not converted yet")


def interview_pdf(built: Path) -> Path:
    return built / (f"{INTERVIEW.stem}.pdf" if INTERVIEW.exists() else "sample.pdf")


def test_a_page_of_the_interview_is_kept_as_png(built):
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (Debian poppler-utils) is not installed")
    ARTIFACTS.mkdir(exist_ok=True)
    stem = ARTIFACTS / "interview-page-1"
    subprocess.run(["pdftoppm", "-png", "-r", "110", "-f", "1", "-l", "1", "-singlefile",
                    str(interview_pdf(built)), str(stem)], check=True)
    png = stem.with_suffix(".png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert png.stat().st_size > 10_000  # a page of type, not a blank


@needs_interview
def test_interview_has_pages_with_numbers(built):
    page_texts = pages(interview_pdf(built))
    assert len(page_texts) > 1
    for number, text in enumerate(page_texts[1:], start=2):
        head = next(line for line in text.splitlines() if line.strip()).split()
        assert str(number) in (head[0], head[-1]), f"page {number} has no folio in its head"


@needs_interview
def test_interview_running_heads_author_left_title_right(built):
    page_texts = pages(interview_pdf(built))
    for number, text in enumerate(page_texts[1:], start=2):
        head = next(line for line in text.splitlines() if line.strip())
        assert ("Leon Trotsky" if number % 2 == 0 else "The Second World War") in head, head


@needs_interview
def test_interview_questions_and_answers_alternate(built):
    text = flat("\n".join(pages(interview_pdf(built))))
    labels = re.findall(r"\b(QUESTION|ANSWER):", text)
    assert labels == ["QUESTION", "ANSWER"] * 3
    assert text.index("QUESTION: What is your opinion of the German-Russian alliance?") \
        < text.index("ANSWER: Foreign policy is an extension") \
        < text.index("QUESTION: Do you, as the former head of the Red Armies") \
        < text.index("QUESTION: What is your opinion of the Finnish campaign")


@needs_interview
def test_interview_verse_is_three_lines(built):
    printed = lines(interview_pdf(built))
    start = printed.index("Easily written on paper,")
    assert printed[start:start + 3] == [
        "Easily written on paper,", "But the gullies forgotten.", "And we had to march in them."]


@needs_interview
def test_volume_contents_list_both_seed_texts_at_their_pages(built):
    volume = built / "volume.pdf"
    page_texts = pages(volume)
    listing = contents(volume)
    assert "The Second World War" in listing
    assert len(listing) >= 3  # both seeds and the index (and the sample)
    after_contents = page_of(page_texts, "Contents")
    for title, number in listing.items():
        assert page_of(page_texts, title, after=after_contents) == number, title


def test_the_index_names_each_page_once_and_runs_as_ranges(tmp_path):
    from lxml import etree

    tei = etree.parse(str(SAMPLE))
    ns = {"tei": "http://www.tei-c.org/ns/1.0"}
    body = tei.find(".//tei:body", ns)
    answer = tei.find(".//tei:sp[@ana='#answer']", ns)
    for _ in range(40):  # Jane Doe answers again and again, several times a page, over many pages
        body.append(etree.fromstring(etree.tostring(answer)))
    long_text = tmp_path / "long.xml"
    tei.write(str(long_text), encoding="utf-8")
    assert build_pdf([long_text], tmp_path / "pdf", jobs=1, report=lambda message: None)
    volume = tmp_path / "pdf" / "volume.pdf"
    page_texts = pages(volume)
    index = flat(page_texts[contents(volume)["Index of Persons"] - 1])
    first = page_of(page_texts, "ANSWER: Foreign policy", after=contents(volume)[SAMPLE_TITLE] - 1)
    last = max(number for number, text in enumerate(page_texts, start=1) if "ANSWER: Foreign policy" in flat(text))
    assert last - first >= 2
    assert f"Jane Doe, {first}–{last}" in index


def test_a_bare_title_is_not_called_a_first_publication(tmp_path):
    from lxml import etree

    tei = etree.parse(str(SAMPLE))
    ns = {"tei": "http://www.tei-c.org/ns/1.0"}
    original = tei.find(".//tei:sourceDesc/tei:bibl[@type='original']", ns)
    for part in list(original):
        original.remove(part)
    original.text = None
    etree.SubElement(original, "{http://www.tei-c.org/ns/1.0}title").text = SAMPLE_TITLE
    bare = tmp_path / "bare.xml"
    tei.write(str(bare), encoding="utf-8")
    assert build_pdf([bare], tmp_path / "pdf", jobs=1, report=lambda message: None)
    first = flat(pages(tmp_path / "pdf" / "bare.pdf")[0])
    assert "First published" not in first
    assert first.count(SAMPLE_TITLE) == 1


def test_a_text_named_like_the_volume_does_not_overwrite_it(tmp_path):
    named_volume = tmp_path / "volume.xml"
    shutil.copy(SAMPLE, named_volume)
    messages: list[str] = []
    assert not build_pdf([named_volume], tmp_path / "pdf", jobs=1, report=messages.append)
    assert any(message.startswith(f"{named_volume}:") and "overwrite the volume" in message for message in messages)
    assert SAMPLE_TITLE in contents(tmp_path / "pdf" / "volume.pdf")


def test_nested_quotations_alternate_double_and_single_marks(tmp_path):
    from lxml import etree

    tei = etree.parse(str(SAMPLE))
    ns = {"tei": "http://www.tei-c.org/ns/1.0"}
    q = tei.find(".//tei:sp[@ana='#question']//tei:q", ns)
    q.text = "opinion of the "
    inner = etree.SubElement(q, "{http://www.tei-c.org/ns/1.0}q")
    inner.text = "alliance"
    q.tail = "?"
    nested = tmp_path / "nested.xml"
    tei.write(str(nested), encoding="utf-8")
    assert build_pdf([nested], tmp_path / "pdf", jobs=1, report=lambda message: None)
    assert "QUESTION: What is your “opinion of the ‘alliance’”?" in flat(pages(tmp_path / "pdf" / "nested.pdf")[0])


def test_weasyprint_understands_all_of_the_print_css(caplog):
    """WeasyPrint skips a rule it cannot parse with only a logged warning (a page whose folio
    quietly loses its type), so the warnings are the test."""
    from edition.publish import pdf
    from edition.xmlsafe import read_tei

    with caplog.at_level("WARNING", logger="weasyprint"):
        pdf._start_worker()  # compiles print.xsl, parses print.css
        pdf._render(pdf._paged_html(pdf._saxon_document(read_tei(SAMPLE).getroot())))
    assert [record.getMessage() for record in caplog.records if record.name.startswith("weasyprint")] == []


def test_a_text_without_author_is_headed_by_its_title_on_both_sides(tmp_path):
    from lxml import etree

    tei = etree.parse(str(SAMPLE))
    ns = {"tei": "http://www.tei-c.org/ns/1.0"}
    statement = tei.find(".//tei:titleStmt", ns)
    statement.remove(statement.find("tei:author", ns))
    statement.find("tei:title", ns).text = "An Anonymous Text"
    anonymous = tmp_path / "anonymous.xml"
    tei.write(str(anonymous), encoding="utf-8")
    assert build_pdf([SAMPLE, anonymous], tmp_path / "pdf", jobs=1, report=lambda message: None)
    volume = tmp_path / "pdf" / "volume.pdf"
    page_texts = pages(volume)
    start = contents(volume)["An Anonymous Text"]
    left_head = next(line for line in page_texts[start].splitlines() if line.strip())  # page start + 1
    assert "An Anonymous Text" in left_head and "Jane Doe" not in left_head


def test_a_long_verse_line_turns_over_with_a_hanging_indent(tmp_path):
    from lxml import etree

    tei = etree.parse(str(SAMPLE))
    ns = {"tei": "http://www.tei-c.org/ns/1.0"}
    line = tei.find(".//tei:lg/tei:l", ns)
    line.text = ("Easily written on paper, so easily written that the paper itself forgot "
                 "the gullies and the snow and the men who had to march in them")
    long_line = tmp_path / "turnover.xml"
    tei.write(str(long_line), encoding="utf-8")
    assert build_pdf([long_line], tmp_path / "pdf", jobs=1, report=lambda message: None)
    printed = [line for page in pages(tmp_path / "pdf" / "turnover.pdf") for line in page.splitlines()]
    start = next(i for i, line in enumerate(printed) if line.strip().startswith("Easily written on paper, so"))

    def indent(line: str) -> int:
        return len(line) - len(line.lstrip())

    prose = next(line for line in printed if line.strip().startswith("young officer wrote:"))
    following = next(i for i, line in enumerate(printed) if line.strip() == "But the gullies forgotten.")
    turnovers = printed[start + 1:following]
    assert indent(prose) < indent(printed[start])  # the verse is set in from the prose
    assert turnovers and all(indent(line) > indent(printed[start]) for line in turnovers)  # turnovers further
    assert indent(printed[following]) == indent(printed[start])
