"""The serialiser: source text + spans → TEI, resolving nesting once.

Spans are sorted outer-first and opened and closed like brackets over the unchanged text; text
between them goes into whatever element is open. Removed spans drop their characters (the header
records them); a span's `trim` drops marks its attributes carry. Structural elements hold no
loose text, so the white space between blocks is dropped there and the tree is indented instead.
"""

from __future__ import annotations

from lxml import etree

from edition.spans import MOVED, REMOVED, Span

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"

#: Elements whose content is other elements only; text there can only be the space between blocks.
STRUCTURAL = {"TEI", "teiHeader", "text", "front", "body", "back", "div", "sp", "lg", "cit",
              "epigraph", "titlePage", "docTitle", "listPerson", "person", "fileDesc", "titleStmt",
              "publicationStmt", "sourceDesc", "encodingDesc", "editorialDecl", "classDecl",
              "taxonomy", "category", "profileDesc", "particDesc", "revisionDesc", "respStmt",
              "list", "availability", "textClass", "creation"}
#: Elements that lay out as blocks inside a structural parent (one per indented line).
BLOCKS = {"p", "l", "lg", "head", "sp", "speaker", "stage", "quote", "cit", "bibl", "epigraph", "label",
          "div", "titlePage", "docTitle", "titlePart", "docAuthor", "docDate", "docImprint", "byline",
          "note", "item", "list"}


#: Elements that hold running text; whatever they contain is left as the source has it.
INLINE_HOSTS = {"p", "l", "head", "speaker", "stage", "note", "q", "bibl", "item", "titlePart", "docAuthor",
                "docDate", "byline", "docImprint", "title", "persName", "catDesc", "change", "resp", "name"}


class NestingError(Exception):
    """Two spans cross: a recogniser bug, reported as such."""


def tei(tag: str, attrs: dict[str, str] | None = None, text: str | None = None) -> etree._Element:
    element = etree.Element(f"{{{TEI_NS}}}{tag}", nsmap={None: TEI_NS})
    for name, value in (attrs or {}).items():
        element.set(_attr_name(name), value)
    if text:
        element.text = text
    return element


def sub(parent: etree._Element, tag: str, attrs: dict[str, str] | None = None,
        text: str | None = None) -> etree._Element:
    child = tei(tag, attrs, text)
    parent.append(child)
    return child


def _attr_name(name: str) -> str:
    return f"{{{XML_NS}}}{name[4:]}" if name.startswith("xml:") else name


def serialise(text: str, spans: list[Span], root: etree._Element, start: int = 0,
              end: int | None = None) -> etree._Element:
    """Fill `root` with text[start:end] marked up by the spans that lie inside that range."""
    end = len(text) if end is None else end
    stack: list[tuple[Span | None, etree._Element]] = [(None, root)]
    cursor = start
    for current in sorted((s for s in spans if start <= s.start and s.end <= end), key=lambda s: s.sort_key):
        if current.start < cursor:  # inside a removal: nothing of it is written
            continue
        while stack[-1][0] is not None and stack[-1][0].end <= current.start:
            cursor = _close(text, stack, cursor)
        parent_span = stack[-1][0]
        if parent_span is not None and current.end > parent_span.end:
            raise NestingError(f"{current.kind} ({current.rule}) at {current.start}-{current.end} crosses "
                               f"{parent_span.kind} ({parent_span.rule}) at {parent_span.start}-{parent_span.end}")
        _append_text(stack[-1][1], text[cursor:current.start])
        cursor = current.start
        if current.kind in (REMOVED, MOVED):
            cursor = max(cursor, current.end)  # recorded in the header, or written elsewhere
            continue
        element = sub(stack[-1][1], current.kind, dict(current.attrs))
        if current.content is not None:
            serialise(text, spans, element, *current.content)
            cursor = current.end  # the reference marker: its digits are in @n
            continue
        if current.kind == "choice":
            element = _sic_and_corr(element, current)
        cursor += current.trim[0]
        stack.append((current, element))
    while len(stack) > 1:
        cursor = _close(text, stack, cursor)
    _append_text(root, text[cursor:end])
    return root


def _sic_and_corr(choice: etree._Element, current: Span) -> etree._Element:
    """A correction keeps the source reading in `sic` and adds the editor's in `corr`."""
    attrs = dict(current.attrs)
    for name in list(choice.attrib):
        del choice.attrib[name]
    sic = sub(choice, "sic")
    sub(choice, "corr", text=attrs.get("corr", ""))
    return sic


def _close(text: str, stack: list, cursor: int) -> int:
    closing, element = stack.pop()
    _append_text(element, text[cursor:closing.end - closing.trim[1]])
    return max(cursor, closing.end)


def _append_text(element: etree._Element, chunk: str) -> None:
    if not chunk:
        return
    if etree.QName(element).localname in STRUCTURAL:
        if chunk.strip():
            raise NestingError(f"text {chunk.strip()[:40]!r} would stand loose in <{etree.QName(element).localname}>")
        return
    if len(element):
        last = element[-1]
        last.tail = (last.tail or "") + chunk
    else:
        element.text = (element.text or "") + chunk


def indent(element: etree._Element, level: int = 0) -> None:
    """Indent structural content; leave mixed content (paragraphs, lines, notes) exactly as written."""
    name = etree.QName(element).localname
    children = [c for c in element if isinstance(c.tag, str)]
    mixed = (element.text or "").strip() or any((c.tail or "").strip() for c in children)
    block_children = all(etree.QName(c).localname in BLOCKS | STRUCTURAL for c in children)
    holds_list = name == "p" and all(etree.QName(c).localname == "list" for c in children)
    if not children or mixed or not (name in STRUCTURAL or holds_list or
                                     (block_children and name not in INLINE_HOSTS)):
        return
    pad = "\n" + "  " * (level + 1)
    element.text = pad
    for child in children:
        child.tail = pad
        indent(child, level + 1)
    children[-1].tail = "\n" + "  " * level
