"""The citation parser, through `edition bibl` (the same parser reads citations inside texts)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from lxml import etree

from conftest import xp
from edition.cli import main


def bibl(citation: str) -> etree._Element:
    result = CliRunner().invoke(main, ["bibl", citation])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert len(lines) == 1
    return etree.fromstring(lines[0])


def test_first_publication_line() -> None:
    element = bibl("First Published: Fourth International [New York], Vol.3 No.8, August 1942, pp.252-254.")
    assert xp(element, "string(t:title[@level='j'])") == "Fourth International"
    assert xp(element, "string(t:pubPlace)") == "New York"
    assert xp(element, "string(t:biblScope[@unit='volume'])") == "3"
    assert xp(element, "string(t:biblScope[@unit='issue'])") == "8"
    assert xp(element, "string(t:date/@when)") == "1942-08"
    assert xp(element, "t:biblScope[@unit='page']/@from | t:biblScope[@unit='page']/@to") == ["252", "254"]
    assert "".join(element.itertext()) == "First Published: Fourth International [New York], Vol.3 No.8, August 1942, pp.252-254."


@pytest.mark.parametrize("citation, checks", [
    ("From The Harp, January 1908.", {"string(t:title[@level='j'])": "The Harp", "string(t:date/@when)": "1908-01"}),
    ("The Monthly Review #31 | June 1998", {"string(t:title[@level='j'])": "The Monthly Review",
                                            "string(t:biblScope[@unit='issue'])": "31",
                                            "string(t:date/@when)": "1998-06"}),
    ("Labour Monthly 12 (March 1931)", {"string(t:title[@level='j'])": "Labour Monthly",
                                        "string(t:biblScope[@unit='volume'])": "12",
                                        "string(t:date/@when)": "1931-03"}),
    ("E. H. Carr, The Bolshevik Revolution (London: Macmillan, 1950), 88-90.",
     {"string(t:author)": "E. H. Carr", "string(t:title[@level='m'])": "The Bolshevik Revolution",
      "string(t:pubPlace)": "London", "string(t:publisher)": "Macmillan", "string(t:date/@when)": "1950",
      "string(t:biblScope[@unit='page']/@to)": "90"}),
    ("Ibid., 14.", {"string(t:biblScope[@unit='page']/@from)": "14", "count(t:title)": 0.0}),
    ("~Leon Trotsky, Once Again: The USSR and Its Defense", {"string(t:author)": "Leon Trotsky",
                                                             "string(t:title)": "Once Again: The USSR and Its Defense"}),
    ("Rosa Luxemburg, “The Junius Pamphlet,” Die Internationale, April 1915, pp. 3–9.",
     {"string(t:title[@level='a'])": "The Junius Pamphlet", "string(t:title[@level='j'])": "Die Internationale",
      "string(t:date/@when)": "1915-04", "string(t:biblScope[@unit='page']/@to)": "9"}),
])
def test_citation_variants(citation: str, checks: dict) -> None:
    element = bibl(citation)
    for path, expected in checks.items():
        assert xp(element, path) == expected, path
    assert "".join(element.itertext()) == citation.rstrip()


def test_standard_input_one_bibl_per_line() -> None:
    result = CliRunner().invoke(main, ["bibl"], input="The Harp, January 1908.\n\nIbid., 3.\n")
    assert result.exit_code == 0
    assert [etree.fromstring(line).tag for line in result.output.splitlines()] == ["{http://www.tei-c.org/ns/1.0}bibl"] * 2
