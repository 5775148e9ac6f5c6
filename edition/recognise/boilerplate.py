"""Web boilerplate: navigation, link remnants, share/like/tag lines, pagers, comment forms, footers.

Recognised as families of patterns (position on the page, shape of the line, known phrases in
several languages), never by a particular site's wording alone. Every removal is a span of kind
`removed` whose `note` says what kind of thing it was; the header lists them all.
"""

from __future__ import annotations

import re

from edition.blocks import Block, Line
from edition.spans import REMOVED, Span, span

#: Headings that open a comment section (English, Spanish, French, German, Italian, Portuguese).
COMMENT_SECTION = re.compile(
    r"^(leave a (reply|comment)|post a comment|add a comment|\d+ (responses?|comments?|replies|thoughts?)"
    r"( (to|on) .*)?|comments( \(\d+\))?|one (response|comment|thought)( (to|on) .*)?|"
    r"deja una respuesta|deja un comentario|laisser un commentaire|laisser une réponse|"
    r"schreibe einen kommentar|kommentar (verfassen|hinterlassen)|lascia un commento|"
    r"deixe uma resposta|deixe um comentário)\s*:?$", re.I)

#: Lines that only a comment form or thread has.
COMMENT_FORM_LINE = re.compile(
    r"(fill in your details|you are commenting using|log\W*out\W*/\W*change|connecting to %s|"
    r"notify me of (new|follow-up)|email \(required\)|name \(required\)|required fields are marked|"
    r"save my name, email|cancel reply|post was not sent|your email address will not be published|"
    r"this site uses akismet|click an icon to log in|logged in as|reply ↓|\breply$|comments are closed|"
    r"commenting is closed|comments closed)", re.I)

#: Whole lines made only of link words a page repeats around its content.
LINK_WORDS = {
    "return", "back", "top", "home", "next", "previous", "prev", "index", "print", "email", "e-mail",
    "share", "tweet", "like", "reblog", "more", "menu", "search", "skip", "content", "to", "of",
    "the", "page", "up", "contents", "archive", "post", "posts", "older", "newer", "entries", "entry",
    "article", "story", "go", "inicio", "volver", "arriba", "siguiente",
    "anterior", "accueil", "retour", "haut", "de", "suivant", "précédent", "startseite", "zurück",
    "nach", "oben", "weiter", "zurueck", "»", "«", "›", "‹", "←", "→", "↑", "|", "·", "•", "-",
}

#: Lines a blog or archive prints after (or around) the text, in several languages.
SITE_FURNITURE = re.compile(
    r"^(share this|like this|rate this|share|related( posts)?|(tags?|tagged|filed under|posted in|categories)\b.*|"
    r"advertisements|report this ad|leave a comment|\d+ comments?|"
    r"like loading\W*|loading\W*|click to (share|print|email)\b.*|subscribe\b.*|"
    r"powered by\b.*|blog at wordpress\.com.*|theme\W.*|privacy (&|and) cookies.*|"
    r"all rights reserved.*|copyright ©.*|© \d{4}.*|follow us\b.*|"
    r"compartir( esto)?|me gusta|partager( ceci)?|j'aime|teilen( mit)?|gefällt mir|condividi)\s*:?\s*$",
    re.I)

LAST_UPDATED = re.compile(
    r"^(last (updated|modified|changed)( on)?|page last (updated|modified)|updated( on)?|"
    r"última actualización|dernière mise à jour|zuletzt (aktualisiert|geändert))\s*:?\s*(?P<date>.+)$",
    re.I)

SOCIAL_NAMES = {"facebook", "twitter", "reddit", "pinterest", "linkedin", "tumblr", "whatsapp",
                "telegram", "pocket", "email", "print", "google+", "mastodon", "bluesky", "x"}

BREADCRUMB_SEPARATORS = re.compile(r"\s+(»|›|>|/|\||::)\s+")


def recognise(blocks: list[Block]) -> list[Span]:
    """Spans of kind `removed` for every boilerplate line, each with the family in `note`."""
    lines = [line for block in blocks for line in block.lines]
    first_prose, last_prose = _prose_extent(blocks)
    removed: list[Span] = []
    removed += _comment_section(lines, first_prose)
    taken = {s.start for s in removed}
    for block in blocks:
        menu = block.first_line < first_prose and _is_menu(block)
        for line in block.lines:
            if line.content_start in taken:
                continue
            family = ("navigation", "boiler.menu-block") if menu else \
                _line_family(line, top=line.number < first_prose, bottom=line.number > last_prose)
            if family:
                removed.append(_removal(line, *family))
                taken.add(line.content_start)
    return sorted(removed, key=lambda s: s.start)


