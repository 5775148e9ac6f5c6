"""Parse XML that may be hostile: no entities, no DTD, no network, bounded depth.

Every command that reads a TEI file goes through `parse_tei`, and saxonche is only ever handed
the text that lxml serialises back from the safe tree (saxonche's own parser would resolve
external entities).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lxml import etree

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
MAX_DEPTH = 200
MAX_BYTES = 64 * 1024 * 1024


@dataclass
class XMLProblem(Exception):
    """A file that cannot be read as TEI, with the place to look."""

    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
        dtd_validation=False, remove_blank_text=False,
    )


def parse_tei(data: bytes, path: str = "<input>") -> etree._ElementTree:
    """Parse bytes as a TEI document, refusing DOCTYPEs, entities, deep nesting and non-TEI roots."""
    if len(data) > MAX_BYTES:
        raise XMLProblem(path, 1, 1, f"file is larger than {MAX_BYTES // (1024 * 1024)} MiB; refused")
    head = data[:4096].lstrip(b"\xef\xbb\xbf")
    if b"<!DOCTYPE" in head or b"<!ENTITY" in data:
        line = data[: max(data.find(b"<!DOCTYPE"), data.find(b"<!ENTITY"), 0)].count(b"\n") + 1
        raise XMLProblem(path, line, 1, "a DOCTYPE or entity declaration is not allowed in TEI files "
                         "(entities could read other files); remove it")
    try:
        tree = etree.ElementTree(etree.fromstring(data, _parser()))
    except etree.XMLSyntaxError as err:
        line, column = err.position if err.position else (1, 1)
        if "Excessive depth" in err.msg:
            raise XMLProblem(path, line or 1, column or 1, "elements are nested to a depth no edition needs "
                                                           "(256 levels or more); refused") from None
        raise XMLProblem(path, line or 1, column or 1, f"not well-formed XML: {err.msg}") from None
    if tree.docinfo.doctype:  # a DOCTYPE after a long comment, past the first look
        raise XMLProblem(path, 1, 1, "a DOCTYPE or entity declaration is not allowed in TEI files "
                         "(entities could read other files); remove it")
    root = tree.getroot()
    _check_depth(root, path)
    if root.tag != f"{{{TEI_NS}}}TEI":
        qname = etree.QName(root)
        where = f"namespace {qname.namespace}" if qname.namespace else "no namespace"
        raise XMLProblem(path, root.sourceline or 1, 1,
                         f"the root element is <{qname.localname}> in {where}; "
                         f"expected <TEI> in the TEI namespace {TEI_NS}")
    return tree


def _check_depth(root: etree._Element, path: str) -> None:
    """Refuse documents nested deeper than any edition needs (they exhaust XSLT stacks)."""
    for element in root.iter():
        depth = 0
        node = element
        # Only leaves need checking, but counting ancestors of every node is cheap enough for
        # files of edition size and keeps the rule obvious.
        if len(element):
            continue
        while node is not None:
            depth += 1
            node = node.getparent()
        if depth > MAX_DEPTH:
            raise XMLProblem(path, element.sourceline or 1, 1,
                             f"elements are nested more than {MAX_DEPTH} deep; refused")


def read_tei(path: Path) -> etree._ElementTree:
    """Read and safely parse a TEI file from disk."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise XMLProblem(str(path), 1, 1, f"cannot read the file: {err.strerror}") from None
    return parse_tei(data, str(path))
