"""Personal names and dates as plain text gives them: the small pattern checks several families share."""

from __future__ import annotations

import re
import unicodedata

PARTICLES = {"de", "del", "della", "van", "von", "der", "den", "la", "le", "du", "da", "di", "dos",
             "das", "bin", "ibn", "al", "el", "y", "of"}
NOT_NAMES = {"the", "a", "an", "and", "or", "in", "on", "at", "for", "with", "our", "my", "your",
             "his", "her", "their", "its", "this", "that", "these", "those", "what", "why", "how",
             "when", "where", "who", "part", "chapter", "volume", "war", "world", "question",
             "answer", "introduction", "preface", "notes", "note", "contents", "appendix",
             "transcript", "interview", "letter", "speech", "act", "scene", "is", "are", "was",
             "not", "no", "one", "two", "step", "back", "new", "old", "first", "second", "last",
             "works", "collected", "selected", "complete", "writings", "papers", "letters", "essays",
             "speeches", "review", "journal", "press", "books", "edition", "archive", "internet", "monthly",
             "weekly", "daily", "times", "news", "international", "library", "university", "society",
             "committee", "party", "union", "league", "congress", "republic", "state", "states",
             "united", "national", "city", "county", "street", "road", "house", "museum", "school"}
HONORIFICS = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sir|Dame|Lord|Lady|Rev|Father|Sister|Brother|" \
             r"Chairman|Chairwoman|Chair|Senator|Sen|Representative|Rep|Congressman|Congresswoman|" \
             r"Judge|Justice|Gen|General|Adm|Admiral|Col|Colonel|Capt|Captain|Lt|Major|Maj|Sgt|" \
             r"Comrade|Citizen|President|Governor|Gov|Mayor|Minister|Secretary|Ambassador|Counsel)"

MONTHS = {
    name: number for number, names in enumerate([
        ("january", "jan", "enero", "janvier", "januar", "gennaio", "janeiro"),
        ("february", "feb", "febrero", "février", "februar", "febbraio", "fevereiro"),
        ("march", "mar", "marzo", "mars", "märz", "março"),
        ("april", "apr", "abril", "avril", "aprile"),
        ("may", "mayo", "mai", "maggio", "maio"),
        ("june", "jun", "junio", "juin", "juni", "giugno", "junho"),
        ("july", "jul", "julio", "juillet", "juli", "luglio", "julho"),
        ("august", "aug", "agosto", "août", "aout"),
        ("september", "sep", "sept", "septiembre", "septembre", "settembre", "setembro"),
        ("october", "oct", "octubre", "octobre", "oktober", "ottobre", "outubro"),
        ("november", "nov", "noviembre", "novembre", "novembro"),
        ("december", "dec", "diciembre", "décembre", "dezember", "dicembre", "dezembro"),
    ], start=1) for name in names
}
MONTH = r"(?:" + "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True)) + r")\.?"
YEAR = r"(?:1[0-9]{3}|20[0-9]{2})"
DAY = r"(?:[0-3]?[0-9])(?:st|nd|rd|th)?"

#: Dates as prose writes them; each alternative names its parts.
DATE = re.compile(
    rf"(?P<md>(?P<m1>{MONTH})\s+(?P<d1>{DAY}),?\s+(?P<y1>{YEAR}))"
    rf"|(?P<dm>(?P<d2>{DAY})\.?\s+(?P<m2>{MONTH}),?\s+(?P<y2>{YEAR}))"
    rf"|(?P<my>(?P<m3>{MONTH}),?\s+(?P<y3>{YEAR}))"
    rf"|(?P<num>(?P<d4>[0-3]?[0-9])\.(?P<m4>[01]?[0-9])\.(?P<y4>{YEAR}))"
    rf"|(?P<iso>(?P<y5>{YEAR})-(?P<m5>[01][0-9])(?:-(?P<d5>[0-3][0-9]))?)"
    rf"|(?P<year>(?<![\d#-]){YEAR}(?![\d-]|s\b|’s\b|'s\b))",
    re.I)


def iso_date(match: re.Match[str]) -> str:
    """ISO 8601 form (YYYY, YYYY-MM or YYYY-MM-DD) of a DATE match; '' when the parts are impossible."""
    groups = match.groupdict()
    for year_key, month_key, day_key in (("y1", "m1", "d1"), ("y2", "m2", "d2"), ("y3", "m3", None),
                                         ("y4", "m4", "d4"), ("y5", "m5", "d5")):
        if groups.get(year_key):
            month = _month_number(groups[month_key])
            day = int(re.sub(r"\D", "", groups[day_key])) if day_key and groups.get(day_key) else 0
            if not 1 <= month <= 12 or day > 31:
                return ""
            return f"{groups[year_key]}-{month:02d}" + (f"-{day:02d}" if day else "")
    return match.group(0)


def _month_number(text: str) -> int:
    if text.isdigit():
        return int(text)
    return MONTHS.get(text.lower().rstrip("."), 0)


def find_dates(text: str) -> list[tuple[int, int, str]]:
    """Every date in a string as (start, end, iso)."""
    return [(m.start(), m.end(), iso) for m in DATE.finditer(text) if (iso := iso_date(m))]


def looks_like_name(text: str) -> bool:
    """A personal name as a byline gives it: 'Leon Trotsky', 'E. H. Carr', 'Aindrias Ó Cathasaigh'."""
    text = re.sub(rf"^{HONORIFICS}\.?\s+", "", text.strip())
    words = text.replace(",", " ").split()
    if not 1 < len(words) <= 5 or any(ch.isdigit() for ch in text):
        return False
    capitalised = 0
    for word in words:
        bare = word.strip(".'’")
        if bare.lower() in PARTICLES and word is not words[0]:
            continue
        if bare.lower() in NOT_NAMES or not bare[:1].isupper():
            return False
        if not re.fullmatch(r"[\w'’.-]+", word):
            return False
        capitalised += 1
    return capitalised >= 2


def slug(text: str) -> str:
    """An XML id from a name: 'Julius Klyman' → 'julius-klyman' (ASCII, starts with a letter)."""
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    ident = re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")
    return ident if ident[:1].isalpha() else f"p-{ident or 'x'}"


MONTH_RANGE = re.compile(rf"(?P<m1>{MONTH})\s*(?:/|-|–|—|to|and|&)\s*(?P<m2>{MONTH})\s+(?P<y>{YEAR})", re.I)
YEAR_RANGE = re.compile(rf"(?<!\d)(?P<y1>{YEAR})\s*(?:/|-|–|—|to)\s*(?P<y2>{YEAR}|\d{{2}})(?!\d)")


def date_attributes(text: str) -> dict[str, str]:
    """TEI dating attributes for a date line: @when, or @from/@to for a range ('January/March 1940')."""
    if match := MONTH_RANGE.search(text):
        year = match.group("y")
        first, last = _month_number(match.group("m1")), _month_number(match.group("m2"))
        if 1 <= first <= last <= 12:
            return {"from": f"{year}-{first:02d}", "to": f"{year}-{last:02d}"}
    if match := YEAR_RANGE.search(text):
        first, last = match.group("y1"), match.group("y2")
        if len(last) == 2:
            last = first[:2] + last
        if first < last:
            return {"from": first, "to": last}
    dates = find_dates(text)
    return {"when": dates[0][2]} if dates else {}
