"""The index and persons pages are made from summaries of the texts (header, turns), not the whole
texts; these tests prove the pages come out byte for byte the same, so a stylesheet change that
starts reading more of a text fails here rather than silently in the site."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from edition.publish import web
from edition.xmlsafe import TEI_NS

ROOT = Path(__file__).resolve().parents[1]
FILES = [ROOT / "tests" / "fixtures" / "sample.xml", *sorted((ROOT / "tei").glob("*.xml"))]


@pytest.fixture(scope="module")
def texts() -> list[web.Text]:
    sources, ok = web._read_sources(FILES, print)
    parsed, parsed_ok = web._parse_texts(sources, print)
    assert ok and parsed_ok
    return parsed


@pytest.fixture(scope="module")
def worker() -> None:
    web._start_worker()


@pytest.mark.parametrize("mode", sorted(web.COLLECTION_PAGES.values()))
def test_collection_pages_from_summaries_equal_those_from_whole_texts(texts, worker, mode):
    whole = [web.Text(text.path, text.stem, text.xml, text.digest, text.xml) for text in texts]
    page, error = web._collection_page(web._collection(texts), mode)
    assert error is None
    assert (page, error) == web._collection_page(web._collection(whole), mode)
    assert "<h1>" in page


def test_a_summary_keeps_the_header_the_text_attributes_and_every_turn_with_its_speaker(texts):
    sample = next(text for text in texts if text.stem == "sample")
    whole, summary = etree.fromstring(sample.xml), etree.fromstring(sample.summary)
    tei = f"{{{TEI_NS}}}"
    assert etree.tostring(summary.find(f"{tei}teiHeader")) == etree.tostring(whole.find(f"{tei}teiHeader"))
    assert summary.find(f"{tei}text").attrib == whole.find(f"{tei}text").attrib
    turns = [(sp.attrib, [etree.tostring(s, with_tail=False) for s in sp.findall(f"{tei}speaker")])
             for sp in whole.iter(f"{tei}sp")]
    assert turns and turns == [(sp.attrib, [etree.tostring(s) for s in sp.findall(f"{tei}speaker")])
                               for sp in summary.iter(f"{tei}sp")]
    assert summary.find(f"{tei}text//{tei}p") is None and len(sample.summary) < len(sample.xml)
