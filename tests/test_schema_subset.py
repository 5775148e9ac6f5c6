"""edition.rng is a strict subset of TEI P5: nothing it allows is refused by tei_all.rng.

Checked statically, element by element: each element exists in TEI, each attribute it may carry
TEI allows on it, and each child TEI allows in it. Order and number are checked by validating the
fixtures with both schemas (tests/test_validate.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from edition.schema import load_schema, read_schema

TEI_ALL = Path(__file__).resolve().parents[2] / "shared" / "tei" / "tei_all.rng"

pytestmark = pytest.mark.skipif(not TEI_ALL.exists(), reason=f"the official schema is absent ({TEI_ALL})")


@pytest.fixture(scope="module")
def tei():
    return read_schema(etree.parse(str(TEI_ALL)))


def test_every_element_is_a_tei_element(tei):
    assert sorted(set(load_schema()) - set(tei)) == []


def test_attributes_and_children_are_allowed_by_tei(tei):
    not_in_tei = []
    for name, spec in load_schema().items():
        official = tei[name]
        allowed = {attribute.name for attribute in official.attributes}
        not_in_tei += [f"<{name}> @{a.name}" for a in spec.attributes if a.name not in allowed]
        not_in_tei += [f"<{name}> <{child}>" for child in spec.children if child not in official.children]
        if spec.has_text and not official.has_text:
            not_in_tei.append(f"<{name}> text")
    assert not_in_tei == []


def test_required_attributes_are_where_the_contract_is_strict():
    elements = load_schema()
    required = {(name, a.name) for name, spec in elements.items() for a in spec.attributes if a.required}
    assert {("sp", "who"), ("biblScope", "unit"), ("person", "xml:id"), ("category", "xml:id")} <= required
