"""The teiHeader, made from what the recognisers found (and the sidecar, where it says more).

Title, author and date come from the front-matter spans; the source `bibl` is the parsed
first-publication line, copied; the editorial declaration says in words what was normalised and
lists every removed line with its number, so nothing leaves the file unaccounted for.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING

from lxml import etree

from edition.recognise.names import date_attributes, find_dates
from edition.spans import REMOVED, Span
from edition.tei import serialise, sub, tei

if TYPE_CHECKING:
    from edition.pipeline import Analysis

ROLES = {"interview": {"question": "interviewer", "answer": "interviewee"},
         "hearing": {"question": "examiner", "answer": "witness"}}
FIRST_PUBLISHED = re.compile(r"\s*(first|originally)\s+(published|printed|appeared)", re.I)
CITATION_PARTS = {"author", "title", "pubPlace", "publisher", "biblScope", "date", "q", "choice"}
QUESTION_ANSWER = (("question", "A question put to the person interviewed or examined."),
                   ("answer", "An answer given by the person interviewed or examined."))


def build_header(analysis: Analysis) -> etree._Element:
    header = tei("teiHeader")
    file_desc = sub(header, "fileDesc")
    _title_stmt(file_desc, analysis)
    publication = sub(file_desc, "publicationStmt")
    sub(publication, "publisher", text="edition")
    availability = sub(publication, "availability")
    sub(availability, "p", text="A TEI P5 encoding of the plain-text transcription named in the source "
                              "description, made by the edition toolkit. The rights of the source text and of "
                              "its transcription are as the source states.")
    _source_desc(file_desc, analysis)
    _encoding_desc(header, analysis)
    _profile_desc(header, analysis)
    _revision_desc(header, analysis)
    return header


def _spans(analysis: Analysis, kind: str, rule: str = "") -> list[Span]:
    return [s for s in analysis.spans if s.kind == kind and (not rule or s.rule.startswith(rule))]


def _clean(text: str) -> str:
    return " ".join(text.split())


def _title_stmt(file_desc: etree._Element, analysis: Analysis) -> None:
    stmt = sub(file_desc, "titleStmt")
    titles = _spans(analysis, "titlePart")
    title = analysis.sidecar.title or (_clean(analysis.text_of(titles[0])) if titles else "")
    sub(stmt, "title", text=title or analysis.source.name.rsplit("/", 1)[-1])
    subtitle = analysis.sidecar.subtitle or next(
        (_clean(analysis.text_of(t)) for t in titles if t.attr("type") == "sub"), "")
    if subtitle:
        sub(stmt, "title", {"type": "sub"}, subtitle)
    authors = list(analysis.sidecar.authors) or [_clean(analysis.text_of(s)) for s in _spans(analysis, "docAuthor")]
    for author in dict.fromkeys(authors):
        sub(stmt, "author", text=author)
    for resp, name in _credits(analysis):
        resp_stmt = sub(stmt, "respStmt")
        sub(resp_stmt, "resp", text=resp)
        sub(resp_stmt, "name", text=name)


def _credits(analysis: Analysis) -> list[tuple[str, str]]:
    found = []
    for s in analysis.spans:
        if s.rule in {"front.credit", "front.interviewer"} and "\t" in s.note:
            resp, name = s.note.split("\t", 1)
            if name:
                found.append((resp, name))
    return found


def _source_desc(file_desc: etree._Element, analysis: Analysis) -> None:
    source_desc = sub(file_desc, "sourceDesc")
    citations = sorted((s for s in _spans(analysis, "bibl") if s.rule.startswith("front.source-line")),
                       key=lambda s: not FIRST_PUBLISHED.match(analysis.text_of(s)))
    for index, citation in enumerate(citations):
        bibl = sub(source_desc, "bibl", {"type": "original" if index == 0 else "reprint"})
        inner = [s for s in analysis.spans if citation.start <= s.start and s.end <= citation.end
                 and s.kind in CITATION_PARTS]
        serialise(analysis.source.text, inner, bibl, citation.start, citation.end)
    if not citations:
        _bibl_of_the_page(sub(source_desc, "bibl", {"type": "original"}), analysis)
    transcription = sub(source_desc, "bibl", {"type": "transcription"})
    transcription.text = "Plain-text transcription, file "
    sub(transcription, "idno", {"type": "file"}, analysis.source.name.rsplit("/", 1)[-1]).tail = \
        f", {analysis.source.encoding}, {analysis.source.line_ends} line ends"
    if analysis.sidecar.url:
        last = sub(transcription, "ref", {"target": analysis.sidecar.url}, analysis.sidecar.url)
        last.getprevious().tail += ", copied from "
        last.tail = "."
    else:
        transcription[-1].tail += "."


def _bibl_of_the_page(bibl: etree._Element, analysis: Analysis) -> None:
    """Where no first-publication line names the source, the page it was copied from is the source:
    'Author, Title, Site, date, URL.' from the front matter and the sidecar."""
    meta = analysis.sidecar
    titles = _spans(analysis, "titlePart")
    parts = [("author", {}, author) for author in meta.authors or
             [_clean(analysis.text_of(s)) for s in _spans(analysis, "docAuthor")]]
    title = meta.title or (_clean(analysis.text_of(titles[0])) if titles else "")
    if title:
        parts.append(("title", {"level": "a"} if meta.site or meta.url else {}, title))
    if meta.site:
        parts.append(("title", {"level": "j" if analysis.kind == "blog" else "m"}, meta.site))
    if meta.date:
        parts.append(("date", dict(meta.date), meta.date.get("when") or
                      "–".join(v for v in (meta.date.get("from"), meta.date.get("to")) if v)))
    if meta.url:
        parts.append(("ref", {"target": meta.url}, meta.url))
    for index, (tag, attrs, text) in enumerate(parts):
        sub(bibl, tag, attrs, text).tail = ", " if index < len(parts) - 1 else "."


def _encoding_desc(header: etree._Element, analysis: Analysis) -> None:
    encoding = sub(header, "encodingDesc")
    decl = sub(encoding, "editorialDecl")
    for sentence in _normalisations(analysis):
        sub(decl, "p", text=sentence)
    removed = sorted(_spans(analysis, REMOVED), key=lambda s: s.start)
    if removed:
        by_kind: dict[str, int] = defaultdict(int)
        for s in removed:
            by_kind[s.note] += 1
        summary = "; ".join(f"{what} ({n} line{'s' if n > 1 else ''})" for what, n in by_kind.items())
        sub(decl, "p", text=f"Removed from the text, as not part of the work: {summary}. "
                            "The removed lines, with their line numbers in the source:")
        holder = sub(decl, "p")
        listing = sub(holder, "list", {"type": "removed"})
        for s in removed:
            sub(listing, "item", {"n": str(analysis.source.line_of(s.start))}, analysis.text_of(s))
    if any(p.role for p in analysis.persons):
        class_decl = sub(encoding, "classDecl")
        taxonomy = sub(class_decl, "taxonomy", {"xml:id": "speech-acts"})
        for ident, description in QUESTION_ANSWER:
            category = sub(taxonomy, "category", {"xml:id": ident})
            sub(category, "catDesc", text=description)


def _normalisations(analysis: Analysis) -> list[str]:
    source = analysis.source
    sentences = [f"The source was read as {source.encoding}; its line ends ({source.line_ends}) are "
                 "written as LF. White space between blocks is not significant; a blank line in the "
                 "source separates blocks, which are encoded as paragraphs, lines, headings and turns."]
    if source.invisibles:
        found = ", ".join(f"{n} {name}{'s' if n > 1 else ''}" for name, n in source.invisibles)
        sentences.append(f"Invisible characters are kept as they are in the source: {found}.")
    if _spans(analysis, "q") or any(s.attr("rend") for s in _spans(analysis, "quote")):
        sentences.append("Quotation marks are not kept in the text: each q and quote records the marks "
                         "of its source in @rend, as pre(mark) post(mark).")
    if _spans(analysis, "choice"):
        sentences.append("Corrections listed in the sidecar are encoded as choice, with the source's "
                         "reading in sic and the editor's in corr.")
    if _spans(analysis, "speaker"):
        sentences.append("Speaker labels are kept exactly as the source writes them in speaker; "
                         "sp/@who points to the person in the list of participants.")
    return sentences


def _profile_desc(header: etree._Element, analysis: Analysis) -> None:
    profile = sub(header, "profileDesc")
    date_spans = _spans(analysis, "docDate") or _spans(analysis, "date", "front.date-line") or \
        _spans(analysis, "date", "front.byline-date") or _spans(analysis, "titlePart")
    attrs = dict(analysis.sidecar.date) or (date_attributes(analysis.text_of(date_spans[0])) if date_spans else {})
    if attrs and date_spans and date_spans[0].kind == "titlePart":
        date_spans = []  # a date in the title: the header gives it as ISO, the title keeps its words
    creation = sub(profile, "creation")
    if attrs:
        sub(creation, "date", attrs, _clean(analysis.text_of(date_spans[0])) if date_spans else attrs.get("when", ""))
    if analysis.persons:
        partic = sub(profile, "particDesc")
        people = sub(partic, "listPerson")
        for person in analysis.persons:
            element = sub(people, "person", {"xml:id": person.key})
            if person.role:
                element.set("role", ROLES.get(analysis.kind, ROLES["interview"])[person.role])
            sub(element, "persName", text=person.name)


def _revision_desc(header: etree._Element, analysis: Analysis) -> None:
    updates = [s for s in _spans(analysis, REMOVED) if s.rule == "boiler.last-updated"]
    dated = [(s, find_dates(analysis.text_of(s))) for s in updates]
    dated = [(s, dates[0][2]) for s, dates in dated if dates]
    if not dated:
        return
    revisions = sub(header, "revisionDesc")
    for s, when in dated:
        sub(revisions, "change", {"when": when},
            f"The source page was last updated (its line {analysis.source.line_of(s.start)}: "
            f"“{_clean(analysis.text_of(s))}”).")
