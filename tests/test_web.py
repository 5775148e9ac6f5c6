"""The web edition as built files: what the HTML pages say, read back with lxml.html.

The site is built once per module from tests/fixtures/sample.xml (every construct the converter
writes) and from the real TEI in tei/ when it is there; tests about a seed text skip until the
converter has written it.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from lxml import etree, html

from edition.publish.web import build_web

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "tests" / "fixtures" / "sample.xml"
INTERVIEW = ROOT / "tei" / "002_398d8f7d9151e7fd.xml"
BLOG = ROOT / "tei" / "000_3eac158f52eef428.xml"

MINIMAL_TEI = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc>
<titleStmt><title>Nested</title></titleStmt><publicationStmt><p/></publicationStmt>
<sourceDesc><p/></sourceDesc></fileDesc></teiHeader>
<text><body><p>{}</p></body></text></TEI>"""


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The web edition of the sample and of every text in tei/, as `edition build` makes it."""
    tei = tmp_path_factory.mktemp("tei")
    shutil.copy(SAMPLE, tei / "sample.xml")
    for path in sorted((ROOT / "tei").glob("*.xml")):
        shutil.copy(path, tei / path.name)
    out = tmp_path_factory.mktemp("site") / "web"
    messages: list[str] = []
    assert build_web(sorted(tei.glob("*.xml")), out, jobs=2, report=messages.append), messages
    return out


def page(site: Path, name: str) -> html.HtmlElement:
    return html.parse(str(site / name)).getroot()


def text(element: html.HtmlElement) -> str:
    return " ".join(element.text_content().split())


def seed(path: Path) -> str:
    """The stem of a seed text's TEI, skipping the test until the converter has written it."""
    if not path.exists():
        pytest.skip(f"{path.relative_to(ROOT)} not written yet (run `edition convert seeds/*.txt -o tei`)")
    return path.stem


def html_pages(site: Path) -> list[Path]:
    return sorted(site.glob("*.html"))


def test_every_text_has_its_page_its_tei_and_the_shared_pages(site):
    stems = ["sample"] + [path.stem for path in sorted((ROOT / "tei").glob("*.xml"))]
    for stem in stems:
        assert page(site, f"{stem}.html").find(".//h1") is not None
        assert etree.parse(str(site / f"{stem}.xml")).getroot().tag == "{http://www.tei-c.org/ns/1.0}TEI"
    assert {path.name for path in (site / "static").iterdir()} == {"edition.css", "print.css", "edition.js"}
    assert (site / "pagefind" / "pagefind-ui.js").is_file()
    shards = json.loads((site / "pagefind" / "shards.json").read_text(encoding="utf-8"))
    assert shards and all((site / "pagefind" / shard / "pagefind-entry.json").is_file() for shard in shards)


def test_pages_declare_language_and_landmarks(site):
    for path in html_pages(site):
        root = page(site, path.name)
        assert root.get("lang") == "en", path.name
        assert len(root.findall(".//main")) == 1, path.name
        assert root.find(".//body/header/nav") is not None, path.name
        assert root.find(".//body/footer") is not None, path.name
        assert root.find(".//meta[@name='viewport']") is not None, path.name
    assert page(site, "sample.html").find(".//article").get("lang") == "en"


def test_headings_descend_one_level_at_a_time(site):
    for path in html_pages(site):
        levels = [int(h.tag[1]) for h in page(site, path.name).iter("h1", "h2", "h3", "h4", "h5", "h6")]
        assert levels[0] == 1 and levels.count(1) == 1, path.name
        assert all(after <= before + 1 for before, after in zip(levels, levels[1:])), (path.name, levels)


def test_ids_are_unique_and_every_fragment_link_lands(site):
    for path in html_pages(site):
        root = page(site, path.name)
        ids = [element.get("id") for element in root.iter() if element.get("id")]
        assert len(ids) == len(set(ids)), path.name
        for link in root.iter("a"):
            href = link.get("href", "")
            if "#" in href and not href.startswith("http"):
                target_page, fragment = href.split("#", 1)
                target = page(site, target_page) if target_page else root
                assert target.get_element_by_id(fragment, None) is not None, (path.name, href)


def test_nothing_is_fetched_from_elsewhere(site):
    for path in html_pages(site):
        root = page(site, path.name)
        for element in root.iter("link", "script", "img", "iframe", "source"):
            address = element.get("src") or element.get("href") or ""
            assert not re.match(r"^(https?:)?//", address), (path.name, address)
    assert "url(" not in (site / "static" / "edition.css").read_text()


