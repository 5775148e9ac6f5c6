"""Sections and paragraphs: headings that open a `div`, and `p` for every block nothing else claimed.

A heading is a short line standing alone whose shape says "heading": numbered (Chapter 2, ACT 1,
Scene 1, II.), underlined with ==== or ----, set in capitals, or in title case, or set off by a
wide gap. Front matter and speech labels are never headings.
"""

from __future__ import annotations

import bisect
import re

from edition.blocks import Block, wrap_width
from edition.spans import MOVED, REMOVED, Ranges, Span, span, starting_within

NUMBERED = re.compile(r"^(?P<kind>act|book|part|chapter|section|scene|canto|chapitre|kapitel|capítulo)\s+"
                      r"([\dIVXLC]+|one|two|three|four|five|six|seven|eight|nine|ten|first|second|third)\b"
                      r"[.:]?(\s.*)?$", re.I)
ROMAN_OR_NUMBER = re.compile(r"^([IVXLC]+|\d{1,2})[.)]?(\s+\S.*)?$")
UNDERLINE = re.compile(r"^(=+|-+|~+|\*+)$")
MINOR_WORDS = {"a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "by", "with",
               "from", "as", "vs", "via", "into", "over", "nor", "de", "la", "le", "et", "und", "der",
               "die", "das", "y", "el", "del"}
#: Outer sections first: an ACT holds scenes, a part holds chapters.
LEVEL = {"book": 1, "part": 1, "act": 1, "chapter": 2, "scene": 2, "section": 2, "canto": 2,
         "chapitre": 2, "kapitel": 2, "capítulo": 2}
TERMINAL = (".", ",", ";", "?", "!", "…", "”", "\"", "’")


def headings(blocks: list[Block], claimed: list[Span]) -> list[Span]:
    """`head` spans, a `div` for each running to the next heading of its level or above, and
    removal spans for setext underlines (decoration carried by the `head` itself)."""
    taken = Ranges(claimed)
    body = [b for b in blocks if not taken.contains(b.start, b.end)]
    found: list[tuple[Block, int, list[Span]]] = []
    for index, block in enumerate(body):
        following = body[index + 1] if index + 1 < len(body) else None
        level = heading_level(block, following)
        if not level and found and _like_a_heading(block, following):
            level = found[-1][1]
        if level:
            extra = []
            if len(block.lines) == 2:
                underline = block.lines[1]
                extra.append(span(underline.content_start, underline.content_end, REMOVED, "structure.setext-underline",
                                  note="heading underline (decoration)"))
            found.append((block, level, extra))
    found = _with_content(found, body)
    spans: list[Span] = []
    end_of_body = body[-1].end if body else 0
    for index, (block, level, extra) in enumerate(found):
        head_end = block.lines[0].content_end
        spans.append(span(block.start, head_end, "head", "structure.heading"))
        spans += extra
        closing = next((b.start for b, lvl, _ in found[index + 1:] if lvl <= level), None)
        div_end = _end_before(body, closing) if closing is not None else end_of_body
        spans.append(span(block.start, div_end, "div", f"structure.section-level-{level}"))
    return spans


def _with_content(found: list[tuple[Block, int, list[Span]]], body: list[Block]) -> list[tuple[Block, int, list[Span]]]:
    """A heading opens a section only if something follows it there (text, or a deeper section)."""
    level_at = {block.start: level for block, level, _ in found}
    position = {block.start: index for index, block in enumerate(body)}
    kept = []
    for block, level, extra in found:
        index = position[block.start]
        following = body[index + 1] if index + 1 < len(body) else None
        if following is not None and level_at.get(following.start, 99) > level:
            kept.append((block, level, extra))
    return kept


def heading_level(block: Block, following: Block | None) -> int:
    """1 or 2 when the block is a heading (1 for the outer kind), else 0."""
    lines = [line.stripped for line in block.lines]
    if match := NUMBERED.match(lines[0]):
        if len(lines) == 1 or (len(lines) == 2 and UNDERLINE.match(lines[1])):
            return LEVEL.get(match["kind"].lower(), 2)
    if len(lines) == 2 and UNDERLINE.match(lines[1]) and len(lines[1]) >= 3:
        return 1 if lines[1][0] == "=" else 2
    if len(lines) != 1 or following is None:
        return 0
    text = lines[0]
    words = text.split()
    if not words or len(words) > 12 or len(text) > 90 or text.endswith(TERMINAL) or text.endswith(":"):
        return 0
    if ROMAN_OR_NUMBER.match(text):
        return 2
    if text.startswith(("[", "(", "“", "\"", "‘", "'", "~", "—", "–", "-", "*", "•")):
        return 0
    if text.isupper() and len(words) <= 8 and len(text) > 3:
        return 2
    if _title_case(words) and (block.blank_before >= 2 or following.words >= 15):
        return 2
    return 2 if block.blank_before >= 2 and following.blank_before <= 1 and following.words >= 30 else 0


