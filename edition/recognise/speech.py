"""Speech: turns, their labels, the persons behind them, and questions and answers.

A label is a label only where the text's rhythm says so: the same family of labels recurs at the
starts of paragraphs or lines (`QUESTION:`/`ANSWER:`, `Q:`/`A:`, `Jane Doe:`/`JD:`, `Mr. NORTH:`,
`Philonous.`, drama's `FLAVIUS  Hence!`). A lone `Note:` or `Chicago: a city` is prose.
Every label form of one person resolves to one `person` id.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from edition.blocks import Block, Line
from edition.recognise.names import HONORIFICS, slug
from edition.spans import Ranges, Span, span

QA_LABEL = re.compile(r"^(?P<label>(?P<name>QUESTION|ANSWER|Question|Answer|Q|A|INTERVIEWER|Interviewer|"
                      r"QUESTIONER|Questioner|RESPONDENT|Respondent|(?i:audience(?: member)?|member of the audience|"
                      r"(?:question )?from the floor))\s*(?:[:.]|\s[–—-]))(?:\s+(?=\S)|\s*$)")
COLON_LABEL = re.compile(rf"^(?P<label>(?P<name>The\s+[A-Z]{{3,}}|(?:{HONORIFICS}\.?\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){{0,3}}"
                         rf"(?:\s+\([^)]{{1,40}}\))?)\s*:)(?:\s+(?=\S)|\s*$)")
OFFICE = r"The\s+(?:CHAIRMAN|CHAIRWOMAN|CHAIR|PRESIDENT|VICE PRESIDENT|SPEAKER|WITNESS|COURT|CLERK|SECRETARY|PRESIDING OFFICER)"
RUN_IN_LABEL = re.compile(rf"(?:^|(?<=[.?!”\"]\s))(?P<label>(?P<name>{HONORIFICS}\.?\s+[A-Z][A-Z’'-]+(?:\s+[A-Z][A-Z’'-]+)?"
                          rf"(?:\s+of\s+[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)?|{OFFICE})\.)\s+(?=[A-Z“\"])")
PERIOD_LABEL = re.compile(r"^(?P<label>(?P<name>[A-Z][a-z]{2,}|[A-Z]{2,}[a-z]?)\.)\s+(?=[A-Z“\"‘])")
DRAMA_LABEL = re.compile(r"^(?P<label>(?P<name>[A-Z][A-Z’'.-]+(?:\s[A-Z][A-Z’'.-]+){0,2}))(?:\s{2,}|\t)(?=\S)")
DRAMA_NAME_LINE = re.compile(r"^(?P<label>(?P<name>[A-Z][A-Z’'-]+(?:\s[A-Z][A-Z’'-]+){0,2})\.?)\s*$")
STAGE = re.compile(r"^\s*\[[^\]]*\]\s*$|^\s*\((?:enter|exit|exeunt|aside|they|he|she|all)\b[^)]*\)\s*$", re.I)

QUESTION_NAMES = {"question", "q", "interviewer", "questioner", "audience", "audience member",
                  "member of the audience", "question from the floor", "from the floor"}
#: Labels of people whose part is to ask, in panels and Q&A sessions.
ASKING_ROLES = {"moderator", "chair", "host", "presenter", "interviewer"}
ANSWER_NAMES = {"answer", "a", "respondent"}
NOT_LABELS = {"note", "notes", "source", "sources", "update", "updated", "edit", "warning", "ps", "p.s",
              "postscript", "chapter", "part", "example", "figure", "table", "summary", "abstract",
              "keywords", "title", "author", "date", "subject", "re", "from", "to", "cc", "first published",
              "published", "transcribed", "transcription", "editors note", "editor's note", "editor’s note",
              "translator's note", "html mark-up", "markup", "written", "delivered", "copyleft",
              "public domain", "tags", "filed under", "posted", "transcript", "contents", "index",
              "reference", "references", "see also", "thus", "but", "and", "so", "yes", "no", "now",
              "the", "this", "that", "here", "there", "then", "however", "first", "second", "third",
              "finally", "in short", "in fact", "result", "conclusion", "introduction", "question",
              "answer", "day", "act", "scene", "enter", "exit", "exeunt", "monday", "tuesday", "wednesday",
              "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june",
              "july", "august", "september", "october", "november", "december", "morning", "evening", "afternoon",
              "night", "pros", "cons", "step", "tip", "warning", "caution", "important", "q&a", "faq", "edit",
              "disclaimer", "correction", "clarification", "addendum", "credits", "photo", "image", "video"}
TEXT_KIND_WORDS = (("hearing", re.compile(r"\b(hearings?|testimony|testif\w+|deposition|committee|"
                                          r"senate|congress\w*|tribunal|inquiry)\b", re.I)),
                   ("interview", re.compile(r"\b(interview\w*|q\s*&\s*a|questions and answers|"
                                            r"press conference|panel|conversation with|in conversation)\b", re.I)))


@dataclass
class Turn:
    start: int          # where the label begins
    label_end: int      # where the label ends
    name: str           # the name part of the label, as written
    family: str
    block: int          # index of the block it starts in
    line: Line
    label: str = ""     # the label as written, with its punctuation
    key: str = ""       # the person it resolves to
    end: int = 0


@dataclass
class Person:
    key: str
    name: str
    role: str = ""      # "question" or "answer" where the text is an interview or hearing
    forms: set[str] = field(default_factory=set)


@dataclass
class Speech:
    """What the speech recogniser found: spans, persons, and the kind of text the turns make."""

    spans: list[Span]
    persons: list[Person]
    kind: str


def recognise(text: str, blocks: list[Block], claimed: list[Span], context: str, author: str,
              interviewer: str, names: dict[str, str]) -> Speech:
    """Find turns and persons. `context` is the front matter's words (title, notes) that say what
    kind of text this is; `author`/`interviewer` name who answers and who asks; `names` maps label
    forms to persons' names (from a sidecar)."""
    blocking = [s for s in claimed if s.kind != "div" or s.attr("type")]  # sections hold turns
    taken = Ranges(blocking)
    free = [b for b in blocks if not taken.covers(b.start)]
    drama = _drama_turns(free)
    if drama:
        return _drama(text, free, drama, names)
    turns = _labelled_turns(free)
    if not turns and _kind_without_turns(context) == "interview":
        turns = _unlabelled_questions(free)
    if not turns:
        return Speech([], [], _kind_without_turns(context))
    kind = _dialogue_kind(turns, context)
    persons = _resolve_persons(turns, kind, author, interviewer, names)
    runs = _quoted_runs(turns, free) if kind == "dialogue" else []
    if runs:
        return _quoted_dialogue(turns, runs, free, persons)
    _close_turns(turns, free, claimed, text)
    if kind in {"interview", "hearing"}:
        _assign_roles(turns, persons, text, author, kind)
    spans = []
    for turn in turns:
        person = persons[turn.key]
        ana = {"question": "#question", "answer": "#answer"}.get(person.role, "")
        spans.append(span(turn.start, turn.end, "sp", f"speech.{turn.family}", who="#" + person.key, ana=ana,
                          note=person.name))
        if turn.label_end > turn.start:
            spans.append(span(turn.start, turn.label_end, "speaker", f"speech.{turn.family}-label"))
    return Speech(spans, list(persons.values()), kind)


