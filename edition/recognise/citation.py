"""Citation strings → the parts of a TEI `bibl`, as spans over the unchanged string.

One parser for every place a citation stands: a first-publication line, an attribution under a
quotation, a footnote, `edition bibl`. It finds the parts a reader finds (who, what, where
published, which volume, issue and pages, when) by their shape, and leaves the rest as text.
"""

from __future__ import annotations

import re

from edition.recognise.names import DATE, iso_date, looks_like_name
from edition.spans import Span, span

#: Words that introduce a citation rather than belong to it.
LEAD_IN = re.compile(
    r"^\s*(?:(?:first|originally|also)\s+)?(?:published|printed|appeared|reprinted|republished)"
    r"(?:\s+(?:in|by|as))?\s*:?\s*|^\s*(?:source|from|in|quelle|fuente)\s*:?\s+|^\s*[~—–―-]{1,2}\s*",
    re.I)
IBID = re.compile(r"^\s*(?:ibid|ibidem|id|op\.\s*cit|loc\.\s*cit)\.?", re.I)
PAGES = re.compile(r"\b(?P<label>pp?\.\s*|pages?\s+|S\.\s*)(?P<from>\d+)(?:\s*[-–—]\s*(?P<to>\d+))?")
TRAILING_PAGES = re.compile(r"(?:^|[),]\s*)(?P<from>\d{1,4})(?:\s*[-–—]\s*(?P<to>\d{1,4}))?\s*\.?\s*$")
VOLUME = re.compile(r"\b(?P<label>vol(?:ume)?\.?\s*|bd\.\s*|tome\s+|t\.\s*)(?P<n>\d+|[IVXLC]+)\b", re.I)
ISSUE = re.compile(r"(?P<label>\b(?:no|nr|num|issue|number)\.?\s*|#\s*)(?P<n>\d+)\b", re.I)
BARE_VOLUME = re.compile(r"^(?P<title>[^\d,(\[]+?)\s+(?P<n>\d{1,3})\s*(?=\()")
PLACE_IN_BRACKETS = re.compile(r"\[(?P<place>[^\]\d]+)\]")
IMPRINT = re.compile(r"\((?P<place>[^():,]+):\s*(?P<publisher>[^(),]+),\s*(?P<year>\d{4})\)")
PUBLISHER = re.compile(
    r"\b(?P<publisher>(?:[A-Z][\w&'.-]*\s+){1,4}(?:Press|Books|Publishers|Publishing|Verlag|Éditions|"
    r"Editions|Editorial|House|& Co\.?|Library))\b")
QUOTED_TITLE = re.compile(r"[“\"‘](?P<title>[^”\"’]+?)[,.]?[”\"’]")
PERIODICAL_WORDS = re.compile(
    r"\b(review|monthly|weekly|daily|journal|quarterly|magazine|bulletin|times|post|news|herald|"
    r"tribune|gazette|international|worker|socialist|harp|press|chronicle|courier|observer|guardian|"
    r"spectator|nation|republic|digest|dispatch|standard|voice|star|record|life|age)\b", re.I)


def parse_citation(text: str, base: int = 0, rule: str = "citation") -> list[Span]:
    """The `bibl` span over the whole string and a span for each part found inside it."""
    body_start = _lead_in_end(text)
    end = len(text.rstrip())
    parts: list[Span] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, stop: int, kind: str, **attrs: str) -> None:
        if start < stop and not any(s < stop and start < e for s, e in taken):
            taken.append((start, stop))
            parts.append(span(base + start, base + stop, kind, f"{rule}.{kind}", **attrs))

    for m in PAGES.finditer(text):
        add(m.start("from"), m.end(), "biblScope", unit="page", from_=m["from"], to=m["to"] or m["from"])
    for m in VOLUME.finditer(text):
        add(m.start("n"), m.end("n"), "biblScope", unit="volume")
    for m in ISSUE.finditer(text):
        add(m.start("n"), m.end("n"), "biblScope", unit="issue")
    for m in IMPRINT.finditer(text):
        add(m.start("place"), m.end("place"), "pubPlace")
        add(m.start("publisher"), m.end("publisher"), "publisher")
    for m in PLACE_IN_BRACKETS.finditer(text):
        add(m.start("place"), m.end("place"), "pubPlace")
    for m in DATE.finditer(text):
        if m.start() >= body_start and (iso := iso_date(m)):
            add(m.start(), m.end(), "date", when=iso)
    if (m := TRAILING_PAGES.search(text)) and (")" in text[: m.start() + 2] or IBID.match(text)
                                               or text[: m.start()].rstrip().endswith(",")):
        if not _is_year(m["from"]):
            add(m.start("from"), m.end("to") if m["to"] else m.end("from"), "biblScope", unit="page",
                from_=m["from"], to=m["to"] or m["from"])
    for m in PUBLISHER.finditer(text):
        add(m.start("publisher"), m.end("publisher"), "publisher")
    if not IBID.match(text):
        _author_and_title(text, body_start, add, periodical=_is_periodical(text, parts))
    if (m := BARE_VOLUME.match(text[body_start:])) and any(p.kind == "title" for p in parts):
        add(body_start + m.start("n"), body_start + m.end("n"), "biblScope", unit="volume")
    return [span(base, base + end, "bibl", rule)] + sorted(parts, key=lambda s: s.start)


