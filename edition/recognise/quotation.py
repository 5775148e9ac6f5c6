"""Quotations: inline `q`, block `quote` in `cit` with its `bibl`, `epigraph`, and quoted verse.

Quotation marks are paired by their shape and context (curly, straight, single, double, « », „ “,
a closing mark used as an opening one); apostrophes inside or after words are left alone; marks
that never pair stay in the text. The marks of a pair move into `@rend` as `pre(“) post(”)`, so
the text holds the words only and the plain-text rendering can put the marks back.
"""

from __future__ import annotations

import re

from edition.blocks import Block, wrap_width
from edition.recognise.citation import parse_citation
from edition.spans import Ranges, Span, span

OPENING = {"“": "”", "‘": "’", "«": "»", "„": "“", "‚": "‘", "»": "«", "\"": "\"", "'": "'"}
ATTRIBUTION = re.compile(r"^\s*(?:[~―—–]|--?)\s*\S")


def rend(opening: str, closing: str) -> str:
    return f"pre({opening}) post({closing})"


def marks_of(rend_value: str) -> tuple[str, str]:
    """The marks a `rend` records: 'pre(“) post(”)' → ('“', '”')."""
    match = re.fullmatch(r"pre\((.*?)\) post\((.*?)\)", rend_value or "")
    return (match.group(1), match.group(2)) if match else ("", "")


# -- inline quotations ------------------------------------------------------------------------

def inline_quotes(text: str, start: int, end: int, rule_prefix: str = "quote") -> list[Span]:
    """`q` spans for every paired quotation in text[start:end]."""
    stack: list[tuple[int, str]] = []
    found: list[Span] = []
    for offset in range(start, end):
        ch = text[offset]
        if ch not in "“”‘’\"'«»„‚":
            continue
        before = text[offset - 1] if offset > start else " "
        after = text[offset + 1] if offset + 1 < end else " "
        _drop_apostrophes_under(ch, before, stack)
        if _closes(ch, before, after, stack) and not _elision(text, stack[-1][0], offset):
            open_at, opening = stack.pop()
            if text[open_at + 1:offset].strip():  # marks around nothing are left as they are
                found.append(span(open_at, offset + 1, "q", f"{rule_prefix}.{_family(opening)}", trim=(1, 1),
                                  rend=rend(opening, ch)))
        elif _opens(ch, before, after):
            stack.append((offset, ch))
    return found


def _drop_apostrophes_under(ch: str, before: str, stack: list[tuple[int, str]]) -> None:
    """A closing mark for an outer quotation, with single marks still open above it: those were
    apostrophes ('tis, rock 'n' roll), not quotations, so they are forgotten."""
    for depth in range(len(stack) - 1, -1, -1):
        opening = stack[depth][1]
        if opening in "'‘’":
            continue
        if depth < len(stack) - 1 and (ch == OPENING.get(opening) or (opening == "”" and ch == "”")) \
                and not before.isspace():
            del stack[depth + 1:]
        return


def _elision(text: str, open_at: int, close_at: int) -> bool:
    """Single marks around one or two letters are elisions, not quotations: rock 'n' roll."""
    return text[open_at] in "'‘’" and close_at - open_at <= 3


def _opens(ch: str, before: str, after: str) -> bool:
    if ch == "«":  # French sets a (no-break) space inside guillemets
        return True
    if after.isspace():
        return False
    if ch in "“«„‚":
        return True
    if ch == "‘":
        return not before.isalnum()
    if ch in "\"'”»":  # straight marks, and a closing double mark used to open (”Easily …”)
        return (before.isspace() or before in "([{—–-/") and (after.isalpha() or after in "“‘\"'…")
    return False


def _closes(ch: str, before: str, after: str, stack: list[tuple[int, str]]) -> bool:
    if not stack:
        return False
    opening = stack[-1][1]
    expected = OPENING.get(opening, "")
    if ch == "’" and before.isalpha() and after.isalpha():
        return False  # an apostrophe inside a word: don't, Stalin’s
    if ch == "'" and before.isalpha() and after.isalpha():
        return False
    if ch == expected or (opening == "”" and ch == "”") or (opening == "’" and ch == "’"):
        return not before.isspace() or ch in "\"'»"
    return False


def _family(opening: str) -> str:
    return {"“": "curly-double", "‘": "curly-single", "\"": "straight-double", "'": "straight-single",
            "«": "guillemets", "»": "guillemets-reversed", "„": "low-double", "‚": "low-single",
            "”": "closing-mark-as-opening"}.get(opening, "other")


def quoted_whole(text: str, start: int, end: int) -> tuple[str, str] | None:
    """The marks when text[start:end] is one quotation from its first to its last character."""
    if end - start < 3 or not text[start + 1:end - 1].strip():
        return None
    first, last = text[start], text[end - 1]
    if first not in OPENING and first not in "”’" or last not in "”’\"'»“‘":
        return None
    pairs = inline_quotes(text, start, end)
    if any(q.start == start and q.end == end for q in pairs):
        return first, last
    inner = text[start + 1:end - 1]
    if first in "“”" and last == "”" and "“" not in inner and "”" not in inner:
        return first, last
    return None


# -- block quotations, epigraphs and verse ----------------------------------------------------