# -- labelled prose turns ---------------------------------------------------------------------

def _labelled_turns(blocks: list[Block]) -> list[Turn]:
    """Turns from the label family the text really uses (the one that recurs at line starts)."""
    candidates: dict[str, list[Turn]] = {"qa": [], "colon": [], "period": []}
    for index, block in enumerate(blocks):
        for position, line in enumerate(block.lines):
            for family, pattern in (("qa", QA_LABEL), ("colon", COLON_LABEL), ("period", PERIOD_LABEL)):
                if family == "period" and position:
                    continue
                if match := pattern.match(line.text.lstrip()):
                    offset = line.content_start
                    name = match["name"].strip()
                    if family != "qa" and _normal(name) in NOT_LABELS:
                        continue
                    candidates[family].append(Turn(offset, offset + len(match["label"]), name, family, index, line,
                                                   match["label"]))
                    break
    qa = candidates["qa"]
    if _recurs(qa, distinct=2, total=3) or _recurs(qa, distinct=1, total=3):
        turns = qa + [t for t in candidates["colon"] if t.start not in {q.start for q in qa}
                      and _recurring_name(t, candidates["colon"])]
    elif _recurs(candidates["colon"] + qa, distinct=2, total=3):
        turns = [t for t in candidates["colon"] if _recurring_name(t, candidates["colon"]) or
                 _is_honorific(t.name)] + qa
    elif _recurs(candidates["period"], distinct=2, total=4):
        turns = [t for t in candidates["period"] if _recurring_name(t, candidates["period"])]
    else:
        run_in = _run_in_turns(blocks, [])
        return sorted(run_in, key=lambda t: t.start) if _recurs(run_in, distinct=2, total=3) else []
    if any(_is_honorific(t.name) for t in turns):
        turns += _run_in_turns(blocks, turns)
    return sorted(turns, key=lambda t: t.start)


