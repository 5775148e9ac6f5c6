"""Reading plain text: encodings, line ends and invisible characters, each recorded in the header."""

from __future__ import annotations

import codecs

import pytest

from conftest import convert_text, xp
from edition.source import SourceError, read_source

TEXT = "A Title\n\nOne paragraph of text with a no-break\u00a0space and “quotes”.\n"


@pytest.mark.parametrize("data, encoding", [
    (TEXT.encode("utf-8"), "UTF-8"),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "UTF-8 with byte-order mark"),
    (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "UTF-16LE with byte-order mark"),
    (TEXT.encode("utf-16-le"), "UTF-16LE without byte-order mark"),
    (TEXT.encode("utf-16-be"), "UTF-16BE without byte-order mark"),
    (TEXT.encode("cp1252"), "windows-1252 (detected: not UTF-8)"),
    ("Café au lait\n\nUn paragraphe très simple.\n".encode("latin-1"), "ISO-8859-1 (detected: not UTF-8)"),
])
def test_encoding_is_detected_and_named_in_the_header(data: bytes, encoding: str) -> None:
    source = read_source(data, "x.txt")
    assert source.encoding == encoding
    tree = convert_text(data)
    assert encoding in xp(tree, "string(//t:editorialDecl/t:p[1])")
    assert encoding in xp(tree, "string(//t:sourceDesc/t:bibl[@type='transcription'])")


@pytest.mark.parametrize("ends, label", [("\r\n", "CRLF"), ("\r", "CR"), ("\n", "LF")])
def test_line_ends_are_normalised_and_recorded(ends: str, label: str) -> None:
    data = TEXT.replace("\n", ends).encode("utf-8")
    source = read_source(data, "x.txt")
    assert "\r" not in source.text and source.line_ends == label
    assert source.line_of(source.text.index("One")) == 3
    assert f"({label})" in xp(convert_text(data), "string(//t:editorialDecl/t:p[1])")


def test_mixed_line_ends_are_named() -> None:
    assert read_source(b"a\r\nb\nc\rd", "x.txt").line_ends == "mixed (CRLF, CR, LF)"


def test_invisible_characters_are_kept_and_counted() -> None:
    data = "Title\n\nsoft\u00adhyphen and\u00a0no-break and zero\u200bwidth.\n".encode()
    source = read_source(data, "x.txt")
    assert dict(source.invisibles) == {"no-break space": 1, "soft hyphen": 1, "zero-width space": 1}
    tree = convert_text(data)
    assert "\u00ad" in xp(tree, "string(//t:body/t:p)")
    assert "1 soft hyphen" in xp(tree, "string(//t:editorialDecl)")


@pytest.mark.parametrize("data, line, column, words", [
    (b"", 1, 1, "empty"),
    (b"  \n\t\n", 1, 1, "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 3, 1, "binary"),  # the line of the first NUL byte
    (b"Title\n\nA bell\x07 rings.\n", 3, 7, "U+0007"),
])
def test_unusable_input_names_the_place(data: bytes, line: int, column: int, words: str) -> None:
    with pytest.raises(SourceError) as caught:
        read_source(data, "bad.txt")
    assert (caught.value.line, caught.value.column) == (line, column)
    assert words in str(caught.value) and str(caught.value).startswith(f"bad.txt:{line}:{column}: ")
