"""The sidecar: `STEM.toml` beside `STEM.txt`, for what the text itself cannot say.

    title = "…"            subtitle = "…"        author = "…"  (or authors = ["…", "…"])
    date = "1941-06"       (ISO 8601; or from/to: date_from = "1940-01", date_to = "1940-03")
    url = "https://…"      site = "…"            kind = "blog"   lang = "en"
    interviewer = "…"      interviewee = "…"
    [speakers]             "QUESTION:" = "Julius Klyman"    (a label as written → a person's name)
    [[corrections]]        sic = "incomparab1y"   corr = "incomparably"   (optional: line = 12)

Everything is optional; the converter works without a sidecar.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import date as calendar_day

ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
LANGUAGE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
KIND = re.compile(r"^[a-z][a-z-]{1,30}$")
KNOWN = {"title", "subtitle", "author", "authors", "date", "date_from", "date_to", "url", "site", "kind",
         "lang", "interviewer", "interviewee", "speakers", "corrections"}


class SidecarError(Exception):
    pass


@dataclass(frozen=True)
class Correction:
    sic: str
    corr: str
    line: int = 0


@dataclass(frozen=True)
class Sidecar:
    title: str = ""
    subtitle: str = ""
    authors: tuple[str, ...] = ()
    date: dict[str, str] = field(default_factory=dict)
    url: str = ""
    site: str = ""
    kind: str = ""
    lang: str = ""
    interviewer: str = ""
    interviewee: str = ""
    speakers: dict[str, str] = field(default_factory=dict)
    corrections: tuple[Correction, ...] = ()


def _is_iso_date(value: str) -> bool:
    """YYYY, YYYY-MM or YYYY-MM-DD, and a real day of the calendar."""
    if not ISO_DATE.match(value):
        return False
    try:
        calendar_day.fromisoformat((value + "-01-01")[:10])
    except ValueError:
        return False
    return True


def parse_sidecar(data: bytes, name: str) -> Sidecar:
    """Read a sidecar's TOML, refusing unknown keys and malformed dates with the file's name."""
    try:
        raw = tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise SidecarError(f"{name}: not valid TOML: {err}") from None
    unknown = set(raw) - KNOWN
    if unknown:
        raise SidecarError(f"{name}: unknown key(s) {', '.join(sorted(unknown))}; known: {', '.join(sorted(KNOWN))}")
    date = {k: str(raw[f]) for k, f in (("when", "date"), ("from", "date_from"), ("to", "date_to")) if f in raw}
    for key, value in date.items():
        if not _is_iso_date(value):
            raise SidecarError(f"{name}: {key} date {value!r} is not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)")
    for key, pattern, form in (("lang", LANGUAGE, "a language code such as en or pt-BR"),
                               ("kind", KIND, "one lower-case word such as interview, hearing, essay or blog")):
        if key in raw and not pattern.match(str(raw[key])):
            raise SidecarError(f"{name}: {key} = {raw[key]!r} is not {form}")
    authors = raw.get("authors") or ([raw["author"]] if raw.get("author") else [])
    corrections = []
    for entry in raw.get("corrections", []):
        if not isinstance(entry, dict) or not entry.get("sic") or "corr" not in entry:
            raise SidecarError(f"{name}: each [[corrections]] entry needs sic = \"…\" and corr = \"…\"")
        corrections.append(Correction(str(entry["sic"]), str(entry["corr"]), int(entry.get("line", 0))))
    return Sidecar(
        title=str(raw.get("title", "")), subtitle=str(raw.get("subtitle", "")),
        authors=tuple(str(a) for a in authors), date=date, url=str(raw.get("url", "")),
        site=str(raw.get("site", "")), kind=str(raw.get("kind", "")), lang=str(raw.get("lang", "")),
        interviewer=str(raw.get("interviewer", "")), interviewee=str(raw.get("interviewee", "")),
        speakers={str(k): str(v) for k, v in raw.get("speakers", {}).items()},
        corrections=tuple(corrections),
    )
