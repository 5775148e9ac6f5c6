"""Read a plain-text file: bytes → a `Source` (text, encoding, line index, what was normalised).

The text keeps every character of the file except line-end characters, which become LF; the
encoding, the line-end style and the invisible characters found are recorded so the TEI header can
say what was done. Input that cannot be an edition's text (binary data, characters XML 1.0
forbids) raises `SourceError` naming the line and column, so the caller can report it in one line.
"""

from __future__ import annotations

import bisect
import codecs
import re
import unicodedata
from dataclasses import dataclass, field


@dataclass
class SourceError(Exception):
    """Input that cannot be converted, with the place to look."""

    name: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.name}:{self.line}:{self.column}: {self.message}"


@dataclass(frozen=True)
class Source:
    """A decoded text and the facts about its bytes that the header must record."""

    name: str
    text: str
    encoding: str
    line_ends: str
    invisibles: tuple[tuple[str, int], ...] = ()
    line_starts: tuple[int, ...] = field(default=(0,), repr=False)

    def line_of(self, offset: int) -> int:
        """The 1-based line number of a character offset."""
        return bisect.bisect_right(self.line_starts, offset)



#: Characters a reader does not see but that change how text behaves; kept, and counted.
INVISIBLE = {
    "\u00a0": "no-break space",
    "\u00ad": "soft hyphen",
    "\u200b": "zero-width space",
    "\u200c": "zero-width non-joiner",
    "\u200d": "zero-width joiner",
    "\u2060": "word joiner",
    "\ufeff": "zero-width no-break space",
    "\u202f": "narrow no-break space",
    "\u2009": "thin space",
}

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32LE with byte-order mark"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32BE with byte-order mark"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8 with byte-order mark"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16LE with byte-order mark"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16BE with byte-order mark"),
)


def read_source(data: bytes, name: str) -> Source:
    """Decode bytes into a Source, or raise SourceError saying why they are not a text."""
    text, encoding = _decode(data, name)
    if not text.strip():
        raise SourceError(name, 1, 1, "the file is empty (or only white space): nothing to convert")
    text, line_ends = _normalise_line_ends(text)
    _refuse_forbidden_characters(text, name)
    starts = [0] + [match.end() for match in re.finditer("\n", text)]
    return Source(name, text, encoding, line_ends, _count_invisibles(text), tuple(starts))


def _decode(data: bytes, name: str) -> tuple[str, str]:
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom):], codec, name), label
    if b"\x00" not in data:  # UTF-16 of any script has NULs (after its spaces and line ends at least)
        try:
            return data.decode("utf-8"), "UTF-8"
        except UnicodeDecodeError:
            pass
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _strict(data, utf16, name), f"{utf16.upper().replace('UTF-16-', 'UTF-16')} without byte-order mark"
    if b"\x00" in data or data.startswith(b"\x89PNG") or _looks_binary(data):
        offset = data.find(b"\x00")
        line = data[: max(offset, 0)].count(b"\n") + 1
        raise SourceError(name, line, 1, "this is a binary file, not a plain text (NUL or control bytes)")
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError as err:
        _refuse_broken_utf8(data, err, name)
    if not any(b in data for b in (b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d")) and any(
        0x80 <= b <= 0x9F for b in data
    ):
        return data.decode("cp1252"), "windows-1252 (detected: not UTF-8)"
    return data.decode("latin-1"), "ISO-8859-1 (detected: not UTF-8)"


def _refuse_broken_utf8(data: bytes, err: UnicodeDecodeError, name: str) -> None:
    """Text that is UTF-8 elsewhere (it has valid multi-byte characters) but holds an invalid
    sequence (a lone surrogate, a stray byte) is a broken UTF-8 file, not a legacy 8-bit one:
    decoding it as windows-1252 would turn every other non-ASCII character into mojibake."""
    decoded = data.decode("utf-8", errors="surrogateescape")
    if not any(ord(ch) > 0x7F and not 0xDC80 <= ord(ch) <= 0xDCFF for ch in decoded):
        return
    line = data[: err.start].count(b"\n") + 1
    column = len(data[data.rfind(b"\n", 0, err.start) + 1: err.start].decode("utf-8", errors="replace")) + 1
    raise SourceError(name, line, column, f"invalid UTF-8 (byte 0x{data[err.start]:02X}: {err.reason}) in a "
                                          "file that is otherwise UTF-8; repair or remove it")


def _strict(data: bytes, codec: str, name: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n" if "16" not in codec else b"\n\x00") + 1
        raise SourceError(name, line, 1, f"the bytes are not valid {codec.upper()}: {err.reason}") from None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a byte-order mark: Latin text has a NUL in every other byte; other scripts
    (Cyrillic, Greek) repeat a few high bytes there instead. Either way one half of the bytes is
    nearly constant, and the whole decodes to printable text."""
    sample = data[:4096]
    if len(sample) < 4 or len(data) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    for codec, high in (("utf-16-le", odd), ("utf-16-be", even)):
        if len(set(high)) <= 4 and max(high.count(b) for b in set(high)) / len(high) > 0.4:
            try:
                decoded = data.decode(codec)
            except UnicodeDecodeError:
                continue
            if sum(ch.isprintable() or ch in "\n\r\t" for ch in decoded[:2048]) >= 0.97 * min(len(decoded), 2048):
                return codec
    return None


def _looks_binary(data: bytes) -> bool:
    """Many C0 control bytes (other than tab, line ends, form feed) mean data, not text."""
    sample = data[:8192]
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls > max(8, len(sample) // 100)


def _normalise_line_ends(text: str) -> tuple[str, str]:
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    kinds = [kind for kind, n in (("CRLF", crlf), ("CR", cr), ("LF", lf)) if n]
    style = kinds[0] if len(kinds) == 1 else ("mixed (" + ", ".join(kinds) + ")" if kinds else "none")
    if crlf or cr:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, style


FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\ud800-\udfff\ufffe\uffff]")


def _refuse_forbidden_characters(text: str, name: str) -> None:
    """XML 1.0 cannot hold C0 controls (bar tab and LF), lone surrogates or U+FFFE/U+FFFF."""
    if match := FORBIDDEN.search(text):
        offset, ch = match.start(), match.group(0)
        code = ord(ch)
        line = text.count("\n", 0, offset) + 1
        column = offset - (text.rfind("\n", 0, offset) + 1) + 1
        what = unicodedata.name(ch, "control character") if code >= 32 else "control character"
        raise SourceError(name, line, column,
                          f"character U+{code:04X} ({what.lower()}) cannot be stored in XML; "
                          "remove or replace it in the source")


def _count_invisibles(text: str) -> tuple[tuple[str, int], ...]:
    return tuple((label, text.count(ch)) for ch, label in INVISIBLE.items() if ch in text)
