"""Spans: what the recognisers say about stretches of the unchanged source text.

A span is `(start, end, kind, attributes, rule)`: "characters 812–840 are a `q` (rule
quote.curly-double)". The kind is the TEI element to write, or one of the pseudo-kinds below.
The source is never edited; the serialiser (tei.py) turns text + spans into TEI once.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

#: Lines taken out of the text (web boilerplate, decoration); recorded in the header, not in `text`.
REMOVED = "removed"
#: Text written elsewhere (a footnote's text, written at its reference), so skipped where it stands.
MOVED = "moved"

#: Outer before inner when two spans cover exactly the same characters.
NESTING_ORDER = (
    "front", "body", "back", "titlePage", "docTitle", "div", "epigraph", "sp", "cit", "quote",
    "lg", "list", "p", "l", "head", "stage", "speaker", "label", "item", "docAuthor", "titlePart", "docDate", "docImprint",
    "byline", "bibl", "note", "q", "soCalled", "choice", "author", "title", "pubPlace",
    "publisher", "biblScope", "date", "lb",
)
_RANK = {kind: rank for rank, kind in enumerate(NESTING_ORDER)}


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str
    rule: str
    attrs: tuple[tuple[str, str], ...] = ()
    #: characters at each edge that an attribute carries instead (quotation marks in `rend`)
    trim: tuple[int, int] = (0, 0)
    #: extra data for pseudo-kinds and for the header (e.g. the reason for a removal)
    note: str = field(default="", compare=False)
    #: where the element's content stands instead, when it is moved (a footnote to its reference)
    content: tuple[int, int] | None = field(default=None, compare=False)

    def attr(self, name: str, default: str = "") -> str:
        return dict(self.attrs).get(name, default)

    def covers(self, other: "Span") -> bool:
        return self.start <= other.start and other.end <= self.end

    @property
    def sort_key(self) -> tuple[int, int, int]:
        return (self.start, -self.end, _RANK.get(self.kind, len(_RANK)))


def span(start: int, end: int, kind: str, rule: str, trim: tuple[int, int] = (0, 0), note: str = "",
         content: tuple[int, int] | None = None, **attrs: str) -> Span:
    """Build a span; attribute names with a trailing underscore lose it (`type_` → `type`)."""
    pairs = tuple((k.rstrip("_").replace("xml_", "xml:"), v) for k, v in attrs.items() if v != "")
    return Span(start, end, kind, rule, pairs, trim, note, content)


class Ranges:
    """Where a set of spans lies, for quick questions about offsets (the recognisers ask them for
    every block, so a scan of every span each time would make conversion quadratic)."""

    def __init__(self, spans: list[Span]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted((s.start, s.end) for s in spans):
            if merged and start < merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self._starts = [m[0] for m in merged]
        self._ends = [m[1] for m in merged]
        self._points = sorted(s.start for s in spans)

    def covers(self, offset: int) -> bool:
        """Some span holds the character at offset."""
        i = bisect.bisect_right(self._starts, offset) - 1
        return i >= 0 and offset < self._ends[i]

    def contains(self, start: int, end: int) -> bool:
        """Some span (or overlapping run of spans) holds all of start..end."""
        i = bisect.bisect_right(self._starts, start) - 1
        return i >= 0 and end <= self._ends[i]

    def starts_within(self, start: int, end: int) -> bool:
        """Some span begins at or after start and before end."""
        i = bisect.bisect_left(self._points, start)
        return i < len(self._points) and self._points[i] < end


def starting_within(spans_by_start: list[Span], starts: list[int], start: int, end: int) -> list[Span]:
    """The spans (sorted by start, with their starts listed) that begin in start..end."""
    return spans_by_start[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]
