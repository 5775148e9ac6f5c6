"""The seed texts: committed TEI is reproducible, and says what the contract asks, where it asks."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from conftest import ROOT, SHARED, xp

SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
INTERVIEW = ROOT / "tei" / "002_398d8f7d9151e7fd.xml"
BLOG = ROOT / "tei" / "000_3eac158f52eef428.xml"


def _tree(path: Path) -> etree._ElementTree:
    return etree.parse(str(path))


def test_seeds_are_byte_identical_to_the_shared_seeds() -> None:
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared/seeds is not beside this checkout")
    for seed in SEEDS:
        assert seed.read_bytes() == (SHARED / "seeds" / seed.name).read_bytes()


def test_converting_the_seeds_again_reproduces_tei_byte_for_byte(tmp_path: Path) -> None:
    out = tmp_path / "tei"
    subprocess.run([sys.executable, "-m", "edition", "convert", *map(str, SEEDS), "-o", str(out)],
                   check=True, capture_output=True, cwd=ROOT)
    made = sorted(p.name for p in out.glob("*.xml"))
    assert made == sorted(p.name for p in (ROOT / "tei").glob("*.xml"))
    for name in made:
        assert (out / name).read_bytes() == (ROOT / "tei" / name).read_bytes(), f"tei/{name} is stale: run the main job"


def test_interview_header() -> None:
    tree = _tree(INTERVIEW)
    assert xp(tree, "string(//t:titleStmt/t:title[1])") == "The Second World War"
    assert xp(tree, "//t:titleStmt/t:author/text()") == ["Leon Trotsky"]
    date = xp(tree, "//t:profileDesc/t:creation/t:date")[0]
    assert (date.get("from"), date.get("to")) == ("1940-01", "1940-03")
    bibl = xp(tree, "//t:sourceDesc/t:bibl[1]")[0]
    assert xp(bibl, "string(t:title[@level='j'])") == "Fourth International"
    assert xp(bibl, "string(t:pubPlace)") == "New York"
    assert xp(bibl, "string(t:biblScope[@unit='volume'])") == "3"
    assert xp(bibl, "string(t:biblScope[@unit='issue'])") == "8"
    assert xp(bibl, "string(t:date/@when)") == "1942-08"
    pages = xp(bibl, "t:biblScope[@unit='page']")[0]
    assert (pages.get("from"), pages.get("to")) == ("252", "254")
    assert xp(tree, "string(//t:revisionDesc/t:change/@when)") == "2007-04-22"


def test_interview_boilerplate_is_removed_and_recorded() -> None:
    tree = _tree(INTERVIEW)
    text = "".join(xp(tree, "//t:text//text()"))
    assert "return return" not in text and "Last updated" not in text
    removed = xp(tree, "//t:editorialDecl//t:list[@type='removed']/t:item")
    assert {(i.get("n"), i.text) for i in removed} == {("82", "return return return return return"),
                                                      ("84", "Last updated on: 22.4.2007")}


def test_interview_speech_questions_and_answers() -> None:
    tree = _tree(INTERVIEW)
    persons = xp(tree, "//t:particDesc/t:listPerson/t:person")
    assert {p.get("{http://www.w3.org/XML/1998/namespace}id"): xp(p, "string(t:persName)") for p in persons} == {
        "julius-klyman": "Julius Klyman", "leon-trotsky": "Leon Trotsky"}
    questions = xp(tree, "//t:sp[@ana='#question']")
    answers = xp(tree, "//t:sp[@ana='#answer']")
    assert len(questions) == 3 and len(answers) == 3
    assert {xp(q, "string(t:speaker)") for q in questions} == {"QUESTION:"}
    assert {xp(a, "string(t:speaker)") for a in answers} == {"ANSWER:"}
    assert {q.get("who") for q in questions} == {"#julius-klyman"}
    assert {a.get("who") for a in answers} == {"#leon-trotsky"}
    assert xp(tree, "//t:category/@xml:id") == ["question", "answer"]


def test_interview_structure_verse_and_quotations() -> None:
    tree = _tree(INTERVIEW)
    assert xp(tree, "//t:body//t:div/t:head/text()") == ["The Question of the Seized Territories",
                                                          "The Soviet-Finnish War"]
    verse = xp(tree, "//t:sp//t:quote/t:lg")
    assert len(verse) == 1
    assert xp(verse[0], "t:l/text()") == ["Easily written on paper,", "But the gullies forgotten.",
                                         "And we had to march in them."]
    assert len(xp(tree, "//t:q")) >= 8
    assert xp(tree, "(//t:q)[1]/@rend") == ["pre(“) post(”)"]
    assert not any(q.text and q.text[0] in "“”\"" for q in xp(tree, "//t:q"))
    assert xp(tree, "string(//t:front/t:div[@type='editorial']/t:p[1])").startswith("EDITORS NOTE:")
    assert not xp(tree, "//t:body//t:head[contains(., 'First Published') or contains(., 'Trotsky')]")


def test_interview_correction_from_sidecar() -> None:
    tree = _tree(INTERVIEW)
    assert xp(tree, "string(//t:choice/t:sic)") == "incomparab1y"
    assert xp(tree, "string(//t:choice/t:corr)") == "incomparably"


def test_blog_epigraph_and_slogan() -> None:
    tree = _tree(BLOG)
    assert xp(tree, "string(//t:titleStmt/t:title[1])") == "World War Two Part 2: Not One Step Back!"
    assert xp(tree, "//t:titleStmt/t:author/text()") == ["redrosasite"]
    cit = xp(tree, "//t:epigraph/t:cit")[0]
    assert xp(cit, "normalize-space(t:quote)").startswith("The proletariat has sufficient reasons")
    assert xp(cit, "string(t:bibl/t:author)") == "Leon Trotsky"
    assert xp(cit, "string(t:bibl/t:title)") == "Once Again: The USSR and Its Defense"
    assert "not one step back!" in xp(tree, "//t:body//t:q/text()")
    text = "".join(xp(tree, "//t:text//text()"))
    for phrase in ("Leave a Reply", "Connecting to %s", "You are commenting using"):
        assert phrase not in text
    assert xp(tree, "string(//t:sourceDesc/t:bibl[1]/t:ref/@target)").startswith("https://redrosasite")


@pytest.mark.parametrize("tei", [INTERVIEW, BLOG], ids=["interview", "blog"])
def test_most_source_words_are_in_the_tei(tei: Path) -> None:
    """At least 98% of the source's words are in the TEI (removed lines are recorded in the header)."""
    source = (ROOT / "seeds" / tei.with_suffix(".txt").name).read_text(encoding="utf-8").split()
    words = set(" ".join(_tree(tei).getroot().itertext()).split())
    assert sum(1 for w in source if w in words) / len(source) >= 0.98


def test_seed_tei_is_valid_against_the_official_tei_schema() -> None:
    jing = shutil.which("jing")
    rng = SHARED / "tei" / "tei_all.rng"
    if not jing or not rng.exists():
        pytest.skip("needs jing (Debian package jing) and ../shared/tei/tei_all.rng")
    result = subprocess.run([jing, str(rng), *map(str, sorted((ROOT / "tei").glob("*.xml")))],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
