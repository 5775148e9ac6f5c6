"""Front matter: the lines a reader sees as metadata before the text begins.

Author line, title (and subtitle), date line, byline, first-publication and republication lines,
transcription credits, and an editor's note. Each is recognised by its shape and position, never
by a particular text's wording. They stay in `front` (so nothing is lost) and the header is made
from them.
"""

from __future__ import annotations

import re

from edition.blocks import Block, Line
from edition.recognise.citation import LEAD_IN, parse_citation
from edition.recognise.names import (DATE, HONORIFICS, MONTH_RANGE, YEAR_RANGE, date_attributes, find_dates,
                                     looks_like_name)
from edition.spans import Span, span

EDITORIAL_NOTE = re.compile(
    r"^\W*(editor[’'`]?s?\W*notes?|editorial notes?|note by the editors?|translator[’'`]?s?\W*notes?|"
    r"introductory note|publisher[’'`]?s?\W*note|nota del? (editor|traductor)|note de l[’']éditeur|"
    r"anmerkung de[rs] (redaktion|herausgebers))\b\s*[:.—–-]?", re.I)
CREDIT_WORD = (r"(?:html\s+)?(?:mark-?up|marked\s+up|transcri\w*|proofread\w*|proofed|translat\w*|edit(?:ed|or|ing)|"
               r"online\s+version|digiti[sz]ed|scanned|encoded|converted|copyleft|public\s+domain|copyright|©|"
               r"source|written|delivered|html)")
CREDIT = re.compile(rf"^(?P<resp>{CREDIT_WORD}(?:\s*(?:/|,|&|and)\s*{CREDIT_WORD})*(?:\s+by)?)\s*:?\s*(?P<who>.*)$", re.I)
BYLINE = re.compile(
    rf"^(?:(?P<posted>(?i:posted|published|written|publicado|publié|veröffentlicht))"
    rf"(?:\s+(?i:on|el|le|am)\s+(?P<date>.+?))?\s+)?"
    rf"(?P<by>(?i:by|von|par|por|di|de))\s+(?P<name>(?:{HONORIFICS}\.?\s+)?(?:[A-ZÀ-Þ]|(?<=by )[a-z])[\w.'’ -]+?)\s*\.?$")
INTERVIEWED_BY = re.compile(r"^(?P<role>interview(?:ed)?\s+by|interviewer:?)\s+(?P<name>.+?)\s*\.?$", re.I)
SECTION_HEADING = re.compile(r"^(act|scene|chapter|part|book|section|canto|chapitre|kapitel|capítulo)\s+"
                             r"([\dIVXLC]+|one|two|three|first|second)\b", re.I)
SPEECH_LABEL = re.compile(r"^[A-Z][\w.’' -]{0,40}:\s")
TITLE_PAGE_ONLY = {"author", "title", "subtitle", "byline"}
SECTION_WORDS = re.compile(r"^(introduction|preface|foreword|prologue|contents|abstract|summary|notes|"
                           r"part|chapter|section|act|scene|book|transcript)\b", re.I)
DATE_LABEL = re.compile(r"\b(?:written|delivered|dated?|given|spoken|recorded|day\s+\d+|circa|c\.|spring|summer|"
                        r"autumn|fall|winter|early|late|mid|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b", re.I)


