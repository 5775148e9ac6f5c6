"""The development corpus (../shared/corpus): header, boilerplate, speech and verse, round trip."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import NEEDS_SHARED, ROOT, SHARED, convert_text, xp

pytestmark = NEEDS_SHARED
CORPUS = SHARED / "corpus"


def _convert(name: str):
    return convert_text((CORPUS / name).read_bytes(), name=name)


def test_hearing() -> None:
    tree = _convert("hearing-north-testimony-1987.txt")
    assert xp(tree, "string(//t:titleStmt/t:title[1])") == 'North: "What the President Knew"'
    assert xp(tree, "string(//t:creation/t:date/@when)") == "1987-07-07"
    labels = {xp(p, "string(t:persName)") for p in xp(tree, "//t:listPerson/t:person")}
    assert labels == {"Mr. Nields", "Mr. North", "Chairman Inouye", "Mr. Sullivan"}
    turns = xp(tree, "//t:sp")
    assert len(turns) == 19
    assert all(sp.get("ana") in {"#question", "#answer"} for sp in turns)
    north = [sp for sp in turns if sp.get("who") == "#north"]
    assert north and all(sp.get("ana") == "#answer" for sp in north)
    assert all(sp.get("ana") == "#question" for sp in turns if sp.get("who") == "#nields")
    sullivan = xp(tree, "//t:sp[t:speaker='Mr. SULLIVAN.']")
    assert len(sullivan) == 1 and xp(sullivan[0], "string(t:p)") == "What is it, counsel?"
    text = "".join(xp(tree, "//t:text//text()"))
    for menu in ("ABOUT THE PROJECT", "Key Players", "Previous", "Video Gallery"):
        assert menu not in text
    assert xp(tree, "//t:text/@type") == ["hearing"]


def test_verse_essay() -> None:
    tree = _convert("mia-connolly-our-purpose-and-function.txt")
    assert xp(tree, "string(//t:titleStmt/t:title[1])") == "Our Purpose and Function"
    assert xp(tree, "//t:titleStmt/t:author/text()") == ["James Connolly"]
    assert xp(tree, "string(//t:creation/t:date/@when)") == "1908"
    source = xp(tree, "//t:sourceDesc/t:bibl[1]")[0]
    assert xp(source, "string(t:title[@level='j'])") == "The Harp"
    assert xp(source, "string(t:date/@when)") == "1908-01"
    assert xp(tree, "string(//t:respStmt/t:name)") == "Einde O'Callaghan"
    assert xp(tree, "string(//t:revisionDesc/t:change/@when)") == "2003-08-11"
    quotes = xp(tree, "//t:body/t:quote")
    assert [len(xp(q, ".//t:l")) for q in quotes] == [4, 6]
    assert len(xp(quotes[1], "t:lg/t:lg")) == 2
    text = "".join(xp(tree, "//t:text//text()"))
    assert "Top of the page" not in text and "Last updated" not in text and "MIA" not in text


def test_drama() -> None:
    tree = _convert("drama-julius-caesar-1-1.txt")
    assert xp(tree, "string(//t:titleStmt/t:title[1])") == "Julius Caesar"
    assert xp(tree, "//t:titleStmt/t:author/text()") == ["William Shakespeare"]
    assert len(xp(tree, "//t:listPerson/t:person")) == 4
    assert len(xp(tree, "//t:sp")) == 18
    assert len(xp(tree, "//t:sp/t:l")) == 57
    assert xp(tree, "//t:sp/t:stage/text()") == ["[All the Commoners exit.]"]
    assert xp(tree, "//t:div/t:head/text()") == ["ACT 1", "Scene 1"]
    assert xp(tree, "count(//t:div[t:head='ACT 1']/t:div[t:head='Scene 1'])") == 1
    assert not xp(tree, "//t:sp/@ana")


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")) + sorted((ROOT / "seeds").glob("*.txt")),
                         ids=lambda p: p.stem)
def test_round_trip(path: Path) -> None:
    """`edition text` gives the source's words in order, less the lines the header records as removed."""
    from edition.plaintext import comparable_words, removed_lines, render

    tree = convert_text(path.read_bytes(), name=path.name)
    removed = removed_lines(tree)
    lines = path.read_text(encoding="utf-8").split("\n")
    assert all(lines[n - 1].strip() == text for n, text in removed.items())
    kept = [line for number, line in enumerate(lines, 1) if number not in removed]
    assert comparable_words(render(tree)) == comparable_words("\n".join(kept))
