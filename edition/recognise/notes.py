"""Footnotes: a numbered list at the end becomes `note place="foot" n="N"` at each reference.

References are found by the note numbers in sequence, after the previous one: `[3]`, a
superscript `³`, or digits glued to a word or to a number (`revolution3`, `19173` for 1917 +
note 3). A glued number is split only because note 3 is the one expected next — never by
guessing what looks like a year. If any note's reference cannot be found, the list is left as
it is (it is then an ordinary numbered list, not footnotes).
"""

from __future__ import annotations

import re

from edition.blocks import Block, Line
from edition.spans import MOVED, REMOVED, Span, span

NOTES_HEADING = re.compile(r"^(foot|end)?notes?:?$|^references:?$|^notas:?$|^anmerkungen:?$|^fußnoten:?$", re.I)
ITEM = re.compile(r"^\s*(?P<marker>\[(?P<n1>\d{1,3})\]|\((?P<n2>\d{1,3})\)|(?P<n3>\d{1,3})[.)]|(?P<n4>[¹²³⁴⁵⁶⁷⁸⁹⁰]+))\s+(?=\S)")
BACKLINK = re.compile(r"\s*[↩↑^]\s*$")
SUPERSCRIPT = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")


def recognise(text: str, blocks: list[Block], claimed: list[Span]) -> list[Span]:
    """Note spans at the references, moved spans over the list, or nothing if they do not match."""
    items, heading = _footnote_list(blocks)
    if not items:
        return []
    list_start = (heading or items[0][0]).start if heading else items[0][0].content_start
    refs = _references(text, [n for _, n, _ in items], blocks, list_start)
    if refs is None:
        return []
    spans: list[Span] = []
    if heading:
        spans.append(span(heading.content_start, heading.content_end, REMOVED, "notes.list-heading",
                          note="footnote list heading (the notes stand at their references)"))
    for (line, number, body_start), (ref_start, ref_end) in zip(items, refs):
        end = line.content_start + len(BACKLINK.sub("", line.text.strip()))
        spans.append(span(line.content_start, line.content_end, MOVED, "notes.footnote-text"))
        spans.append(span(ref_start, ref_end, "note", "notes.reference", place="foot", n=str(number),
                          content=(body_start, end)))
    return spans


def _footnote_list(blocks: list[Block]) -> tuple[list[tuple[Line, int, int]], Line | None]:
    """The trailing run of lines numbered 1, 2, 3…, with the heading above it if there is one."""
    lines = [line for block in blocks for line in block.lines]
    items: list[tuple[Line, int, int]] = []
    for line in reversed(lines):
        match = ITEM.match(line.text)
        if not match:
            break
        number = int((match["n1"] or match["n2"] or match["n3"] or match["n4"]).translate(SUPERSCRIPT))
        items.insert(0, (line, number, line.start + match.end()))
    if not items or [n for _, n, _ in items] != list(range(1, len(items) + 1)):
        return [], None
    before = lines[len(lines) - len(items) - 1] if len(lines) > len(items) else None
    heading = before if before is not None and NOTES_HEADING.match(before.stripped) else None
    return items, heading


def _references(text: str, numbers: list[int], blocks: list[Block], limit: int) -> list[tuple[int, int]] | None:
    """The marker of each note in turn, each after the one before; None if one is missing."""
    found = []
    position = blocks[0].start if blocks else 0
    for number in numbers:
        digits = str(number)
        pattern = re.compile(
            rf"\[{digits}\]|{re.escape(digits.translate(str.maketrans('1234567890', '¹²³⁴⁵⁶⁷⁸⁹⁰')))}"
            rf"|(?<=[^\W\d_]){digits}(?!\d)|(?<=[.,;:!?”’\")\]]){digits}(?!\d)"
            rf"|(?<=\b1[0-9]{{3}}){digits}(?!\d)|(?<=\b20[0-9]{{2}}){digits}(?!\d)")
        match = pattern.search(text, position, limit)
        if not match:
            return None
        found.append((match.start(), match.end()))
        position = match.end()
    return found