def recognise(blocks: list[Block], turn_labels: set[str]) -> list[Span]:
    """Spans for the title page, the source and credit lines, and an editor's note; a line opening
    with one of `turn_labels` (labels that recur at line starts: the text's speakers) ends them."""
    title_page: list[Span] = []
    source_lines: list[Span] = []
    spans: list[Span] = []
    seen_title = False
    previous = [""]  # the kind of the last front line, so a subtitle can follow its title
    index = 0
    while index < len(blocks):
        block = blocks[index]
        if EDITORIAL_NOTE.match(block.text):
            note_blocks = editorial_note_extent(blocks, index)
            spans.append(span(block.start, note_blocks[-1].end, "div", "front.editors-note", type_="editorial"))
            spans += [span(b.start, b.end, "p", "front.editors-note") for b in note_blocks]
            index += len(note_blocks)
            continue
        lines = _front_lines(block, seen_title, previous, turn_labels)
        if lines is None or (source_lines and any(kind in TITLE_PAGE_ONLY for _, kind, _ in lines)):
            break  # a title or byline after the source lines is not front matter any more
        if any(kind == "byline" for _, kind, _ in lines):
            lines = [_byline_makes_title(entry, seen_title) for entry in lines]
        for line, kind, found in lines:
            seen_title |= kind == "title"
            if kind == "date" and source_lines:  # a date line among the source lines ('Written: 1938')
                found = [span(line.content_start, line.content_end, "p", "front.date-in-source"),
                         span(line.content_start, line.content_end, "date", "front.date-line", **dict(found[0].attrs))]
            target = title_page if kind in TITLE_PAGE_ONLY | {"date"} and not source_lines else source_lines
            target += found
        index += 1
    if not any(s.kind == "titlePart" for s in title_page):
        title_page = [_as_title(s) for s in title_page]
    if title_page:
        spans.append(span(title_page[0].start, max(s.end for s in title_page), "titlePage", "front.title-page"))
        spans += title_page
        titles = [s for s in title_page if s.kind == "titlePart"]
        if titles:
            spans.append(span(titles[0].start, titles[-1].end, "docTitle", "front.title"))
    if source_lines:
        spans.append(span(source_lines[0].start, max(s.end for s in source_lines), "div", "front.source",
                          type_="source"))
        spans += source_lines
    return spans


def _as_title(found: Span) -> Span:
    """With no other title line, a name-like line ('Three Dialogues') is the title, not an author."""
    if found.rule != "front.author-line":
        return found
    return span(found.start, found.end, "titlePart", "front.title-line", type_="main")


def _byline_makes_title(entry, seen_title: bool):
    """'Julius Caesar / by William Shakespeare': with a byline, a name-like first line is the title."""
    line, kind, found = entry
    if kind != "author" or seen_title:
        return entry
    return line, "title", [span(line.content_start, line.content_end, "titlePart", "front.title-line",
                                type_="main")]


def editorial_note_extent(blocks: list[Block], index: int) -> list[Block]:
    """An editor's note runs on until a wide gap, a heading-like line or a speech label."""
    taken = [blocks[index]]
    for block in blocks[index + 1:]:
        if block.blank_before >= 2 or SPEECH_LABEL.match(block.text) or len(block.text) < 80:
            break
        taken.append(block)
    return taken


def _front_lines(block: Block, seen_title: bool, previous: list[str],
                 turn_labels: set[str]) -> list[tuple[Line, str, list[Span]]] | None:
    """Classify every line of a block as front matter, or None if the block is the text itself."""
    found = []
    for line in block.lines:
        result = None if _opens_a_turn(line.stripped, turn_labels) else _classify(line, seen_title, previous[0])
        if result is None:
            return None
        kind, spans = result
        seen_title |= kind == "title"
        previous[0] = kind
        found.append((line, kind, spans))
    # an author line is only an author line when a title follows it or precedes it
    return found