def _removal(line: Line, what: str, rule: str) -> Span:
    return span(line.content_start, line.content_end, REMOVED, rule, note=what)


def _prose_extent(blocks: list[Block]) -> tuple[int, int]:
    """Line numbers of the first and last blocks that read as running prose (20+ words)."""
    prose = [b for b in blocks if b.words >= 20 and (len(b.text) > 400 or not COMMENT_FORM_LINE.search(b.text))]
    if not prose:
        return (blocks[0].first_line if blocks else 1), (blocks[-1].last_line if blocks else 1)
    return prose[0].first_line, prose[-1].last_line


def _comment_section(lines: list[Line], first_prose: int) -> list[Span]:
    """From a comment-section heading to the end, when form or thread lines follow it."""
    for index, line in enumerate(lines):
        if line.number <= first_prose or not COMMENT_SECTION.match(line.stripped):
            continue
        following = [ln.stripped for ln in lines[index + 1: index + 15]]
        opening = line.stripped.lower()
        if opening.startswith(("leave a", "post a", "add a")) or any(
                COMMENT_FORM_LINE.search(text) for text in following):
            return [_removal(ln, "comment form and thread", "boiler.comment-section")
                    for ln in lines[index:]]
    return []


def _line_family(line: Line, top: bool, bottom: bool) -> tuple[str, str] | None:
    """The boilerplate family one line belongs to, if any, as (what, rule)."""
    text = line.stripped
    if len(text) > 300:  # running prose, not furniture
        return None
    if LAST_UPDATED.match(text) and _has_digit(text) and len(text) < 80:
        return "archive 'last updated' line", "boiler.last-updated"
    if _is_link_remnant(text):
        return "link remnant", "boiler.link-remnant"
    if _is_breadcrumb(text):
        return "navigation (breadcrumb)", "boiler.breadcrumb"
    if _is_spaced_menu(line.text):
        return "navigation (menu)", "boiler.menu-line"
    if bottom and _is_link_row(text):
        return "navigation (footer links)", "boiler.footer-links"
    if (top or bottom) and SITE_FURNITURE.match(text):
        return "share, tag or site footer line", "boiler.site-furniture"
    if bottom and text.lower() in SOCIAL_NAMES:
        return "share button", "boiler.share-button"
    if len(text) < 200 and len(text.split()) < 20 and COMMENT_FORM_LINE.search(text):
        return "comment form", "boiler.comment-form-line"
    return None


def _has_digit(text: str) -> bool:
    return any(ch.isdigit() for ch in text)


def _is_link_remnant(text: str) -> bool:
    words = re.findall(r"[\w'+-]+|[«»›‹←→↑|·•]", text.lower())
    return bool(words) and len(text) < 60 and all(w in LINK_WORDS for w in words) and any(
        w in {"return", "top", "back", "next", "previous", "prev", "home", "index", "volver", "retour",
              "zurück", "siguiente", "anterior", "suivant", "précédent", "weiter", "«", "»", "↑"}
        for w in words)


def _is_breadcrumb(text: str) -> bool:
    parts = BREADCRUMB_SEPARATORS.split(text)
    items = parts[0::2]
    separators = set(parts[1::2])
    if len(items) < 2 or any(len(item.split()) > 8 for item in items[:-1]):
        return False
    strong = separators & {"»", "›", "::"}
    return bool(strong) or (len(items) >= 3 and len(text) < 120)


def _is_link_row(text: str) -> bool:
    """Links in a row below the text: 'Trotsky Internet Archive | Trotsky Archive'."""
    items = [item.strip() for item in re.split(r"\s+[|·•]\s+", text)]
    return len(items) >= 2 and all(0 < len(item.split()) <= 6 and not item.endswith((".", ",", ";")) for item in items)


def _is_spaced_menu(raw: str) -> bool:
    """Menu items laid out in a row, separated by wide gaps: `ABOUT     LINKS`."""
    items = [item for item in re.split(r"\s{3,}", raw.strip()) if item]
    return len(items) >= 2 and all(len(item.split()) <= 4 and item[:1].isupper() for item in items) \
        and not any(item.rstrip()[-1:] in ".,;" for item in items)


def _is_menu(block: Block) -> bool:
    """Several very short title-like lines with no punctuation, above the text: a site menu."""
    texts = [line.stripped for line in block.lines]
    return len(texts) >= 3 and all(
        len(t.split()) <= 4 and t[:1].isupper() and not re.search(r"[.,;:!?\"“”]$", t) for t in texts)
