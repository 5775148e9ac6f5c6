"""The Encoding guidelines page: generated from the schema, committed, and kept up to date."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner
from lxml import html

from edition.commands.guidelines import command
from edition.guidelines import build_guidelines
from edition.schema import load_schema

PAGE = Path(__file__).resolve().parents[1] / "docs" / "encoding-guidelines.html"


def test_committed_page_is_up_to_date():
    """After a schema change, run `python -m edition.commands.guidelines` and commit the page."""
    assert PAGE.read_text(encoding="utf-8") == build_guidelines()


def test_every_element_has_an_entry_and_every_link_lands():
    page = html.fromstring(build_guidelines())
    ids = set(page.xpath("//@id"))
    assert {f"el-{name}" for name in load_schema()} <= ids
    targets = {href[1:] for href in page.xpath("//a/@href") if href.startswith("#")}
    assert targets - ids == set()


def test_entries_say_what_the_schema_says():
    page = html.fromstring(build_guidelines())
    sp = page.get_element_by_id("el-sp")
    entry = " ".join(sp.xpath("following-sibling::*[position() <= 4]//text()"))
    assert "@who (required)" in entry
    assert "every speech turn must say who speaks" in entry
    assert "#question" in entry and "#answer" in entry
    units = "".join(page.get_element_by_id("el-biblScope").xpath("following-sibling::dl[1]//text()"))
    assert re.search(r"@unit \(required\).*Values: volume, issue, page, chapter, part, column, line", units)
    rules = " ".join(page.get_element_by_id("rules").itertext())
    assert "No footnote digits glued to words" in rules and "Every @who points to a person" in rules


def test_command_writes_the_page(tmp_path):
    target = tmp_path / "guide" / "guidelines.html"
    result = CliRunner().invoke(command, ["-o", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8") == build_guidelines()