def _classify(line: Line, seen_title: bool, previous: str) -> tuple[str, list[Span]] | None:
    text = line.stripped
    start, end = line.content_start, line.content_end
    if len(text) > 500:  # running prose: no front-matter line is this long
        return None
    words = len(text.split())
    if SECTION_HEADING.match(text):
        return None
    if _is_date_line(text):
        return "date", [span(start, end, "docDate", "front.date-line", **_when(text))]
    if match := BYLINE.match(text):
        if looks_like_name(match["name"]) or len(match["name"].split()) == 1 and (
                match["name"][:1].isupper() or match["posted"]):
            name_start = start + match.start("name")
            result = [span(start, end, "byline", "front.byline"),
                      span(name_start, name_start + len(match["name"]), "docAuthor", "front.byline-author")]
            if match["date"]:
                date_start = start + match.start("date")
                result.append(span(date_start, date_start + len(match["date"]), "date", "front.byline-date",
                                   **_when(match["date"])))
            return "byline", result
    if match := INTERVIEWED_BY.match(text):
        result = [span(start, end, "byline", "front.interviewer", note=f"Interviewed by\t{_credited(match['name'])}")]
        for date_start, date_end, _ in find_dates(text)[:1]:
            result.append(span(start + date_start, start + date_end, "date", "front.byline-date",
                               **_when(text[date_start:date_end])))
        return "byline", result
    if seen_title and "©" in text and words <= 30:
        return "credit", [span(start, end, "p", "front.rights")]
    if _is_source_line(text):
        return "source", [s for s in parse_citation(text, start, rule="front.source-line")]
    if match := CREDIT.match(text):
        if words <= 60 and (match["who"] or match["resp"].lower() in {"public domain", "copyleft"}):
            return "credit", [span(start, end, "p", "front.credit", note=f"{match['resp']}\t{_credited(match['who'])}")]
    if words > 16 or text.endswith((".", ",", ";")) and not looks_like_name(text.rstrip(".")):
        return None
    if not seen_title and looks_like_name(text) and not re.search(r"[:!?]", text):
        return "author", [span(start, end, "docAuthor", "front.author-line")]
    if not seen_title:
        return "title", [span(start, end, "titlePart", "front.title-line", type_="main")]
    if previous == "title" and _is_subtitle(text):
        return "subtitle", [span(start, end, "titlePart", "front.subtitle-line", type_="sub")]
    return None


def _is_subtitle(text: str) -> bool:
    """A second title line straight under the title: not a section name, a quotation or a sentence."""
    return not (text.endswith((".", ":", ";", "?")) or text[:1] in "“\"‘'([«—–-~" or
                SECTION_WORDS.match(text) or SPEECH_LABEL.match(text))

def _opens_a_turn(text: str, turn_labels: set[str]) -> bool:
    """'INTERVIEWER: Why?', 'Q – How long?' where the label opens other turns too: the text has begun."""
    return any(text.startswith(label) and re.match(r"\s*(?:[:.]|\s[–—-])", text[len(label):])
               for label in turn_labels)


def _is_date_line(text: str) -> bool:
    """A line that is a date and nothing else: '(January/March 1940)', 'Day 23: July 7, 1987'."""
    if len(text) > 60 or not (find_dates(text) or YEAR_RANGE.search(text)):
        return False
    rest = DATE.sub(" ", MONTH_RANGE.sub(" ", YEAR_RANGE.sub(" ", text)))
    rest = re.sub(r"[()\[\]:,;./–—-]|\b(and|to|or|&)\b", " ", rest)
    rest = DATE_LABEL.sub(" ", rest)
    return not rest.strip() or (re.fullmatch(r"\s*\d{1,2}\s*", rest) is not None)


def _when(text: str) -> dict[str, str]:
    """docDate takes @when only; a range stays in the words (the header gives @from/@to)."""
    attrs = date_attributes(text)
    return {"when": attrs["when"]} if "when" in attrs else {}


def _is_source_line(text: str) -> bool:
    """A first-publication line: a lead-in ('First Published:', 'From') or a periodical with a date."""
    lead = LEAD_IN.match(text)
    if lead and lead.group(0).strip() and lead.group(0).strip()[0] not in "~—–―-":
        return any(s.kind == "title" for s in parse_citation(text))
    if len(text.split()) > 20 or not find_dates(text):
        return False
    parts = parse_citation(text)
    kinds = {s.kind for s in parts}
    return "title" in kinds and ("biblScope" in kinds or ("date" in kinds and text.rstrip().endswith(".")))


def _credited(who: str) -> str:
    """The person a credit names: 'Einde O'Callaghan for the MIA.' → 'Einde O'Callaghan'."""
    name = re.split(r"\s+(?:for|at|from|of|in|on)\s+|,|;|(?<!\b[A-Z])\.(?:\s|$)|\(", who.strip(), maxsplit=1)[0]
    return name.strip().rstrip(".")
