"""The conversion pipeline: source → blocks → spans (recognisers in a fixed order) → TEI bytes.

    read (source.py) → blocks (blocks.py) → boilerplate → front matter → headings → speech →
    block quotations, epigraph, verse → paragraphs → inline quotations, corrections → layout
    → serialise (tei.py) with the header (header.py)

Each step takes plain data and returns spans; nothing here touches the file system.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from edition.blocks import Block, group_lines, split_lines
from edition.recognise import boilerplate, citation, front, notes, quotation, speech, structure
from edition.recognise.language import language
from edition.recognise.names import looks_like_name
from edition.recognise.speech import Person
from edition.sidecar import Sidecar
from edition.source import Source
from edition.spans import REMOVED, Span, span, starting_within
from edition.tei import indent, serialise, tei

INLINE_HOSTS = ("p", "l", "head", "stage", "titlePart", "item")
INTERVIEWER_IN_NOTE = re.compile(
    r"interview\w*\b[^.]{0,120}?\b(?:given\s+to|granted\s+to|to|by|conducted\s+by)\s+"
    r"(?:(?:the\s+)?(?:journalist|correspondent|reporter|writer)\s+)?(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,3})")
INTERVIEWEE = re.compile(r"\b(?i:interview|conversation|talk|q\s*&\s*a)\s+(?i:with)\s+"
                         r"(?P<name>(?:the\s+)?[A-Z][\w’'-]+(?:[ \t]+[A-Z][\w’'-]+){0,3})")
SUSPICIOUS = (("a digit inside a word", re.compile(r"(?<=[^\W\d_])\d+(?=[^\W\d_])")),
              ("a doubled word", re.compile(r"\b([^\W\d_]+) \1\b")))
WORD_AROUND = re.compile(r"\w*$"), re.compile(r"^\w*")


@dataclass
class Analysis:
    """Everything the converter found in one text; the serialiser and the report read it."""

    source: Source
    sidecar: Sidecar
    spans: list[Span]
    persons: list[Person]
    kind: str
    suspicious: list[tuple[int, str, str]]
    lang: str

    def text_of(self, s: Span) -> str:
        return self.source.text[s.start:s.end]


def analyse(source: Source, sidecar: Sidecar) -> Analysis:
    """Run the recognisers over a source, in order, each seeing the spans found before it."""
    text = source.text
    lines = split_lines(text)
    removed = boilerplate.recognise(group_lines(lines))
    removed_lines = frozenset(source.line_of(s.start) for s in removed)
    content = group_lines(lines, removed_lines)
    if not content:  # nothing but what looks like boilerplate: then it is the text, and nothing is removed
        removed, removed_lines, content = [], frozenset(), group_lines(lines)
    spans = removed + front.recognise(content, speech.recurring_labels(content))
    front_end = max((s.end for s in spans if s.kind in {"titlePage", "div"}), default=0)
    body_blocks = [b for b in content if b.start >= front_end]
    if not body_blocks:  # nothing but front matter: it is all the text there is
        spans, body_blocks = list(removed), content
    spans += notes.recognise(text, body_blocks, spans)
    spans += structure.headings(body_blocks, spans)
    front_text = " ".join(text[s.start:s.end] for s in spans if s.kind in {"titlePage", "div"})
    author, interviewer = _who_answers_and_asks(text, spans, sidecar, front_text)
    found = speech.recognise(text, body_blocks, spans, front_text + " " + sidecar.kind, author, interviewer,
                             sidecar.speakers)
    spans += found.spans
    spans += _preamble(text, body_blocks, spans, found.kind)
    body_start = _body_start(body_blocks, spans)
    spans += structure.lists(body_blocks, spans)
    spans += quotation.blocks_quotes(text, body_blocks, spans, body_start)
    spans += structure.paragraphs(text, body_blocks, spans)
    spans += [q for host in spans if host.kind in INLINE_HOSTS for q in _inline(text, host)]
    spans += [part for note in spans if note.kind == "note" for part in _note_parts(text, note)]
    inline = sorted((s for s in spans if s.kind in {"q", "note", "choice"}), key=lambda s: s.start)
    inline_starts = [s.start for s in inline]
    spans += [part for host in spans if host.kind in {"p", "l"}
              for part in _bracketed_citations(text, host, inline, inline_starts)]
    spans += _lead_in_authors(text, spans)
    spans += _corrections(source, sidecar, spans)
    spans += _layout(content, spans)
    kind = sidecar.kind or (found.kind if found.kind != "prose" else _prose_kind(removed))
    body_text = " ".join(b.text for b in body_blocks)
    return Analysis(source, sidecar, spans, found.persons, kind, _suspicious(source, removed_lines),
                    sidecar.lang or language(body_text))


def _prose_kind(removed: list[Span]) -> str:
    """Prose with a comment form or share buttons around it was a blog post; otherwise an essay."""
    blog_rules = {"boiler.comment-section", "boiler.comment-form-line", "boiler.site-furniture",
                  "boiler.share-button"}
    return "blog" if any(s.rule in blog_rules for s in removed) else "essay"


def _first(text: str, spans: list[Span], kind: str) -> str:
    return next((text[s.start:s.end].strip() for s in spans if s.kind == kind), "")


def _who_answers_and_asks(text: str, spans: list[Span], sidecar: Sidecar, front_text: str) -> tuple[str, str]:
    """The interviewee and the interviewer, as far as the sidecar and the front matter tell.

    'An Interview with Maria Lopez' names the interviewee; 'Interview with the United Press' names
    who asked (an agency, not a person), and then the author line is the one who answered."""
    author = next(iter(sidecar.authors), "") or _first(text, spans, "docAuthor")
    interviewer = sidecar.interviewer or _interviewer(text, spans)
    match = INTERVIEWEE.search(front_text)
    named = match["name"] if match else ""
    if named and looks_like_name(named) and named != author:
        return sidecar.interviewee or named, interviewer or (author if author != named else "")
    return sidecar.interviewee or author, interviewer or named


def _interviewer(text: str, spans: list[Span]) -> str:
    """'Interviewed by NAME', or an editor's note: 'the interview … given to NAME'."""
    for s in spans:
        if s.rule == "front.interviewer":
            return s.note.split("\t")[1]
    for s in spans:
        if s.kind == "div" and s.attr("type") == "editorial":
            if match := INTERVIEWER_IN_NOTE.search(text[s.start:s.end]):
                return match["name"]
    return ""