def test_header_panel_gives_title_author_date_source_and_provenance(site):
    header = page(site, "sample.html").find(".//article/header")
    assert text(header.find("h1")) == "A Sample Interview"
    assert text(header.find_class("subtitle")[0]) == "Every construct the converter writes"
    facts = dict(zip((text(dt) for dt in header.iter("dt")), (text(dd) for dd in header.iter("dd"))))
    assert facts["Author"] == "Jane Doe"
    assert facts["Date"] == "January–March 1940"
    assert facts["First published"] == "The Monthly Review (New York) 3, no. 8 (August 1942): 252–254."
    assert header.find(".//dd[@class='source']/cite").text == "The Monthly Review"
    assert "https://example.org/sample" in facts["Transcription"]
    about = text(header.find_class("about-transcription")[0])
    assert "Line ends were normalised" in about and "line 40: Leave a Reply" in about
    assert header.find(".//a[@download]").get("href") == "sample.xml"


def test_front_matter_is_not_printed_twice(site):
    article = page(site, "sample.html").find(".//article")
    outside_header = " ".join(text(part) for part in article if part.tag != "header")
    assert "First Published" not in outside_header
    assert "(January/March 1940)" not in outside_header
    note = article.find_class("editorial-note")[0]
    assert "This interview was given to John Smith" in text(note)
    assert text(note.find("h2")) == "Editor’s note"


def test_table_of_contents_links_each_section_head(site):
    root = page(site, "sample.html")
    entries = root.find(".//nav[@class='toc']").iter("a")
    pairs = [(text(a), text(root.get_element_by_id(a.get("href")[1:]).find("h2"))) for a in entries]
    assert pairs == [("The Soviet-Finnish War", "The Soviet-Finnish War"), ("Scene 1", "Scene 1")]


def test_turns_carry_speaker_labels_anchors_and_question_answer_classes(site):
    turns = page(site, "sample.html").find_class("sp")
    assert [text(turn.find_class("speaker")[0]) for turn in turns] == ["QUESTION:", "ANSWER:", "FLAVIUS", "COBBLER"]
    assert [turn.get("id") for turn in turns] == ["sp-1", "sp-2", "sp-3", "sp-4"]
    assert [turn.get("class") for turn in turns] == ["sp question", "sp answer", "sp", "sp"]
    links = [link for turn in turns for link in turn.find_class("turn-link")]
    assert [(link.get("href"), link.text) for link in links] == [
        ("#sp-1", "1"), ("#sp-2", "2"), ("#sp-3", "3"), ("#sp-4", "4")]
    assert text(turns[0].find_class("who")[0]) == "John Smith"
    assert not turns[2].find_class("who")  # the label already is the name


def test_run_in_quotations_get_curly_marks(site):
    question = page(site, "sample.html").get_element_by_id("sp-1")
    assert "What is your “opinion” of the alliance?" in text(question)


def test_nested_quotations_alternate_double_and_single_marks(tmp_path):
    source = tmp_path / "nested.xml"
    source.write_text(MINIMAL_TEI.format("He said <q>she wrote <q>call it <q>done</q></q> twice</q>."))
    assert build_web([source], tmp_path / "web", jobs=1, report=print)
    paragraph = page(tmp_path / "web", "nested.html").find(".//div[@class='body']/p")
    assert text(paragraph) == "He said “she wrote ‘call it “done”’ twice”."


def test_verse_is_one_element_per_line_and_stanzas_are_kept(site):
    root = page(site, "sample.html")
    quoted = root.get_element_by_id("sp-2").find(".//blockquote")
    assert [text(line) for line in quoted.find_class("l")] == [
        "Easily written on paper,", "But the gullies forgotten.", "And we had to march in them."]
    stanzas = root.get_element_by_id("sec-3").find(".//figure").find_class("stanza")
    assert [len(stanza.find_class("l")) for stanza in stanzas] == [2, 1]
    spoken = root.get_element_by_id("sp-3").find_class("lg")[0]
    assert [text(line) for line in spoken.find_class("l")] == [
        "Hence! Home, you idle creatures, get you home!", "Is this a holiday? What, know you not,"]