def _quoted_runs(turns: list[Turn], blocks: list[Block]) -> list[list[Turn]]:
    """Dialogue quoted inside an article: runs of labelled paragraphs with the article's own prose
    before and after them. The turns then belong to the quotation, not to the document."""
    by_block: dict[int, list[Turn]] = {}
    for turn in turns:
        by_block.setdefault(turn.block, []).append(turn)
    runs: list[list[Turn]] = []
    previous = None
    for index in sorted(by_block):
        if previous is not None and index == previous + 1:
            runs[-1] += by_block[index]
        else:
            runs.append(list(by_block[index]))
        previous = index
    prose = [b for i, b in enumerate(blocks) if i not in by_block and b.words >= 25]
    first, last = turns[0].block, turns[-1].block
    before = sum(b.words for b in prose if b.start < blocks[first].start)
    after = [b for b in prose if b.start > blocks[last].end]
    return runs if before >= 30 and after else []


def _quoted_dialogue(turns: list[Turn], runs: list[list[Turn]], blocks: list[Block],
                     persons: dict[str, Person]) -> Speech:
    """Each quoted run is a `quote` of `sp`; a turn ends with its own paragraph."""
    spans = []
    for run in runs:
        spans.append(span(run[0].start, blocks[run[-1].block].end, "quote", "speech.quoted-dialogue"))
        for turn, following in zip(run, run[1:] + [None]):
            end = following.start if following and following.block == turn.block else blocks[turn.block].end
            person = persons[turn.key]
            spans.append(span(turn.start, end, "sp", f"speech.{turn.family}", who="#" + person.key, note=person.name))
            spans.append(span(turn.start, turn.label_end, "speaker", f"speech.{turn.family}-label"))
    return Speech(spans, list(persons.values()), "prose")


def recurring_labels(blocks: list[Block]) -> set[str]:
    """Labels ('INTERVIEWER', 'Mr. NORTH') that open two or more lines: the text's speakers, so
    front matter ends where they begin."""
    found = Counter(match["name"].strip() for block in blocks for line in block.lines
                    if (match := QA_LABEL.match(line.text.lstrip()) or COLON_LABEL.match(line.text.lstrip())))
    return {name for name, count in found.items() if count >= 2}


def _unlabelled_questions(blocks: list[Block]) -> list[Turn]:
    """An interview whose questions carry no label: each question stands as its own short
    paragraph ending in '?', and the paragraphs after it, up to the next question, answer it."""
    asks = [i for i, b in enumerate(blocks) if _is_question(b) and i + 1 < len(blocks) and not _is_question(blocks[i + 1])]
    if len(asks) < 2:
        return []
    turns = []
    for index in range(asks[0], len(blocks)):
        block = blocks[index]
        if index in asks:
            turns.append(Turn(block.start, block.start, "question", "unlabelled-question", index, block.lines[0]))
        elif index - 1 in asks:
            turns.append(Turn(block.start, block.start, "answer", "unlabelled-answer", index, block.lines[0]))
    return turns