def _lead_in_end(text: str) -> int:
    match = LEAD_IN.match(text)
    return match.end() if match else len(text) - len(text.lstrip())


def _is_year(digits: str) -> bool:
    return len(digits) == 4 and digits[:2] in {"15", "16", "17", "18", "19", "20"}


def _is_periodical(text: str, parts: list[Span]) -> bool:
    """Volume or issue numbers, a month-exact date, or a newspaper-like name mean a periodical."""
    units = {p.attr("unit") for p in parts if p.kind == "biblScope"}
    if "issue" in units or ("volume" in units and not _starts_with_author(text)):
        return True
    if any(p.kind == "publisher" for p in parts):
        return False
    if any(p.kind == "date" and len(p.attr("when")) >= 7 for p in parts):
        return True
    return bool(PERIODICAL_WORDS.search(text))


def _names_a_publication(text: str) -> bool:
    """'First Published: Socialist Appeal, …': after such a lead-in comes where, never who."""
    lead = LEAD_IN.match(text)
    return bool(lead and lead.group(0).strip() and lead.group(0).strip()[0] not in "~—–―-")


def _starts_with_author(text: str) -> bool:
    """'Karl Marx, Capital, vol. 1': a book's volume, not a periodical's."""
    start = _lead_in_end(text)
    end = _segment_end(text, start)
    return end < len(text) and text[end] == "," and _is_author_list(text[start:end].strip())


def _author_and_title(text: str, start: int, add, periodical: bool) -> None:
    """'Author, Title, …' or 'Title [Place], …': the leading segments by their shape."""
    quoted = QUOTED_TITLE.search(text, start)
    segment_end = _segment_end(text, start)
    first = text[start:segment_end].strip()
    first_start = start + (len(text[start:segment_end]) - len(text[start:segment_end].lstrip()))
    has_more = segment_end < len(text) and text[segment_end] == ","
    if first and has_more and _is_author_list(first) and not _names_a_publication(text):
        add(first_start, first_start + len(first), "author")
        start = segment_end + 1
        segment_end = _segment_end(text, start)
    if quoted and quoted.start() <= start + 2:
        add(quoted.start("title"), quoted.end("title"), "title", level="a")
        start = quoted.end()
        while start < len(text) and text[start] in " ,.:;”\"’":
            start += 1
        if re.match(r"in\s+", text[start:]):
            start += len(re.match(r"in\s+", text[start:]).group(0))
        segment_end = _segment_end(text, start)
        periodical = True
    title = text[start:segment_end].strip().rstrip(".")
    if title and not title.isdigit():
        title_start = start + (len(text[start:segment_end]) - len(text[start:segment_end].lstrip()))
        level = "j" if periodical else ("m" if _has_imprint(text) or VOLUME.search(text) or PAGES.search(text) else "")
        add(title_start, title_start + len(title), "title", level=level)


def _segment_end(text: str, start: int) -> int:
    """Where a leading segment ends: a comma, bracket, parenthesis, '|', '#', or a volume/date."""
    stops = [m.start() for m in (re.compile(r",|\[|\(|\s\|\s|\s#|\s+\d{1,3}\s*\(").search(text, start),
                                 VOLUME.search(text, start), DATE.search(text, start)) if m]
    stops = [s for s in stops if s > start]
    return min(stops) if stops else len(text.rstrip().rstrip("."))


def _is_author_list(text: str) -> bool:
    names = re.split(r"\s+(?:and|&|und|et|y)\s+|;\s*", text)
    return all(looks_like_name(name) for name in names)


def _has_imprint(text: str) -> bool:
    return bool(IMPRINT.search(text) or PUBLISHER.search(text))


def bibl_xml(citation: str) -> str:
    """A citation as one line of TEI: `<bibl xmlns="…">…</bibl>`."""
    from lxml import etree

    from edition.tei import serialise, tei

    spans = parse_citation(citation)
    element = serialise(citation, spans[1:], tei("bibl"), 0, len(citation.rstrip()))
    return etree.tostring(element, encoding="unicode")