def test_epigraph_and_block_quotation_show_their_attribution(site):
    root = page(site, "sample.html")
    epigraph = root.find_class("epigraph")[0]
    assert text(epigraph.find(".//blockquote")) == "Not one step back!"
    assert text(epigraph.find(".//figcaption")) == "— Leon Trotsky, Once Again: The USSR and Its Defense"
    assert epigraph.find(".//figcaption/cite").text == "Once Again: The USSR and Its Defense"
    attribution = root.get_element_by_id("sec-3").find(".//figcaption")
    assert text(attribution) == "— John Boyle O'Reilly"


def test_footnotes_link_both_ways(site):
    root = page(site, "sample.html")
    references = root.find_class("noteref")
    assert references
    for reference in references:
        note = root.get_element_by_id(reference.get("href")[1:])
        back = note.find_class("backref")[0]
        assert back.get("href") == "#" + reference.get("id")
        assert note.getparent().getparent().get("class") == "footnotes"
    note = root.get_element_by_id("note-1")
    assert "E. H. Carr, The Bolshevik Revolution (London: Macmillan, 1950), 88-90" in text(note)


def test_stage_directions_and_line_breaks(site):
    root = page(site, "sample.html")
    assert [text(stage) for stage in root.find_class("stage")] == [
        "[Enter Flavius and Marullus.]", "[All the Commoners exit.]"]
    assert root.get_element_by_id("sp-4").find(".//p/br") is not None


def test_corrections_show_the_corrected_reading_and_the_source_on_demand(site):
    choice = page(site, "sample.html").find_class("choice")[0]
    assert text(choice.find_class("edited")[0]) == "incomparably"
    assert text(choice.find_class("source-reading")[0]) == "(source: incomparab1y)"
    assert choice.get("tabindex") == "0"


def test_cite_this_text_gives_both_citations_and_bibtex(site):
    cite = page(site, "sample.html").get_element_by_id("cite")
    assert text(cite.find_class("edition-citation")[0]) == (
        "Jane Doe, “A Sample Interview” (January–March 1940), in The Edition, sample.html.")
    assert text(cite.find_class("original-citation")[0]) == (
        "Jane Doe, “A Sample Interview”, The Monthly Review (New York) 3, no. 8 (August 1942): 252–254.")
    bibtex = cite.find(".//pre/code").text
    assert bibtex.startswith("@article{doe1942,\n")
    for field in ("author = {Jane Doe}", "journal = {The Monthly Review}", "volume = {3}",
                  "number = {8}", "pages = {252--254}", "year = {1942}", "url = {sample.html}"):
        assert f"  {field}" in bibtex
    assert cite.find(".//button").get("data-copy") == cite.find(".//pre").get("id")


def test_index_lists_every_text_grouped_by_kind(site):
    root = page(site, "index.html")
    entries = {entry.find(".//a").get("href"): entry for entry in root.find_class("entry")}
    assert set(entries) == {path.stem + ".html" for path in sorted(site.glob("*.xml"))}
    sample = entries["sample.html"]
    assert text(sample.find(".//h3")) == "A Sample Interview"
    assert text(sample.find_class("meta")[0]) == "Jane Doe · January–March 1940 · Interview"
    assert text(sample.find_class("source")[0]).startswith("First published: The Monthly Review")
    group = sample.getparent().getparent()
    assert text(group.find("h2")) == "Interviews"
    assert root.get_element_by_id("search-ui") is not None


def test_persons_page_links_each_person_to_their_turns(site):
    root = page(site, "persons.html")
    person = root.get_element_by_id("person-jane-doe")
    assert text(person.find("h2")) == "Jane Doe"
    links = [a.get("href") for a in person.find_class("turn-ref")]
    assert links == ["sample.html#sp-2"]
    turn = page(site, "sample.html").get_element_by_id("sp-2")
    assert text(turn.find_class("speaker")[0]) == "ANSWER:"


def test_a_file_that_fails_is_reported_and_the_rest_is_built(tmp_path):
    broken = tmp_path / "broken.xml"
    broken.write_text("<TEI xmlns='http://www.tei-c.org/ns/1.0'><teiHeader>")
    good = tmp_path / "sample.xml"
    shutil.copy(SAMPLE, good)
    messages: list[str] = []
    assert not build_web([broken, good], tmp_path / "web", jobs=1, report=messages.append)
    assert any(message.startswith(f"{broken}:") and "not well-formed" in message for message in messages)
    assert (tmp_path / "web" / "sample.html").is_file()
    index = page(tmp_path / "web", "index.html")
    assert [a.get("href") for a in index.iterfind(".//li[@class='entry']//h3/a")] == ["sample.html"]