def _is_question(block: Block) -> bool:
    text = block.text.rstrip("”\"’)] ")
    return text.endswith("?") and block.words <= 80


def _recurs(turns: list[Turn], distinct: int, total: int) -> bool:
    names = Counter(_normal(t.name) for t in turns)
    return len(names) >= distinct and sum(names.values()) >= total and (
        distinct == 1 or sum(1 for n in names.values() if n >= 2) >= 1)


def _recurring_name(turn: Turn, family: list[Turn]) -> bool:
    """A label counts when its person labels more than one turn, or others of its shape do."""
    mine = _normal(turn.name)
    same = sum(1 for t in family if _normal(t.name) == mine)
    return same >= 2 or _is_honorific(turn.name) or (len(turn.name) <= 24 and turn.line.start == turn.start)


HONORIFIC_LABEL = re.compile(rf"{HONORIFICS}\.?\s+[A-Z]|{OFFICE}")
HONORIFIC_PREFIX = re.compile(rf"^{HONORIFICS}\.?\s+")


def _is_honorific(name: str) -> bool:
    return HONORIFIC_LABEL.match(name) is not None


def _run_in_turns(blocks: list[Block], turns: list[Turn]) -> list[Turn]:
    """Old-style transcripts label a turn 'Mr. NAME.' or 'The CHAIRMAN.', at a paragraph's start or
    run into it: '… didn't you? Mr. SULLIVAN. What is it?'"""
    starts = {t.start for t in turns}
    found = []
    for index, block in enumerate(blocks):
        for line in block.lines:
            for match in RUN_IN_LABEL.finditer(line.text):
                offset = line.start + match.start("label")
                if offset not in starts and (offset != line.content_start or not turns):
                    found.append(Turn(offset, offset + len(match["label"]), match["name"], "run-in", index, line,
                                      match["label"]))
    return found


def _close_turns(turns: list[Turn], blocks: list[Block], claimed: list[Span], text: str) -> None:
    """A turn runs to the next turn, or to the next heading or other claimed block, whichever is first."""
    stops = sorted({s.start for s in claimed if s.kind in {"head", "div", "titlePage", "epigraph"}})
    starts = [b.start for b in blocks]
    ends = [b.end for b in blocks]
    for turn, following in zip(turns, turns[1:] + [None]):
        limit = following.start if following else len(text)
        after = bisect.bisect_right(stops, turn.start)
        stop = stops[after] if after < len(stops) and stops[after] < limit else limit
        holder = bisect.bisect_left(starts, stop) - 1
        if holder >= 0 and starts[holder] < stop < ends[holder]:
            turn.end = len(text[:stop].rstrip())  # the next turn is run into this paragraph
        else:
            last = bisect.bisect_right(ends, stop) - 1
            turn.end = ends[last] if last >= 0 and ends[last] > turn.start else stop


@lru_cache(maxsize=4096)
def _normal(name: str) -> str:
    """A label's name for comparing: 'Mr. NORTH' and 'North' are 'north'."""
    name = HONORIFIC_PREFIX.sub("", name.strip())
    name = re.sub(r"\s*\([^)]*\)", "", name)
    return re.sub(r"[^\w\s'’]", "", name).strip().lower().replace("’", "'")


def _resolve_persons(turns: list[Turn], kind: str, author: str, interviewer: str,
                     names: dict[str, str]) -> dict[str, Person]:
    """One person per speaker, however the label varies: 'Jane Doe:', 'JD:', 'Doe:', 'Ms. DOE:'."""
    persons: dict[str, Person] = {}
    full_names: dict[str, str] = {}
    for turn in turns:
        normal = _normal(turn.name)
        if normal in QUESTION_NAMES | ANSWER_NAMES:
            role = "question" if normal in QUESTION_NAMES else "answer"
            given = _given(names, turn) or (interviewer if role == "question" else author)
            display = given or ("Interviewer" if role == "question" else "Interviewee")
            key = slug(display)
        else:
            key_name = _same_person(normal, full_names) or normal
            full_names.setdefault(key_name, turn.name)
            given = _given(names, turn)
            display = given or _display(full_names[key_name])
            key = slug(display if given else _normal(display))
            role = ""
        person = persons.setdefault(key, Person(key, display, role))
        person.forms.add(turn.name)
        turn.key = key
    return persons


