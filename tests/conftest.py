"""Shared test helpers: where the shared corpus is, and converting a text in memory."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
TEI = {"t": "http://www.tei-c.org/ns/1.0"}
NEEDS_SHARED = pytest.mark.skipif(not (SHARED / "corpus").is_dir(),
                                  reason="../shared/ (the development corpus and tei_all.rng) is not beside "
                                         "this checkout; CI has it")


def convert_text(text: str | bytes, sidecar: str | None = None, name: str = "case.txt") -> etree._ElementTree:
    """Convert a text in memory (validated against the project schema, as `edition convert` does)."""
    from edition.convert import convert_bytes

    data = text.encode("utf-8") if isinstance(text, str) else text
    result = convert_bytes(data, name, sidecar.encode("utf-8") if sidecar is not None else None, "case.toml")
    return etree.ElementTree(etree.fromstring(result.tei))


def xp(tree: etree._ElementTree, path: str):
    return tree.xpath(path, namespaces=TEI)
