"""A benchmark corpus: N plain texts varied from a handful of real ones.

Copying one text a thousand times would let caches and branch predictors flatter every stage, so
each copy is varied the way real archives differ: its long paragraphs shuffled (some left out,
some given twice, so lengths differ too), its speakers renamed, its citation lines given other
volumes, issues, pages, months and years. Headings, verse, stage directions and short lines stay
where they are, so every variant is still a text of its kind that the converter must recognise.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

#: A paragraph at least this long is prose that can move without changing the text's structure.
LONG_PARAGRAPH = 300
#: Role labels that are not names: renaming them would change what kind of text it is.
ROLE_LABELS = {"QUESTION", "ANSWER", "TRANSCRIPT", "NOTE", "EDITORS", "ACT", "SCENE"}
SPEAKER_LABEL = re.compile(r"^(?:(?:Mr|Mrs|Ms|Dr)\.\s+|Chairman\s+|Senator\s+)?([A-Z]{3,})(?=:|\.\s| {2})",
                           re.MULTILINE)
SURNAMES = ["ABBOTT", "BARLOW", "CARVER", "DENNING", "ELLISON", "FARRELL", "GARDINER", "HOLLIS",
            "IRWIN", "JARVIS", "KENDALL", "LOWRY", "MERCER", "NORRIS", "OSBORNE", "PRESTON",
            "QUINLAN", "RANDALL", "SINCLAIR", "TALBOT", "UPTON", "VAUGHAN", "WARING", "YATES"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
MONTH = re.compile(r"\b(" + "|".join(MONTHS) + r")\b")
YEAR = re.compile(r"\b(1[5-9]\d\d|20[0-2]\d)\b")
CITATION_NUMBER = re.compile(r"\b(Vol\.\s?|No\.\s?|pp?\.\s?)(\d+)(?:-(\d+))?")
#: Paragraphs opening with these are quotations placed where they are (an epigraph, a motto).
QUOTE_MARKS = ("“", '"', "‘", "'", "~")


@dataclass(frozen=True)
class Source:
    """One real text to vary: its plain text and its sidecar (None when it has none)."""

    stem: str
    text: str
    sidecar: str | None


def read_sources(folders: list[Path]) -> list[Source]:
    """Every STEM.txt of the folders, with STEM.toml beside it when there is one."""
    sources = []
    for folder in folders:
        for path in sorted(folder.glob("*.txt")):
            sidecar = path.with_suffix(".toml")
            sources.append(Source(path.stem, path.read_text(encoding="utf-8"),
                                  sidecar.read_text(encoding="utf-8") if sidecar.exists() else None))
    return sources


def write_corpus(sources: list[Source], count: int, folder: Path, seed: int = 8) -> list[Path]:
    """Write `count` varied texts (and their sidecars) into folder, cycling through the sources."""
    folder.mkdir(parents=True, exist_ok=True)
    chance = random.Random(seed)
    written = []
    for number in range(count):
        source = sources[number % len(sources)]
        stem = f"{number:05d}-{source.stem}"
        shift = chance.randint(-40, 0)
        months = MONTHS[:]
        chance.shuffle(months)
        text = vary_text(source.text, chance, shift, months)
        (folder / f"{stem}.txt").write_text(text, encoding="utf-8")
        if source.sidecar is not None:
            (folder / f"{stem}.toml").write_text(vary_sidecar(source.sidecar, shift), encoding="utf-8")
        written.append(folder / f"{stem}.txt")
    return written


def vary_text(text: str, chance: random.Random, shift: int, months: list[str]) -> str:
    """One variant of a text: paragraphs, speakers and citation details changed."""
    text = shuffle_paragraphs(text, chance)
    text = rename_speakers(text, chance)
    text = YEAR.sub(lambda m: str(int(m.group(1)) + shift), text)
    text = MONTH.sub(lambda m: months[MONTHS.index(m.group(1))], text)
    return CITATION_NUMBER.sub(lambda m: other_number(m, chance), text)


def other_number(match: re.Match, chance: random.Random) -> str:
    """Another volume, issue or page; a page range keeps its length, so it never runs backwards."""
    prefix, first, last = match.groups()
    number = chance.randint(1, 400)
    return f"{prefix}{number}" + (f"-{number + int(last) - int(first)}" if last else "")


def shuffle_paragraphs(text: str, chance: random.Random) -> str:
    """Long prose paragraphs in another order; a few left out, a few given twice.

    The first long paragraph stays: it is often front matter (an editor's note, an epigraph).
    """
    paragraphs = text.split("\n\n")
    places = [index for index, paragraph in enumerate(paragraphs)
              if len(paragraph) >= LONG_PARAGRAPH and not paragraph.startswith((" ", *QUOTE_MARKS))][1:]
    pool = [paragraphs[index] for index in places]
    for index in places:
        chosen = chance.sample(pool, k=2 if chance.random() < 0.3 and len(pool) > 1 else 1)
        paragraphs[index] = "\n\n".join(chosen)
    return "\n\n".join(paragraphs)


def rename_speakers(text: str, chance: random.Random) -> str:
    """Every speaker named in two or more labels gets another surname, wherever the name occurs."""
    labels = [name for name in SPEAKER_LABEL.findall(text) if name not in ROLE_LABELS]
    speakers = sorted({name for name in labels if labels.count(name) >= 2})
    names = chance.sample(SURNAMES, k=min(len(speakers), len(SURNAMES)))
    for old, new in zip(speakers, names):
        text = re.sub(rf"\b{old}\b", new, text)
        text = re.sub(rf"\b{old.title()}\b", new.title(), text)
    return text


def vary_sidecar(sidecar: str, shift: int) -> str:
    """The sidecar with its years shifted like the text's (its corrections stay as they are)."""
    return re.sub(r'(date\s*=\s*")(\d{4})', lambda m: f"{m.group(1)}{int(m.group(2)) + shift}", sidecar)