def test_serve_command_serves_the_site_on_localhost(site):
    edition = Path(sys.executable).parent / "edition"
    server = subprocess.Popen([str(edition), "serve", str(site), "--port", "0"],
                              stderr=subprocess.PIPE, text=True)
    try:
        announcement = server.stderr.readline()
        address = re.search(r"http://127\.0\.0\.1:\d+/", announcement).group(0)
        with urllib.request.urlopen(address + "index.html", timeout=10) as response:
            assert b"<h1>Texts</h1>" in response.read()
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_interview_seed_shows_six_labelled_turns_two_heads_verse_and_curly_marks(site):
    root = page(site, seed(INTERVIEW) + ".html")
    turns = root.find_class("sp")
    assert len(turns) == 6
    assert [text(turn.find_class("speaker")[0]) for turn in turns] == ["QUESTION:", "ANSWER:"] * 3
    assert [turn.get("class") for turn in turns] == ["sp question", "sp answer"] * 3
    heads = [text(h) for h in root.find(".//div[@class='body']").iter("h2")]
    assert heads == ["The Question of the Seized Territories", "The Soviet-Finnish War"]
    verse = [line for line in root.find_class("l")]
    assert [text(line) for line in verse] == [
        "Easily written on paper,", "But the gullies forgotten.", "And we had to march in them."]
    quotations = [text(q) for q in root.find_class("q")]
    assert "“I can conclude an agreement with Soviet Russia whenever I wish.”" in quotations
    assert all(q[0] in "“‘" and q[-1] in "”’" for q in quotations)


def test_blog_seed_shows_the_epigraph_with_its_attribution(site):
    epigraph = page(site, seed(BLOG) + ".html").find_class("epigraph")[0]
    assert text(epigraph.find(".//blockquote")).startswith("The proletariat has sufficient reasons")
    assert text(epigraph.find(".//figcaption")) == "— Leon Trotsky, Once Again: The USSR and Its Defense"


def test_blog_seed_cites_its_web_address(site):
    stem = seed(BLOG)
    root = page(site, stem + ".html")
    address = "https://redrosasite.wordpress.com/2017/07/27/world-war-two-part-2-not-one-step-back/"
    assert root.find(".//dd[@class='source']/a").get("href") == address
    bibtex = root.get_element_by_id("bibtex").text_content()
    assert f"url = {{{address}}}" in bibtex and f"note = {{Digital edition: {stem}.html}}" in bibtex


def test_a_rebuild_drops_the_pages_of_texts_that_are_gone(tmp_path):
    first, second = tmp_path / "sample.xml", tmp_path / "other.xml"
    shutil.copy(SAMPLE, first)
    shutil.copy(SAMPLE, second)
    out = tmp_path / "web"
    assert build_web([first, second], out, jobs=1, report=print)
    assert (out / "other.html").is_file()
    assert build_web([first], out, jobs=1, report=print)
    assert sorted(path.name for path in out.glob("*.*ml")) == ["index.html", "persons.html", "sample.html", "sample.xml"]
    index = page(out, "index.html")
    assert [a.get("href") for a in index.iterfind(".//li[@class='entry']//h3/a")] == ["sample.html"]
    assert len(list((out / "pagefind").glob("*/fragment/*"))) == 1  # one searchable page left


def test_index_orders_kinds_and_texts_by_date(tmp_path):
    sample = SAMPLE.read_text(encoding="utf-8")
    texts = {"late": ("interview", "1942"), "early": ("interview", "1930"), "essay": ("essay", "1920")}
    for stem, (kind, year) in texts.items():
        variant = (sample.replace('<text type="interview">', f'<text type="{kind}">')
                   .replace('<date from="1940-01" to="1940-03">', f'<date when="{year}">')
                   .replace("<title>A Sample Interview</title>", f"<title>{stem}</title>"))
        (tmp_path / f"{stem}.xml").write_text(variant, encoding="utf-8")
    assert build_web(sorted(tmp_path.glob("*.xml")), tmp_path / "web", jobs=1, report=print)
    groups = page(tmp_path / "web", "index.html").find_class("kind-group")
    assert [(text(group.find("h2")), [text(h3) for h3 in group.iter("h3")]) for group in groups] == [
        ("Essays", ["essay"]), ("Interviews", ["early", "late"])]