def _given(names: dict[str, str], turn: Turn) -> str:
    """The name a sidecar gives a label: by the label as written ('Q:'), or by its name ('Q')."""
    return names.get(turn.label) or names.get(turn.name) or names.get(_normal(turn.name)) or ""


def _same_person(normal: str, known: dict[str, str]) -> str | None:
    """'jd' or 'doe' after 'jane doe' is the same person."""
    for full in known:
        words = full.split()
        if len(words) < 2:
            continue
        initials = "".join(w[0] for w in words)
        if normal in (initials, words[-1]) or normal.replace(".", "").replace(" ", "") == initials:
            return full
    return None


def _display(name: str) -> str:
    """'Mr. NORTH' → 'Mr. North', 'FLAVIUS' → 'Flavius', 'Jane Doe' unchanged."""
    return " ".join(w.capitalize() if w.isupper() and len(w) > 1 else w for w in name.split())


def _dialogue_kind(turns: list[Turn], context: str) -> str:
    if any(t.family == "qa" for t in turns):
        return "hearing" if TEXT_KIND_WORDS[0][1].search(context) else "interview"
    for kind, words in TEXT_KIND_WORDS:
        if words.search(context):
            return kind
    if sum(1 for t in turns if _is_honorific(t.name)) >= len(turns) / 2:
        return "hearing"
    return "dialogue"


def _kind_without_turns(context: str) -> str:
    return "interview" if TEXT_KIND_WORDS[1][1].search(context) else "prose"


def _assign_roles(turns: list[Turn], persons: dict[str, Person], text: str, author: str, kind: str) -> None:
    """Who asks and who answers: labels say it where they can; otherwise the one who asks least
    and says most (or the author, or the witness the title names) answers, and everyone else asks."""
    unknown = [p for p in persons.values() if not p.role]
    if not unknown:
        return
    asked = Counter()
    said = Counter()
    count = Counter()
    for turn in turns:
        body = text[turn.label_end:turn.end]
        count[turn.key] += 1
        said[turn.key] += len(body.split())
        asked[turn.key] += "?" in body
    answerers = [p for p in unknown if author and _normal(author).split()[-1:] == p.key.split("-")[-1:]]
    if not answerers and not any(p.role == "answer" for p in persons.values()):
        total = sum(said.values()) or 1
        answerers = [p for p in unknown if asked[p.key] / count[p.key] < 0.5 and said[p.key] / total >= 0.15
                     and _normal(p.name) not in ASKING_ROLES] if kind != "hearing" else []
        if not answerers:
            answerers = sorted(unknown, key=lambda p: (asked[p.key] / count[p.key] >= 0.5, -said[p.key]))[:1]
    for person in unknown:
        person.role = "answer" if person in answerers else "question"


# -- drama ------------------------------------------------------------------------------------

def _drama_turns(blocks: list[Block]) -> list[Turn]:
    """Drama sets the speaker in capitals at the start of a line, two spaces before the speech,
    or alone on the line above it."""
    turns = []
    for index, block in enumerate(blocks):
        line = block.lines[0]
        match = DRAMA_LABEL.match(line.text) or (DRAMA_NAME_LINE.match(line.text) if len(block.lines) > 1 else None)
        if match:
            name = match["name"]
            if len(name) >= 2 and _normal(name) not in NOT_LABELS:
                start = line.content_start
                turns.append(Turn(start, start + len(match["label"]), name, "drama", index, line, match["label"]))
    names = Counter(_normal(t.name) for t in turns)
    if len(names) >= 2 and sum(names.values()) >= 3:
        return turns
    return []


