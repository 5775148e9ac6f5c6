"""Find blocks: the text's lines grouped into runs separated by blank lines.

A block is what a reader sees as one unit on the page (a paragraph, a verse stanza, a menu). It
keeps its lines with their numbers and offsets, so every later stage can point back to the source.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from functools import cached_property


@dataclass(frozen=True)
class Line:
    number: int  # 1-based line number in the source
    start: int   # offset of the first character
    end: int     # offset after the last character (before the line end)
    text: str

    @cached_property
    def content_start(self) -> int:
        """Offset of the first non-space character."""
        return self.start + (len(self.text) - len(self.text.lstrip()))

    @cached_property
    def content_end(self) -> int:
        return self.start + len(self.text.rstrip())

    @cached_property
    def indent(self) -> int:
        return len(self.text) - len(self.text.lstrip(" \t"))

    @cached_property
    def stripped(self) -> str:
        return self.text.strip()


@dataclass(frozen=True)
class Block:
    lines: tuple[Line, ...]
    blank_before: int  # blank lines between this block and the previous one (or the file start)

    @cached_property
    def start(self) -> int:
        return self.lines[0].content_start

    @cached_property
    def end(self) -> int:
        return self.lines[-1].content_end

    @cached_property
    def first_line(self) -> int:
        return self.lines[0].number

    @cached_property
    def last_line(self) -> int:
        return self.lines[-1].number

    @cached_property
    def text(self) -> str:
        return "\n".join(line.text.strip() for line in self.lines)

    @cached_property
    def words(self) -> int:
        return sum(len(line.text.split()) for line in self.lines)


def split_lines(text: str) -> list[Line]:
    lines, offset = [], 0
    for number, raw in enumerate(text.split("\n"), start=1):
        lines.append(Line(number, offset, offset + len(raw), raw))
        offset += len(raw) + 1
    return lines


def group_lines(lines: list[Line], skip: frozenset[int] = frozenset()) -> list[Block]:
    """Blocks from lines; lines whose numbers are in `skip` (removed) end a block like blank ones."""
    blocks: list[Block] = []
    current: list[Line] = []
    blank = 0
    for line in lines:
        if line.number in skip or not line.text.strip():
            if current:
                blocks.append(Block(tuple(current), blank))
                current, blank = [], 0
            if line.number not in skip:
                blank += 1
            continue
        current.append(line)
    if current:
        blocks.append(Block(tuple(current), blank))
    return blocks


def wrap_width(blocks: list[Block]) -> int:
    """The width hard-wrapped prose is set to (a large number when paragraphs are single lines):
    lines much shorter than it were broken on purpose (verse, an address, a signature)."""
    lengths = [len(line.text.rstrip()) for b in blocks if len(b.lines) >= 3 for line in b.lines[:-1]]
    if len(lengths) < 10:
        return 10_000
    return int(statistics.quantiles(lengths, n=10)[-1])