def _preamble(text: str, blocks: list[Block], spans: list[Span], kind: str) -> list[Span]:
    """In a transcript, prose before the first turn is the editor's, not the speakers': front matter."""
    turns = [s for s in spans if s.kind == "sp"]
    if kind not in {"interview", "hearing"} or not turns:
        return []
    first_turn = min(s.start for s in turns)
    claimed = [s for s in spans if s.kind in {"head", "div", REMOVED}]
    before = [b for b in blocks if b.end <= first_turn and not any(c.start <= b.start < c.end for c in claimed)]
    if not before or any(s.kind == "head" and s.start < first_turn for s in spans):
        return []
    return [span(before[0].start, before[-1].end, "div", "front.preamble", type_="editorial")] + [
        span(b.start, b.end, "p", "front.preamble") for b in before]


def _body_start(blocks: list[Block], spans: list[Span]) -> int:
    front_end = max((s.end for s in spans if s.kind in {"titlePage"} or
                     (s.kind == "div" and s.attr("type") in {"source", "editorial"})), default=0)
    return next((b.start for b in blocks if b.start >= front_end), front_end)


def _note_parts(text: str, note: Span) -> list[Span]:
    """A footnote's quotations, and its citation when it reads as one ('Author, Title (Place: …), 88.')."""
    start, end = note.content
    parts = quotation.inline_quotes(text, start, end)
    cited = citation.parse_citation(text[start:end], start, rule="notes.citation")
    if {"title", "author"} <= {s.kind for s in cited} or any(s.kind == "biblScope" for s in cited):
        inner = [s for s in cited[1:] if not any(q.start < s.end and s.start < q.end for q in parts)]
        parts += [cited[0]] + inner
    return parts


BRACKETED = re.compile(r"\[(?P<a>[^\[\]]{8,300})\]|\((?P<b>[^()]{8,300})\)")
LEAD_IN_AUTHOR = re.compile(r"(?P<name>[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){1,3}),?\s+(?:(?:once|then|later|also)\s+)?"
                            r"(?:wrote|writes|said|says|declared|declares|put it|puts it|observed|noted|remarked|"
                            r"explained|argued|sang|asked)\s*(?:in\s+[^:]{1,80})?:\s*$")