def _drama(text: str, blocks: list[Block], turns: list[Turn], names: dict[str, str]) -> Speech:
    """Each turn is its block; verse speakers get `l` per line, prose speakers one `p`, and
    bracketed lines are `stage` directions."""
    persons = _resolve_persons(turns, "drama", "", "", names)
    prose_speakers = _prose_speakers(blocks, turns)
    spans = []
    for turn in turns:
        block = blocks[turn.block]
        turn.end = block.end
        person = persons[turn.key]
        spans.append(span(turn.start, turn.end, "sp", "speech.drama", who="#" + person.key, note=person.name))
        spans.append(span(turn.start, turn.label_end, "speaker", "speech.drama-label"))
        spans += _drama_lines(text, block, turn, _in_verse(block, turn, text, turn.key in prose_speakers))
    for block in blocks:
        if all(STAGE.match(line.text) for line in block.lines) and not any(
                t.start <= block.start < t.end for t in turns):
            spans.append(span(block.start, block.end, "stage", "speech.stage-direction"))
    return Speech(spans, list(persons.values()), "drama")


def _prose_speakers(blocks: list[Block], turns: list[Turn]) -> set[str]:
    """Verse capitalises every line; a speaker whose run-over lines mostly start in lower case
    speaks prose."""
    evidence: dict[str, list[bool]] = {}
    for turn in turns:
        for line in _speech_lines(blocks[turn.block], turn)[1:]:
            if not STAGE.match(line.text):
                evidence.setdefault(turn.key, []).append(line.stripped[:1].islower())
    return {key for key, lower in evidence.items() if sum(lower) * 2 > len(lower)}


def _in_verse(block: Block, turn: Turn, text: str, prose_speaker: bool) -> bool:
    """Whether a turn is verse: its own run-over lines say so (all capitalised; a prose speaker
    needs three such lines to be believed); a one-line turn is verse at a verse line's length
    (8+ syllables), so a short reply in a prose exchange ('Thou art a cobbler, art thou?') is prose."""
    lines = [line for line in _speech_lines(block, turn) if not STAGE.match(line.text)]
    if len(lines) > 1:
        capitals = all(line.stripped[:1].isupper() for line in lines[1:])
        return capitals and (not prose_speaker or len(lines) > 3)
    if prose_speaker or not lines:
        return False
    return _syllables(text[max(turn.label_end, lines[0].content_start):lines[0].content_end]) >= 8


def _speech_lines(block: Block, turn: Turn) -> list[Line]:
    """The lines a turn speaks: all of its block but a first line that holds only the name."""
    first = block.lines[0]
    return list(block.lines[1:]) if turn.label_end >= first.content_end else list(block.lines)


def _syllables(line: str) -> int:
    count = 0
    for word in re.findall(r"[a-zA-Z]+", line.lower()):
        groups = len(re.findall(r"[aeiouy]+", word))
        if word.endswith("e") and not word.endswith(("le", "ee")) and groups > 1:
            groups -= 1
        count += max(1, groups)
    return count


def _drama_lines(text: str, block: Block, turn: Turn, verse: bool) -> list[Span]:
    """A turn's lines: `l` each (verse) or one `p` per run of lines (prose), `stage` for directions."""
    spans = []
    prose: list[int] = []  # start and end of the current run of prose lines
    for position, line in enumerate(block.lines):
        start = line.content_start if position else _skip_space(text, turn.label_end)
        if start >= line.content_end:  # the speaker's name stands alone on the first line
            continue
        if STAGE.match(line.text):
            if prose:
                spans.append(span(prose[0], prose[1], "p", "speech.drama-prose"))
                prose = []
            spans.append(span(line.content_start, line.content_end, "stage", "speech.stage-direction"))
        elif verse:
            spans.append(span(start, line.content_end, "l", "speech.drama-verse-line"))
        else:
            prose = [prose[0] if prose else start, line.content_end]
    if prose:
        spans.append(span(prose[0], prose[1], "p", "speech.drama-prose"))
    return spans


def _skip_space(text: str, offset: int) -> int:
    while offset < len(text) and text[offset] in " \t":
        offset += 1
    return offset
