"""TEI → plain text: the round trip that shows nothing was lost.

Blocks are separated by a blank line, verse lines by a line end; a speaker's label starts its
turn's first line; quotation marks come back from `@rend`; a correction shows the source's reading
(`sic`); footnotes return to a numbered list at the end. Compared with the source minus the lines
the header records as removed, the words are the same, in the same order.
"""

from __future__ import annotations

import re

from lxml import etree

from edition.recognise.quotation import marks_of
from edition.tei import TEI_NS

BLOCK = {"p", "head", "l", "docAuthor", "titlePart", "docDate", "byline", "docImprint", "bibl", "stage",
         "item", "speaker", "trailer", "salute", "signed", "dateline", "label"}


def _name(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def render(tree: etree._ElementTree) -> str:
    """The plain text of a TEI document's `text`."""
    text = tree.getroot().find(f"{{{TEI_NS}}}text")
    if text is None:
        return ""
    notes: list[str] = []
    blocks = _blocks(text, notes)
    blocks += notes
    return "\n\n".join(block for block in blocks if block.strip()) + "\n"


def _blocks(element: etree._Element, notes: list[str]) -> list[str]:
    """The element's content as a list of blocks (verse groups come back as one block of lines)."""
    name = _name(element)
    if name in BLOCK:
        return [_inline(element, notes)]
    blocks: list[str] = []
    for child in element:
        child_name = _name(child)
        if not child_name:
            continue
        if child_name == "lg" and not any(_name(c) == "lg" for c in child):
            blocks.append("\n".join(_inline(line, notes) for line in child if _name(line) == "l"))
        else:
            blocks += _blocks(child, notes)
    if name == "sp" and len(blocks) >= 2 and element.find(f"{{{TEI_NS}}}speaker") is not None:
        blocks[:2] = [blocks[0] + " " + blocks[1]]
    if name == "list" and element.find(f"{{{TEI_NS}}}label") is not None:  # label and item: one line each
        blocks = ["\n".join(f"{label} {item}" for label, item in zip(blocks[0::2], blocks[1::2]))]
    if name in {"quote", "q"} and blocks:
        pre, post = marks_of(element.get("rend", ""))
        blocks[0] = pre + blocks[0]
        blocks[-1] = blocks[-1] + post
    return blocks


def _inline(element: etree._Element, notes: list[str]) -> str:
    parts = [element.text or ""]
    for child in element:
        name = _name(child)
        if name == "note":
            notes.append(f"{child.get('n', '')}. {_inline(child, [])}")
            parts.append(child.get("n", "") if child.get("place") == "foot" else "")
        elif name == "choice":
            sic = child.find(f"{{{TEI_NS}}}sic")
            parts.append(_inline(sic, notes) if sic is not None else "")
        elif name == "lb":  # the source's own line end usually stands before it already
            parts.append("" if "".join(parts).endswith("\n") else "\n")
        elif name:
            pre, post = marks_of(child.get("rend", "")) if name in {"q", "quote", "soCalled"} else ("", "")
            parts.append(pre + _inline(child, notes) + post)
        parts.append(child.tail or "")
    return "".join(parts)


FOOTNOTE_MARK = re.compile(r"\[(\d{1,3})\]|(?<=\s)(\d{1,3})[.)](?=\s)|^(\d{1,3})[.)](?=\s)|[↩]")


def comparable_words(text: str) -> list[str]:
    """The words of a text as the round trip compares them: white space does not count, and a
    footnote's marks are its number alone ('[3]', '3.' and '3' are the same; a '↩' back-link is
    not kept)."""
    text = FOOTNOTE_MARK.sub(lambda m: next((g for g in m.groups() if g), ""), text)
    return text.split()


def removed_lines(tree: etree._ElementTree) -> dict[int, str]:
    """The lines the header records as removed: line number → the line's text."""
    items = tree.getroot().iterfind(f".//{{{TEI_NS}}}editorialDecl//{{{TEI_NS}}}list[@type='removed']/{{{TEI_NS}}}item")
    return {int(item.get("n")): "".join(item.itertext()) for item in items if (item.get("n") or "").isdigit()}