def _bracketed_citations(text: str, host: Span, inline_spans: list[Span], starts: list[int]) -> list[Span]:
    """'[Labour Monthly 12 (March 1931)]' or '(Marx, Capital, vol. 1, p. 35)' in running text: a bibl."""
    found = []
    inline = starting_within(inline_spans, starts, host.start, host.end)
    for match in BRACKETED.finditer(text, host.start, host.end):
        group = "a" if match["a"] else "b"
        start, end = match.start(group), match.end(group)
        if any(s.start < end and start < s.end for s in inline):
            continue
        parts = citation.parse_citation(text[start:end], start, rule="citation.bracketed")
        kinds = [p.kind for p in parts[1:]]
        if "title" in kinds and ("biblScope" in kinds or ("date" in kinds and "author" in kinds)):
            found += parts
    return found


def _lead_in_authors(text: str, spans: list[Span]) -> list[Span]:
    """A paragraph introducing a block quotation by its author ('…, Leon Tolstoy, wrote:'): the name
    is the quotation's source, a bibl with its author."""
    quotes = {s.start for s in spans if s.kind in {"quote", "cit"}}
    found = []
    for p in (s for s in spans if s.kind == "p"):
        following = next((q for q in sorted(quotes) if q > p.end), None)
        if following is None or text[p.end:following].strip():
            continue
        if text[p.end - 1] == ":" and (match := LEAD_IN_AUTHOR.search(text, max(p.start, p.end - 200), p.end)):
            start, end = match.start("name"), match.end("name")
            found += [span(start, end, "bibl", "quote.lead-in-source"), span(start, end, "author", "quote.lead-in-author")]
    return found


def _inline(text: str, host: Span) -> list[Span]:
    return quotation.inline_quotes(text, host.start + host.trim[0], host.end - host.trim[1])


def _corrections(source: Source, sidecar: Sidecar, spans: list[Span]) -> list[Span]:
    """Each sidecar correction as `choice` over every occurrence (or the one on its line)."""
    found = []
    hosts = [s for s in spans if s.kind in INLINE_HOSTS]
    for correction in sidecar.corrections:
        for match in re.finditer(re.escape(correction.sic), source.text):
            line = source.line_of(match.start())
            if correction.line and correction.line != line:
                continue
            if any(h.start <= match.start() and match.end() <= h.end for h in hosts):
                found.append(span(match.start(), match.end(), "choice", "correction.sidecar", corr=correction.corr))
    return found


def _layout(blocks: list[Block], spans: list[Span]) -> list[Span]:
    """`front` around the front matter, `body` around the rest."""
    front_parts = [s for s in spans if s.kind == "titlePage" or
                   (s.kind == "div" and s.attr("type") in {"source", "editorial"})]
    front_end = max((s.end for s in front_parts), default=-1)
    body = [b for b in blocks if b.start > front_end]
    result = []
    if front_parts and body:
        result.append(span(min(s.start for s in front_parts), front_end, "front", "layout.front"))
    if body:
        result.append(span(body[0].start, body[-1].end, "body", "layout.body"))
    return result


def _suspicious(source: Source, removed_lines: frozenset[int]) -> list[tuple[int, str, str]]:
    """Tokens an editor may want to correct in a sidecar: 'incomparab1y', 'the the' (not in removed lines)."""
    found = set()
    text = source.text
    for what, pattern in SUSPICIOUS:
        for match in pattern.finditer(text):
            line = source.line_of(match.start())
            if line not in removed_lines:
                found.add((line, what, _whole_word(text, match.start(), match.end())))
    return sorted(found)


def _whole_word(text: str, start: int, end: int) -> str:
    """The token a match lies in: the digit '1' of 'incomparab1y' names the whole word."""
    before = WORD_AROUND[0].search(text, max(0, start - 40), start)
    after = WORD_AROUND[1].match(text[end:end + 40])
    return text[before.start():start] + text[start:end] + after.group(0)


def to_tei(analysis: Analysis) -> bytes:
    """The TEI document as bytes: header from what was found, text from the spans."""
    from edition.header import build_header

    root = tei("TEI", {"xml:lang": analysis.lang})
    root.append(build_header(analysis))
    text = tei("text", {"type": analysis.kind})
    root.append(text)
    layout = [s for s in analysis.spans if s.kind in {"front", "body"}]
    serialise(analysis.source.text, analysis.spans, text, min(s.start for s in layout), max(s.end for s in layout))
    indent(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8") + b"\n"
