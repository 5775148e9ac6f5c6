"""Convert one text: bytes (+ sidecar bytes) → validated TEI bytes, or a ConversionError.

The library side of `edition convert`: no files, no terminal. The schema is compiled once per
process and reused for every text the process converts.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from edition.pipeline import Analysis, analyse, to_tei
from edition.sidecar import Sidecar, SidecarError, parse_sidecar
from edition.source import SourceError, read_source
from edition.tei import NestingError


class ConversionError(Exception):
    """One line that names the file (and line) and says what is wrong."""


@dataclass
class Conversion:
    tei: bytes
    analysis: Analysis


@lru_cache(maxsize=1)
def _validator():
    from edition.validate import Validator

    return Validator(errors_only=True)


def convert_bytes(data: bytes, name: str, sidecar: bytes | None = None, sidecar_name: str = "") -> Conversion:
    """Convert and validate; invalid TEI is never returned (it would be the converter's bug)."""
    try:
        source = read_source(data, name)
        meta = parse_sidecar(sidecar, sidecar_name) if sidecar is not None else Sidecar()
        analysis = analyse(source, meta)
        tei = to_tei(analysis)
    except (SourceError, SidecarError) as err:
        raise ConversionError(str(err)) from None
    except NestingError as err:
        raise ConversionError(f"{name}: converter bug, please report it with this file: {err}") from None
    problems = _validator().validate_bytes(tei, name.rsplit(".", 1)[0] + ".xml")
    if problems:
        raise ConversionError(f"{name}: converter bug: the TEI it made is invalid, so it was not written: "
                              f"{problems[0]}" + (f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""))
    return Conversion(tei, analysis)


def report_lines(analysis: Analysis) -> list[str]:
    """Every removed line with its number, and the tokens an editor may want to correct."""
    from edition.spans import REMOVED

    name = analysis.source.name
    lines = [f"{name}:{analysis.source.line_of(s.start)}: removed ({s.note}): {analysis.text_of(s)}"
             for s in sorted(analysis.spans, key=lambda s: s.start) if s.kind == REMOVED]
    lines += [f"{name}:{line}: suspicious ({what}): {token!r} — add a correction to the sidecar if it is an error"
              for line, what, token in analysis.suspicious]
    return lines


def explain_lines(analysis: Analysis) -> list[str]:
    """Which rule recognised what, at which line: every span, in reading order."""
    source = analysis.source
    out = []
    for s in sorted(analysis.spans, key=lambda s: s.sort_key):
        first, last = source.line_of(s.start), source.line_of(max(s.start, s.end - 1))
        where = f"{first}" if first == last else f"{first}-{last}"
        excerpt = " ".join(analysis.text_of(s).split())
        excerpt = excerpt if len(excerpt) <= 60 else excerpt[:57] + "…"
        attrs = " ".join(f'{k}="{v}"' for k, v in s.attrs)
        out.append(f"{source.name}:{where}: {s.kind}{' ' + attrs if attrs else ''} [{s.rule}] {excerpt}")
    return out