def _like_a_heading(block: Block, following: Block | None) -> bool:
    """Once a text has headings, a short sentence-case line before prose is one too ('What the strike won')."""
    if len(block.lines) != 1 or following is None or following.words < 15:
        return False
    text = block.lines[0].stripped
    return (len(text.split()) <= 8 and text[:1].isupper() and not text.endswith(TERMINAL + (":",))
            and not text.startswith(("[", "(", "“", "\"", "‘", "'", "~", "—", "–", "-", "*", "•"))
            and max(len(line.text) for line in following.lines) >= 60)


def _title_case(words: list[str]) -> bool:
    significant = [w for w in words if w.lower().strip("(),:") not in MINOR_WORDS]
    return bool(significant) and words[0][:1].isupper() and all(
        w[:1].isupper() or w[:1].isdigit() or not w[:1].isalpha() for w in significant)


def _end_before(body: list[Block], start: int) -> int:
    previous = [b for b in body if b.end <= start]
    return previous[-1].end if previous else start


BLOCK_KINDS = ("p", "head", "l", "lg", "quote", "stage", "titlePage", "bibl", "epigraph", "speaker", "list",
               REMOVED, MOVED)


LIST_MARKER = re.compile(r"^\s*(?P<marker>[-*•·–]|\d{1,2}[.)]|[a-z][.)]|\(\d{1,2}\))\s+(?=\S)")


def lists(blocks: list[Block], claimed: list[Span]) -> list[Span]:
    """A block whose lines each begin with a bullet or a number ('- ', '• ', '1. ', 'a) ') is a
    `list`: the marker a `label`, the rest of the line (and any lines run on under it) an `item`."""
    taken = Ranges(claimed)
    found: list[Span] = []
    for block in blocks:
        if len(block.lines) < 2 or taken.covers(block.start):
            continue
        markers = [LIST_MARKER.match(line.text) for line in block.lines]
        if not markers[0] or sum(1 for m in markers if m) < 2:
            continue
        found.append(span(block.start, block.end, "list", "structure.list"))
        starts = [i for i, m in enumerate(markers) if m]
        for number, first in enumerate(starts):
            line = block.lines[first]
            marker = markers[first]
            last = block.lines[(starts[number + 1] - 1) if number + 1 < len(starts) else len(block.lines) - 1]
            label_start = line.start + marker.start("marker")
            found.append(span(label_start, label_start + len(marker["marker"]), "label", "structure.list-marker"))
            found.append(span(line.start + marker.end(), last.content_end, "item", "structure.list-item"))
    return found


def paragraphs(text: str, blocks: list[Block], spans: list[Span]) -> list[Span]:
    """A `p` for each stretch of a block that no block-level span covers; turns and labels split it."""
    labels = sorted((s for s in spans if s.kind == "speaker"), key=lambda s: s.start)
    label_at = Ranges(labels)
    covering = sorted((s for s in spans if s.kind in BLOCK_KINDS and not label_at.starts_within(s.start, s.end)),
                      key=lambda s: s.start)
    covered = Ranges(covering)
    cuts = sorted({s.start for s in spans if s.kind == "sp"})
    inside = covering + labels
    inside.sort(key=lambda s: s.start)
    inside_starts = [s.start for s in inside]
    found = []
    wrap = wrap_width(blocks)
    for block in blocks:
        if covered.contains(block.start, block.end):
            continue
        breaks = _line_breaks(block, wrap)
        parts = starting_within(inside, inside_starts, block.start, block.end)
        block_cuts = cuts[bisect.bisect_right(cuts, block.start):bisect.bisect_left(cuts, block.end)]
        for start, end in _pieces(block, block_cuts, parts):
            piece = text[start:end]
            start += len(piece) - len(piece.lstrip())
            end -= len(piece) - len(piece.rstrip())
            if end > start:
                found.append(span(start, end, "p", "structure.paragraph"))
                found += [lb for lb in breaks if start < lb.start < end]
    return found


def _line_breaks(block: Block, wrap: int) -> list[Span]:
    """`lb` where a paragraph's lines were broken on purpose: all of them well short of the wrap width."""
    if len(block.lines) < 2 or max(len(line.text.rstrip()) for line in block.lines) > wrap * 0.75:
        return []
    return [span(line.content_start, line.content_start, "lb", "structure.line-break") for line in block.lines[1:]]


def _pieces(block: Block, cuts: list[int], inside: list[Span]) -> list[tuple[int, int]]:
    """The parts of a block outside labels and other blocks' spans, split where a turn begins
    (one sweep: a block may hold thousands of labelled lines)."""
    gaps = []
    cursor = block.start
    for other in inside:  # sorted by start
        if other.start > cursor:
            gaps.append((cursor, min(other.start, block.end)))
        cursor = max(cursor, other.end)
    if cursor < block.end:
        gaps.append((cursor, block.end))
    pieces = []
    next_cut = 0
    for a, b in gaps:
        while next_cut < len(cuts) and cuts[next_cut] <= a:
            next_cut += 1
        left = a
        while next_cut < len(cuts) and cuts[next_cut] < b:
            pieces.append((left, cuts[next_cut]))
            left = cuts[next_cut]
            next_cut += 1
        pieces.append((left, b))
    return [(a, b) for a, b in pieces if b > a]