def blocks_quotes(text: str, blocks: list[Block], claimed: list[Span], body_start: int) -> list[Span]:
    """Epigraph at the head of the body, quoted blocks with their attribution, and verse."""
    taken = Ranges([s for s in claimed if s.kind not in {"div", "sp"}])
    labels = Ranges([s for s in claimed if s.kind == "speaker"])
    free = [piece for b in blocks if not taken.covers(b.start) and not labels.starts_within(b.start, b.end)
            for piece in _split_attribution(b)]
    first_text = min((s.start for s in claimed if s.kind in {"p", "sp", "head"}), default=len(text))
    spans: list[Span] = []
    used: set[int] = set()
    wrap = wrap_width(blocks)
    for index, block in enumerate(free):
        if index in used:
            continue
        following = free[index + 1] if index + 1 < len(free) else None
        marks = quoted_whole(text, block.start, block.end)
        verse_run = _verse_run(free, index, wrap, text) if _is_verse(block, wrap, text) else []
        if not marks and not verse_run:
            continue
        if verse_run:
            last = verse_run[-1]
            first_quoted = quoted_whole(text, block.start, last.end)
            content = _verse(text, verse_run, bool(first_quoted))
            used.update(range(index, index + len(verse_run)))
            quote_start, quote_end = block.start, last.end
            marks = first_quoted
            following = free[index + len(verse_run)] if index + len(verse_run) < len(free) else None
        else:
            quote_start, quote_end = block.start, block.end
            content = [span(block.start + 1, block.end - 1, "p", "quote.block-paragraph")]
        quote = span(quote_start, quote_end, "quote", "quote.block", trim=(1, 1) if marks else (0, 0),
                     rend=rend(*marks) if marks else "")
        attribution = following if following and _is_attribution(following) else None
        at_head = quote_start == body_start and first_text >= quote_start  # nothing of the body before it
        if attribution:
            used.add(free.index(attribution, index))
            bibl = parse_citation(text[attribution.start:attribution.end], attribution.start, rule="quote.attribution")
            group = [span(quote_start, attribution.end, "cit", "quote.cit"), quote, *content, *bibl]
            if at_head and marks:
                group.insert(0, span(quote_start, attribution.end, "epigraph", "quote.epigraph"))
            spans += group
        else:
            spans += [quote, *content]
    return spans


def _split_attribution(block: Block) -> list[Block]:
    """A quotation with its attribution on the next line, no blank line between: two blocks."""
    if len(block.lines) >= 2 and ATTRIBUTION.match(block.lines[-1].text) and len(block.lines[-1].text.split()) <= 20:
        return [Block(block.lines[:-1], block.blank_before), Block(block.lines[-1:], 0)]
    return [block]


def _is_attribution(block: Block) -> bool:
    """'~Leon Trotsky, Once Again', '— Karl Marx, Capital', '– Name, Place, Year'."""
    if len(block.lines) != 1 or len(block.text.split()) > 20:
        return False
    if ATTRIBUTION.match(block.text):
        return True
    return False


def _is_verse(block: Block, wrap: int, text: str) -> bool:
    """Two or more short lines, most of them capitalised: set as verse, not wrapped prose."""
    lines = [line.stripped for line in block.lines]
    quoted = lines[0][:1] in OPENING or lines[0][:1] in "”’"
    if len(lines) < (2 if quoted else 3):  # two plain short lines are more often a signature than a couplet
        return False
    limit = min(70, int(wrap * 0.75))
    if any(len(line) > limit for line in lines):
        return False
    if sum(len(line.split()) for line in lines) < 3 * len(lines):  # 'Yours fraternally, / J. Connolly'
        return False
    if not quoted and not any(re.search(r"[,;:.!?—–-]$", line) for line in lines[:-1]):
        return False  # short lines none of which ends in punctuation: a list, not verse
    capitalised = sum(1 for line in lines if line.lstrip("“”‘’\"'«»„([").strip()[:1].isupper())
    if capitalised < max(2, len(lines) * 0.6):
        return False
    return not all(re.match(r"^[\w .'’-]{1,30}:\s", line) for line in lines)


def _verse_run(free: list[Block], index: int, wrap: int, text: str) -> list[Block]:
    """Stanzas: verse blocks one blank line apart belong to one quotation."""
    run = [free[index]]
    for block in free[index + 1:]:
        if block.blank_before != 1 or not _is_verse(block, wrap, text):
            break
        run.append(block)
    return run


def _verse(text: str, stanzas: list[Block], quoted: bool) -> list[Span]:
    """`lg` of `l` (an outer `lg` holding one `lg` per stanza when there are several)."""
    spans = []
    first, last = stanzas[0].start + (1 if quoted else 0), stanzas[-1].end - (1 if quoted else 0)
    if len(stanzas) > 1:
        spans.append(span(first, last, "lg", "verse.poem", type_="poem"))
    for block in stanzas:
        lines = []
        for line in block.lines:
            start, end = max(line.content_start, first), min(line.content_end, last)
            lines.append(span(start, end, "l", "verse.line"))
        stanza_type = "stanza" if len(stanzas) > 1 else ""
        spans.append(span(lines[0].start, lines[-1].end, "lg", "verse.stanza", type_=stanza_type))
        spans += lines
    return spans
