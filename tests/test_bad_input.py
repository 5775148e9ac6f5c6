"""Whatever an editor feeds `edition convert`, it ends in valid TEI or in one line naming the file.

Each bad input is converted in a batch beside a good text, through the real command line, so every
case also shows that the rest of the batch is converted, that the exit status says something
failed, that the summary comes last, that no traceback is printed and that no partial file (a
`*.part` or a STEM.xml for the failed input) is left behind. Large inputs are made in tmp_path,
never committed; their time and memory are measured by bench/large_inputs.py, not asserted here.
"""

from __future__ import annotations

import codecs
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from lxml import etree

from conftest import ROOT, SHARED, xp

GOOD = "A plain paragraph that converts without trouble.\n\nAnd a second paragraph after it.\n"
PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489") + bytes(64)


@lru_cache(maxsize=1)
def _validator():
    from edition.validate import Validator

    return Validator()


def assert_valid(path: Path) -> etree._ElementTree:
    """The file is valid against the project's schema and rules (warnings allowed); returns its tree."""
    data = path.read_bytes()
    assert [p for p in _validator().validate_bytes(data, str(path)) if p.severity == "error"] == []
    return etree.ElementTree(etree.fromstring(data))


def convert(*args: str | Path) -> Result:
    """`edition convert ARGS` in-process; an exception escaping the command fails the test."""
    from edition.cli import main

    result = CliRunner().invoke(main, ["convert", *map(str, args)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result


def error_lines(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("error: ")]


def summary(result: Result) -> str:
    """The last line on standard error: `converted N of M files to OUT/[; K failed]`."""
    return result.stderr.splitlines()[-1]


def left_in(out: Path) -> set[str]:
    """Every name in the output folder, hidden temporaries included."""
    return {p.name for p in out.iterdir()} if out.exists() else set()


@dataclass(frozen=True)
class Refused:
    """An input the converter must refuse: the error line names FILE:LINE:COLUMN and says why."""

    data: bytes
    line: int
    column: int
    why: str


REFUSED = {
    "empty": Refused(b"", 1, 1, "empty"),
    "only-white-space": Refused(b"  \n\t\r\n   \n\n", 1, 1, "empty"),
    "nul-bytes": Refused(b"A first line.\nthen\x00\x00\x00binary\n", 2, 1, "binary"),
    "png": Refused(PNG, 3, 1, "binary"),
    "bell-character": Refused(b"A fine line.\nA bad \x07 bell.\n", 2, 7, "U+0007"),
    "escape-character": Refused(b"Fine.\n\nStill fine.\nx\x1b[0m colour codes\n", 4, 2, "U+001B"),
    "form-feed-in-utf16": Refused("One page.\n\x0cNext\n".encode("utf-16"), 2, 1, "U+000C"),
    "noncharacter-uffff": Refused("Good text.\nend \uffff\n".encode("utf-8"), 2, 5, "U+FFFF"),
    "truncated-utf16": Refused("Good text.\nThe end.\n".encode("utf-16") + b"x", 3, 1, "UTF-16"),
    "byte-order-mark-alone": Refused(codecs.BOM_UTF8, 1, 1, "empty"),
}

#: A lone surrogate is what a broken decoder writes: UTF-8 text around bytes that are no character.
LONE_SURROGATES = {
    "surrogatepass": Refused("“Good” words.\nbad \ud800 here\n".encode("utf-8", "surrogatepass"), 2, 5, "UTF-8"),
    "surrogateescape": Refused("“Good” words.\nbad \udcff here\n".encode("utf-8", "surrogateescape"),
                               2, 5, "UTF-8"),
}


def _batch(tmp_path: Path, name: str, data: bytes) -> tuple[Result, Path, Path]:
    """Convert `name` (holding `data`) together with a good text; returns result, bad input, out."""
    bad = tmp_path / f"{name}.txt"
    bad.write_bytes(data)
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    return convert(bad, good, "-o", out, "-j", "1"), bad, out


def _assert_refused(tmp_path: Path, name: str, case: Refused) -> None:
    result, bad, out = _batch(tmp_path, name, case.data)
    assert result.exit_code == 1
    errors = error_lines(result)
    assert len(errors) == 1 and len(result.stderr.splitlines()) == 2, result.stderr
    assert errors[0].startswith(f"error: {bad}:{case.line}:{case.column}: "), errors[0]
    assert case.why in errors[0]
    assert summary(result) == f"converted 1 of 2 files to {out}/; 1 failed"
    assert left_in(out) == {"good.xml"}
    assert xp(assert_valid(out / "good.xml"), "//t:body/t:p/text()")[0].startswith("A plain paragraph")


@pytest.mark.parametrize("name", REFUSED)
def test_input_that_is_no_text_is_refused_in_one_line_naming_the_place(tmp_path: Path, name: str) -> None:
    _assert_refused(tmp_path, name, REFUSED[name])


@pytest.mark.parametrize("name", LONE_SURROGATES)
def test_a_lone_surrogate_in_utf8_text_is_refused_at_its_place(tmp_path: Path, name: str) -> None:
    _assert_refused(tmp_path, name, LONE_SURROGATES[name])


@dataclass(frozen=True)
class Decoded:
    """An input in another encoding: it converts, and the header names the encoding it was read as."""

    data: bytes
    encoding: str
    words: str


TEXT = "Her “café” cost five francs – a señor’s fee.\n\nThe second paragraph ends here.\n"
DECODED = {
    "utf-16-le-bom": Decoded(codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "UTF-16LE with byte-order mark", TEXT),
    "utf-16-be-bom": Decoded(codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "UTF-16BE with byte-order mark", TEXT),
    "utf-16-le": Decoded(TEXT.encode("utf-16-le"), "UTF-16LE without byte-order mark", TEXT),
    "utf-16-be": Decoded(TEXT.encode("utf-16-be"), "UTF-16BE without byte-order mark", TEXT),
    "utf-8-bom": Decoded(codecs.BOM_UTF8 + TEXT.encode("utf-8"), "UTF-8 with byte-order mark", TEXT),
    "utf-32-bom": Decoded(TEXT.encode("utf-32"), "UTF-32LE with byte-order mark", TEXT),
    "cp1252": Decoded(TEXT.encode("cp1252"), "windows-1252", TEXT),
    "latin-1": Decoded("Café crème, señor, à la française: «bon».\n".encode("latin-1"), "ISO-8859-1",
                       "Café crème, señor, à la française: «bon».\n"),
}


@pytest.mark.parametrize("name", DECODED)
def test_other_encodings_convert_and_the_header_names_them(tmp_path: Path, name: str) -> None:
    case = DECODED[name]
    result, _, out = _batch(tmp_path, name, case.data)
    assert result.exit_code == 0, result.stderr
    assert summary(result) == f"converted 2 of 2 files to {out}/"
    tree = assert_valid(out / f"{name}.xml")
    assert case.encoding in xp(tree, "string(//t:teiHeader//t:editorialDecl)")
    assert case.encoding in xp(tree, "string(//t:sourceDesc/t:bibl[@type='transcription'])")
    assert _words(tree) == case.words.split()


def _words(tree: etree._ElementTree) -> list[str]:
    """The words of the TEI's text as `edition text` gives them back (quotation marks restored)."""
    from edition.plaintext import render

    return render(tree).split()


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_byte_order_mark_in_another_script(tmp_path: Path, codec: str) -> None:
    text = "Пролетариат имеет достаточно причин свергнуть бюрократию.\n\nἘν ἀρχῇ ἦν ὁ λόγος.\n"
    result, _, out = _batch(tmp_path, "cyrillic", text.encode(codec))
    assert result.exit_code == 0, result.stderr
    tree = assert_valid(out / "cyrillic.xml")
    assert codec.upper().replace("-16-", "-16") in xp(tree, "string(//t:sourceDesc/t:bibl[@type='transcription'])")
    assert _words(tree) == text.split()


def test_mixed_line_ends_keep_every_line_and_are_recorded(tmp_path: Path) -> None:
    data = b"First line\r\nsecond line\rthird line\nfourth line\r\n\r\nA new paragraph.\r"
    result, _, out = _batch(tmp_path, "mixed", data)
    assert result.exit_code == 0, result.stderr
    tree = assert_valid(out / "mixed.xml")
    assert ["".join(p.itertext()) for p in xp(tree, "//t:body/t:p")] == [
        "First line\nsecond line\nthird line\nfourth line", "A new paragraph."]
    assert "mixed (CRLF, CR, LF)" in xp(tree, "string(//t:sourceDesc/t:bibl[@type='transcription'])")


def test_edition_text_gives_back_the_lines_of_a_paragraph(tmp_path: Path) -> None:
    from edition.plaintext import render

    result, _, out = _batch(tmp_path, "lines", b"First line\nsecond line\nthird line\n\nA new paragraph.\n")
    assert result.exit_code == 0, result.stderr
    assert render(assert_valid(out / "lines.xml")) == "First line\nsecond line\nthird line\n\nA new paragraph.\n"


def test_markup_characters_in_the_text_are_kept_as_text(tmp_path: Path) -> None:
    line = "if a < b && c > d then ]]> ends a CDATA, -- ends a comment, <!-- this --> is not one, &amp; <p>"
    result, _, out = _batch(tmp_path, "markup", f"{line}\n".encode())
    assert result.exit_code == 0, result.stderr
    tree = assert_valid(out / "markup.xml")
    assert xp(tree, "//t:body/t:p/text()") == [line]
    assert xp(tree, "count(//t:body//t:*)") == 1  # the one p: nothing in the text became markup


def test_a_one_megabyte_line_converts_whole(tmp_path: Path) -> None:
    vocabulary = "the clerk read every line of the minutes aloud and nobody stopped him".split()
    line = " ".join(vocabulary[n % len(vocabulary)] + ("," if n % 7 == 0 else "") for n in range(200_000))
    assert len(line) > 1_000_000
    result, _, out = _batch(tmp_path, "long-line", f"{line}\n".encode())
    assert result.exit_code == 0, result.stderr
    assert _words(assert_valid(out / "long-line.xml")) == line.split()


def test_words_ending_in_digits_are_text_not_footnotes(tmp_path: Path) -> None:
    """They look like footnote references ("revolution3"), so the TEI may carry a warning, but no error."""
    text = "Her laptop ran ipv6 on an x86 chip; chapter1 was about covid19.\n"
    result, _, out = _batch(tmp_path, "digits", text.encode())
    assert result.exit_code == 0, result.stderr
    assert _words(assert_valid(out / "digits.xml")) == text.split()


def test_a_fifty_megabyte_file_converts_whole(tmp_path: Path) -> None:
    """Fifty megabytes of plain paragraphs (the benchmark reports the time and memory it takes)."""
    paragraph = "The committee met on Tuesday; the clerk read the minutes, and nobody objected to them.\n\n"
    count = 50_000_000 // len(paragraph) + 1
    source = tmp_path / "fifty.txt"
    source.write_text(paragraph * count, encoding="utf-8")
    out = tmp_path / "out"
    result = convert(source, "-o", out, "-j", "1")
    assert result.exit_code == 0, result.stderr
    tree = etree.parse(str(out / "fifty.xml"), etree.XMLParser(huge_tree=True))
    paragraphs = xp(tree, "//t:body/t:p")
    assert len(paragraphs) == count
    assert {p.text for p in paragraphs} == {paragraph.strip()}


def test_ten_thousand_unbalanced_quotation_marks(tmp_path: Path) -> None:
    lines = [f"“opened {n} and never closed, then “again" for n in range(5_000)]
    text = "\n\n".join("\n".join(lines[i:i + 10]) for i in range(0, len(lines), 10)) + "\n"
    assert text.count("“") == 10_000 and "”" not in text
    result, _, out = _batch(tmp_path, "quotes", text.encode())
    assert result.exit_code == 0, result.stderr
    tree = assert_valid(out / "quotes.xml")
    assert _words(tree) == text.split()
    assert "".join(tree.getroot().find("{http://www.tei-c.org/ns/1.0}text").itertext()).count("“") == 10_000


def test_ten_thousand_question_lines(tmp_path: Path) -> None:
    """Each line a question turn. (convert validated the TEI before writing it: not validated again here.)"""
    text = "".join(f"Q: is line {n} a question?\n" for n in range(10_000))
    result, _, out = _batch(tmp_path, "questions", text.encode())
    assert result.exit_code == 0, result.stderr
    tree = etree.parse(str(out / "questions.xml"))
    assert xp(tree, "count(//t:sp[@ana='#question'][t:speaker = 'Q:'])") == 10_000
    assert _words(tree) == text.split()


def test_a_directory_a_missing_file_and_a_binary_file_fail_alone(tmp_path: Path) -> None:
    folder = tmp_path / "chapter.txt"
    folder.mkdir()
    missing = tmp_path / "missing.txt"
    binary = tmp_path / "picture.txt"
    binary.write_bytes(PNG)
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    result = convert(folder, missing, binary, good, "-o", out, "-j", "1")
    assert result.exit_code == 1
    assert error_lines(result) == [
        f"error: {folder}: is a directory, not a text file (give its files: {folder}/*.txt)",
        f"error: {missing}: no such file",
        f"error: {binary}:3:1: this is a binary file, not a plain text (NUL or control bytes)"]
    assert summary(result) == f"converted 1 of 4 files to {out}/; 3 failed"
    assert left_in(out) == {"good.xml"}
    assert_valid(out / "good.xml")


def test_two_inputs_with_the_same_stem_do_not_overwrite_each_other(tmp_path: Path) -> None:
    first, second = tmp_path / "a" / "talk.txt", tmp_path / "b" / "talk.txt"
    for path, words in ((first, "The first talk."), (second, "The second talk.")):
        path.parent.mkdir()
        path.write_text(words + "\n", encoding="utf-8")
    out = tmp_path / "out"
    result = convert(first, second, "-o", out, "-j", "1")
    assert result.exit_code == 1
    assert error_lines(result) == [f"error: {second}: would overwrite {out}/talk.xml, already made from {first} "
                                   "(same name stem)"]
    assert summary(result) == f"converted 1 of 2 files to {out}/; 1 failed"
    assert left_in(out) == {"talk.xml"}
    assert xp(assert_valid(out / "talk.xml"), "string(//t:body/t:p)") == "The first talk."


def _writes_are_refused(folder: Path) -> bool:
    """chmod 0o500 stops writes only for a user without CAP_DAC_OVERRIDE (not root, as in CI)."""
    probe = folder / ".probe"
    try:
        probe.write_bytes(b"")
    except PermissionError:
        return True
    probe.unlink()
    return False


def test_an_unwritable_output_folder_fails_each_file_and_leaves_nothing(tmp_path: Path) -> None:
    """Non-root: a read-only folder. Root ignores modes, so the target name is taken by a folder instead."""
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    out.chmod(0o500)
    try:
        if not _writes_are_refused(out):
            out.chmod(0o700)
            (out / "good.xml").mkdir()
        result = convert(good, "-o", out, "-j", "1")
    finally:
        out.chmod(0o700)
    assert result.exit_code == 1
    assert len(error_lines(result)) == 1
    assert error_lines(result)[0].startswith(f"error: {out}/good.xml: cannot write: ")
    assert summary(result) == f"converted 0 of 1 file to {out}/; 1 failed"
    assert {p.name for p in out.iterdir()} <= {"good.xml"}
    assert not (out / "good.xml").is_file()


def test_an_output_folder_that_cannot_be_made_is_one_line(tmp_path: Path) -> None:
    """An output path under a regular file: refused whoever runs it (root included)."""
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    (tmp_path / "plain-file").write_text("not a folder", encoding="utf-8")
    out = tmp_path / "plain-file" / "out"
    result = convert(good, "-o", out, "-j", "1")
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].lower().startswith("error: ")
    assert f"{out}: cannot create the output folder" in lines[0]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["good.txt", "plain-file"]


def test_a_folder_with_one_binary_file_among_good_ones(tmp_path: Path) -> None:
    """The issue's demonstration, through the installed program and its process pool."""
    folder = tmp_path / "texts"
    folder.mkdir()
    for n in range(5):
        (folder / f"text{n}.txt").write_text(f"Text number {n}.\n\nIts second paragraph.\n", encoding="utf-8")
    (folder / "scan.txt").write_bytes(PNG)
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "edition", "convert", *sorted(map(str, folder.iterdir())),
                             "-o", str(out), "--jobs", "2"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert [line for line in result.stderr.splitlines() if line.startswith("error: ")] == [
        f"error: {folder}/scan.txt:3:1: this is a binary file, not a plain text (NUL or control bytes)"]
    assert result.stderr.splitlines()[-1] == f"converted 5 of 6 files to {out}/; 1 failed"
    assert left_in(out) == {f"text{n}.xml" for n in range(5)}
    for n in range(5):
        assert xp(assert_valid(out / f"text{n}.xml"), "string(//t:body/t:p[1])") == f"Text number {n}."


def test_output_names_never_escape_the_output_folder(tmp_path: Path) -> None:
    """`..` in an input's path, or a title or unknown key in its sidecar, cannot direct output elsewhere."""
    deep = tmp_path / "in" / "deeper"
    deep.mkdir(parents=True)
    (deep / "climb.txt").write_text("The title\n\nA paragraph.\n", encoding="utf-8")
    (deep / "climb.toml").write_text('title = "../../../escaped"\n', encoding="utf-8")
    (deep / "steer.txt").write_text("Another paragraph.\n", encoding="utf-8")
    (deep / "steer.toml").write_text('output = "../escaped.xml"\n', encoding="utf-8")
    out = tmp_path / "in" / "out"
    before = _all_files(tmp_path)
    result = convert(deep / ".." / "deeper" / "climb.txt", deep / "steer.txt", "-o", out, "-j", "1")
    assert result.exit_code == 1
    assert len(error_lines(result)) == 1
    assert error_lines(result)[0].startswith(f"error: {deep}/steer.toml: unknown key(s) output; ")
    assert _all_files(tmp_path) - before == {out / "climb.xml"}
    assert xp(assert_valid(out / "climb.xml"), "string(//t:titleStmt/t:title)") == "../../../escaped"


def _all_files(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if p.is_file()}


def test_every_converted_case_is_valid_against_the_official_tei_schema(tmp_path: Path) -> None:
    """The project schema is a subset of TEI P5: jing checks the outputs against tei_all.rng too."""
    jing, rng = shutil.which("jing"), SHARED / "tei" / "tei_all.rng"
    if not jing or not rng.exists():
        pytest.skip("needs jing (Debian package jing) and ../shared/tei/tei_all.rng")
    inputs = []
    for name, case in DECODED.items():
        inputs.append(tmp_path / f"{name}.txt")
        inputs[-1].write_bytes(case.data)
    markup = tmp_path / "markup.txt"
    markup.write_text("a < b && c ]]> d -- e <!-- f --> <p>\r\nline two\rline three\n", encoding="utf-8")
    out = tmp_path / "out"
    result = convert(*inputs, markup, "-o", out, "-j", "1")
    assert result.exit_code == 0, result.stderr
    made = sorted(out.glob("*.xml"))
    assert len(made) == len(inputs) + 1
    checked = subprocess.run([jing, str(rng), *map(str, made)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout


def test_no_traceback_even_when_the_converter_itself_fails(tmp_path: Path, monkeypatch) -> None:
    """A bug inside one conversion is that file's one-line error; the batch goes on."""
    import edition.convert

    real = edition.convert.analyse

    def broken(source, sidecar):
        if "boom" in source.text:
            raise RuntimeError("simulated converter bug")
        return real(source, sidecar)

    monkeypatch.setattr(edition.convert, "analyse", broken)
    (tmp_path / "boom.txt").write_text("boom\n", encoding="utf-8")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    result = convert(tmp_path / "boom.txt", tmp_path / "good.txt", "-o", out, "-j", "1")
    assert result.exit_code == 1
    assert len(error_lines(result)) == 1 and error_lines(result)[0].startswith(f"error: {tmp_path}/boom.txt: ")
    assert "simulated converter bug" in error_lines(result)[0]
    assert left_in(out) == {"good.xml"}


def test_a_text_of_boilerplate_alone_is_not_kept_and_removed_at_once(tmp_path: Path) -> None:
    """Either refused (nothing left to edit) or kept as text; never both kept and recorded as removed."""
    from edition.plaintext import removed_lines, render

    lines = ["Leave a Reply", "", "Fill in your details below or click an icon to log in:"]
    result, bad, out = _batch(tmp_path, "furniture", "\n".join(lines).encode() + b"\n")
    if result.exit_code:
        assert error_lines(result)[0].startswith(f"error: {bad}:")
        return
    tree = assert_valid(out / "furniture.xml")
    kept = [line for number, line in enumerate(lines, 1) if number not in removed_lines(tree)]
    assert render(tree).split() == " ".join(kept).split()


def _snapshot(folder: Path) -> dict[str, bytes]:
    """Every output's bytes: not Pagefind's index (pagefind writes it, names hashed), nor hidden work files."""
    outputs = {}
    for path in sorted(folder.rglob("*")):
        parts = path.relative_to(folder).parts
        if path.is_file() and "pagefind" not in parts and not any(part.startswith(".") for part in parts):
            outputs[str(path.relative_to(folder))] = path.read_bytes()
    return outputs


def _revise(tei: Path) -> None:
    """Change the first body paragraph of each TEI file, so that a new build differs from the old one."""
    for path in tei.glob("*.xml"):
        tree = etree.parse(str(path))
        paragraph = xp(tree, "//t:body//t:p")[0]
        paragraph.text = "Revised. " + (paragraph.text or "")
        tree.write(str(path), xml_declaration=True, encoding="UTF-8")


def test_a_build_killed_half_way_leaves_every_output_whole(tmp_path: Path) -> None:
    """Killed at several moments, each output is the previous build's or the new one's, never half of one."""
    import signal
    import time

    tei = tmp_path / "tei"
    tei.mkdir()
    for path in sorted((ROOT / "tei").glob("*.xml")) or [ROOT / "tests" / "fixtures" / "sample.xml"]:
        shutil.copy(path, tei)
    build = [sys.executable, "-m", "edition", "build", "--tei", str(tei), "--jobs", "2", "-o"]
    subprocess.run([*build, str(tmp_path / "build")], check=True, capture_output=True, cwd=ROOT)
    before = _snapshot(tmp_path / "build")
    assert any(name.endswith(".pdf") for name in before) and "web/index.html" in before
    _revise(tei)
    subprocess.run([*build, str(tmp_path / "reference")], check=True, capture_output=True, cwd=ROOT)
    after = _snapshot(tmp_path / "reference")
    assert set(after) == set(before)
    assert all(after[f"web/{path.stem}.html"] != before[f"web/{path.stem}.html"] for path in tei.glob("*.xml"))
    for delay in (0.5, 1.5, 3.0, 5.0):
        process = subprocess.Popen([*build, str(tmp_path / "build")], cwd=ROOT, start_new_session=True,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        now = _snapshot(tmp_path / "build")
        assert set(now) == set(before)
        for name, data in now.items():
            assert data in (before[name], after[name]), f"{name} is neither the old nor the new output"


def _convert_in_a_bounded_process(*args: str | Path) -> subprocess.CompletedProcess:
    """`edition convert` in a child limited to 1 GiB of address space, and stopped if it waits for ever (20 s)."""
    import resource

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (2**30, 2**30))

    try:
        return subprocess.run([sys.executable, "-m", "edition", "convert", *map(str, args)], capture_output=True,
                              text=True, cwd=ROOT, preexec_fn=limit, timeout=20)
    except subprocess.TimeoutExpired:
        pytest.fail(f"edition convert {' '.join(map(str, args))} still waiting after 20 s")


@pytest.mark.parametrize("kind", ["character device", "named pipe"])
def test_an_input_that_is_no_regular_file_is_refused(tmp_path: Path, kind: str) -> None:
    if kind == "named pipe":
        source = tmp_path / "pipe.txt"
        os.mkfifo(source)
    else:
        source = Path("/dev/zero")
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    result = _convert_in_a_bounded_process(source, good, "-o", out, "-j", "1")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1 and errors[0].startswith(f"error: {source}: not a regular file")
    assert result.stderr.splitlines()[-1] == f"converted 1 of 2 files to {out}/; 1 failed"
    assert left_in(out) == {"good.xml"}


def test_a_file_larger_than_any_text_is_refused_without_reading_it(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as stream:
        stream.truncate(8 * 2**30)  # sparse: takes no disk space
    out = tmp_path / "out"
    result = _convert_in_a_bounded_process(huge, "-o", out, "-j", "1")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0].startswith(f"error: {huge}: 8192 MiB is more than any text")
    assert left_in(out) == set()


@pytest.mark.parametrize("stem", ["index", "persons"])
def test_a_text_named_like_an_edition_page_is_refused_not_overwritten(tmp_path: Path, stem: str) -> None:
    tei = tmp_path / "tei"
    tei.mkdir()
    shutil.copy(ROOT / "tests" / "fixtures" / "sample.xml", tei / f"{stem}.xml")
    out = tmp_path / "build"
    result = subprocess.run([sys.executable, "-m", "edition", "build", "--tei", str(tei), "-o", str(out), "--only",
                             "web", "--jobs", "1"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"{tei / stem}.xml: its page would overwrite the edition's own {stem}.html" in result.stderr.splitlines()[0]
    page = (out / "web" / f"{stem}.html").read_text(encoding="utf-8")
    assert "A Sample Interview" not in page


@pytest.mark.parametrize("entry", ['date = "2017-13-45"', 'lang = "xx-!!"', 'kind = "../../etc"'])
def test_a_sidecar_value_the_schema_refuses_is_the_sidecars_error(tmp_path: Path, entry: str) -> None:
    (tmp_path / "talk.txt").write_text("Q: Why?\n\nA: Because.\n", encoding="utf-8")
    (tmp_path / "talk.toml").write_text(entry + "\n", encoding="utf-8")
    out = tmp_path / "out"
    result = convert(tmp_path / "talk.txt", "-o", out, "-j", "1")
    assert result.exit_code == 1
    assert len(error_lines(result)) == 1
    line = error_lines(result)[0]
    assert line.startswith(f"error: {tmp_path / 'talk.toml'}") and entry.split(" = ")[0] in line
    assert "converter bug" not in line
    assert left_in(out) == set()
