"""`edition validate`: valid files pass both schemas, broken and hostile ones fail with FILE:LINE:COLUMN."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from edition.cli import main
from edition.schema import GRAMMAR, load_schema
from edition.validate import Problem, Validator

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
SAMPLE = FIXTURES / "sample.xml"
TEI_ALL = Path(__file__).resolve().parents[2] / "shared" / "tei" / "tei_all.rng"
VALID_FILES = [SAMPLE, FIXTURES / "hand-edited.xml", *sorted((ROOT / "tei").glob("*.xml"))]


@pytest.fixture(scope="module")
def validator() -> Validator:
    return Validator()


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["validate", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def line_and_column(text: str, needle: str) -> tuple[int, int]:
    """Where `needle` first starts in `text`, 1-based, as the validator counts."""
    offset = text.index(needle)
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def test_schema_compiles_promptly_in_a_fresh_process():
    """libxml2 has hung for minutes on some generated TEI schemas; this one must compile at once."""
    code = f"from lxml import etree; etree.RelaxNG(etree.parse({str(GRAMMAR)!r})); print('compiled')"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "compiled"


def test_every_element_and_attribute_is_documented():
    elements = load_schema()
    assert {"sp", "speaker", "biblScope", "q", "note", "person", "category"} <= set(elements)
    undocumented = [name for name, spec in elements.items() if not spec.documentation]
    undocumented += [f"{name}/@{a.name}" for name, spec in elements.items()
                     for a in spec.attributes if not a.documentation]
    assert undocumented == []


@pytest.mark.parametrize("path", VALID_FILES, ids=lambda p: p.name)
def test_valid_files_have_no_problems(validator, path):
    assert validator.validate_file(path) == []


@pytest.mark.skipif(not shutil.which("jing"), reason="jing is not installed (Debian package jing)")
@pytest.mark.skipif(not TEI_ALL.exists(), reason=f"the official schema is absent ({TEI_ALL})")
def test_valid_files_are_valid_tei_all():
    """Everything the project schema accepts here is also TEI P5: the two cannot drift apart."""
    result = subprocess.run(["jing", str(TEI_ALL), *map(str, VALID_FILES)], capture_output=True, text=True)
    assert result.stdout == ""
    assert result.returncode == 0


@pytest.mark.skipif(not shutil.which("jing"), reason="jing is not installed (Debian package jing)")
@pytest.mark.skipif(not TEI_ALL.exists(), reason=f"the official schema is absent ({TEI_ALL})")
def test_cli_tei_all_passes_valid_files():
    code, output = run(str(SAMPLE), str(FIXTURES / "hand-edited.xml"), "--tei-all")
    assert code == 0, output
    assert "2 files checked: all valid" in output


# Each broken copy: (name, text replaced, replacement, text where the problem starts, words of the message)
BROKEN = [
    ("unknown-element", "<p>Prose between turns,", "<p>Prose <verse>between</verse> turns,",
     "<verse>", "<verse> is not an element of this edition's TEI"),
    ("sp-without-who", '<sp who="#john-smith" ana="#question">', '<sp ana="#question">',
     '<sp ana="#question">', "sp without @who: every speech turn must say who speaks"),
    ("who-points-nowhere", '<sp who="#cobbler">', '<sp who="#nobody">',
     '<sp who="#nobody">', '@who="#nobody" points to no person'),
    ("page-range-backwards", '<biblScope unit="page" from="88" to="90">', '<biblScope unit="page" from="90" to="88">',
     '<biblScope unit="page" from="90"', 'biblScope from="90" to="88" runs backwards'),
]


@pytest.mark.parametrize("name, old, new, where, words", BROKEN, ids=[case[0] for case in BROKEN])
def test_broken_copy_fails_at_its_line_and_column(tmp_path, name, old, new, where, words):
    text = SAMPLE.read_text(encoding="utf-8")
    assert old in text
    broken = text.replace(old, new, 1)
    path = tmp_path / f"{name}.xml"
    path.write_text(broken, encoding="utf-8")
    code, output = run(str(path))
    line, column = line_and_column(broken, where)
    assert code == 1
    assert f"{path}:{line}:{column}: " in output
    assert words in output
    assert "1 file checked: 1 with problems" in output


def test_external_entity_is_refused_and_never_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-4f1d9c", encoding="utf-8")
    text = SAMPLE.read_text(encoding="utf-8").replace(
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE TEI [<!ENTITY leak SYSTEM "{secret.as_uri()}">]>', 1)
    path = tmp_path / "entity.xml"
    path.write_text(text.replace("Prose between turns", "Prose &leak; turns"), encoding="utf-8")
    for args in ([str(path)], [str(path), "--tei-all"], [str(path), "--format", "json"]):
        code, output = run(*args)
        assert code == 1
        assert f"{path}:2:1: a DOCTYPE or entity declaration is not allowed" in output or '"line": 2' in output
        assert "SECRET-4f1d9c" not in output


HOSTILE = {
    "billion-laughs": '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>\n'
                      '<TEI xmlns="http://www.tei-c.org/ns/1.0">&lol2;</TEI>',
    "deep-nesting": '<TEI xmlns="http://www.tei-c.org/ns/1.0">' + "<p>" * 100_000 + "</p>" * 100_000 + "</TEI>",
    "not-tei-root": '<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>',
    "tei-without-namespace": "<TEI><teiHeader/><text/></TEI>",
    "binary-junk": "\x00\x01\x02\xff PK\x03\x04 junk",
}
HOSTILE_WORDS = {
    "billion-laughs": "DOCTYPE or entity declaration is not allowed",
    "deep-nesting": "nested to a depth",
    "not-tei-root": "the root element is <html>",
    "tei-without-namespace": "<TEI> in no namespace",
    "binary-junk": "not well-formed XML",
}


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_input_gets_one_line_and_exit_1(tmp_path, name):
    path = tmp_path / f"{name}.xml"
    path.write_bytes(HOSTILE[name].encode("utf-8", errors="surrogateescape"))
    code, output = run(str(path))
    assert code == 1
    problems = [line for line in output.splitlines() if line.startswith(str(path))]
    assert len(problems) == 1
    assert re.match(rf"{re.escape(str(path))}:\d+:\d+: ", problems[0])
    assert HOSTILE_WORDS[name] in problems[0]
    assert "Traceback" not in output


def test_json_output_parses_and_names_the_problem(tmp_path):
    path = tmp_path / "broken.xml"
    path.write_text(SAMPLE.read_text(encoding="utf-8").replace('<sp who="#flavius">', "<sp>"), encoding="utf-8")
    code, output = run(str(path), str(SAMPLE), "--format", "json")
    report = json.loads(output)
    assert code == 1
    assert report["checked"] == 2 and report["valid"] == 1
    # Flavius no longer speaks either: the second problem, on his person entry.
    problem, unused = report["problems"]
    assert unused["message"].startswith('person "flavius" neither speaks nor is referred to')
    assert problem["file"] == str(path)
    assert problem["line"] == line_and_column(path.read_text(encoding="utf-8"), "<sp>")[0]
    assert problem["message"].startswith("sp without @who")
    assert problem["message"].endswith("[/TEI/text/body/div[2]/sp[1]]")


def test_a_folder_of_many_copies_validates_in_a_pool(tmp_path):
    for index in range(60):
        shutil.copy(SAMPLE, tmp_path / f"copy-{index:02}.xml")
    (tmp_path / "copy-13.xml").write_text(
        SAMPLE.read_text(encoding="utf-8").replace('<sp who="#cobbler">', '<sp who="#nobody">'), encoding="utf-8")
    code, output = run(str(tmp_path), "--jobs", "2")
    assert code == 1
    assert {line.split(":")[0] for line in output.splitlines()[:-1]} == {str(tmp_path / "copy-13.xml")}
    assert '@who="#nobody" points to no person' in output
    assert "60 files checked: 1 with problems (2 problems in all)" in output
    (tmp_path / "copy-13.xml").unlink()
    assert run(str(tmp_path), "--jobs", "2") == (0, "59 files checked: all valid\n")


def test_missing_path_and_empty_folder_are_problems(tmp_path):
    code, output = run(str(tmp_path / "absent.xml"), str(tmp_path))
    assert code == 1
    assert f"{tmp_path / 'absent.xml'}:1:1: no such file or folder" in output
    assert f"{tmp_path}:1:1: folder holds no TEI files (*.xml)" in output


def test_validate_tree_places_problems_in_the_serialisation(validator):
    tree = etree.ElementTree(etree.fromstring(SAMPLE.read_bytes()))
    sp = tree.getroot().find(".//{http://www.tei-c.org/ns/1.0}sp")
    del sp.attrib["who"]
    problem, unused = validator.validate_tree(tree, "memory.xml")
    assert unused.message.startswith('person "john-smith" neither speaks')
    text = etree.tostring(tree, encoding="UTF-8", xml_declaration=True).decode("utf-8")
    assert problem == Problem("memory.xml", *line_and_column(text, '<sp ana="#question">'), problem.message)
    assert str(problem).startswith(f"memory.xml:{problem.line}:{problem.column}: sp without @who")


def test_attribute_problems_point_at_the_attribute(validator, tmp_path):
    text = SAMPLE.read_text(encoding="utf-8").replace('<title level="j">', '<title level="journal">', 1)
    path = tmp_path / "level.xml"
    path.write_text(text, encoding="utf-8")
    [problem] = validator.validate_file(path)
    assert (problem.line, problem.column) == line_and_column(text, 'level="journal"')
    assert problem.message.startswith('@level="journal" on <title> is not an allowed value; allowed: a, m, j, s, u')


@pytest.mark.parametrize("old, new, words", [
    ("<q rend=\"pre(“) post(”)\">opinion</q>", "<q>“opinion”</q>", "q begins with the quotation mark “"),
    ("<p>The staff repeats", "<p/><p>The staff repeats", "empty p: a paragraph must hold text"),
    ("Foreign policy<note", "Foreign policy1<note", 'footnote digits glued to a word ("policy1")'),
    ('<date from="1940-01" to="1940-03">', '<date from="1940-04" to="1940-03">', 'date from="1940-04" to="1940-03" runs backwards'),
    ('<person xml:id="cobbler"><persName>COBBLER</persName></person>',
     '<person xml:id="cobbler"><persName>COBBLER</persName></person><person xml:id="ghost"><persName>Ghost</persName></person>',
     'person "ghost" neither speaks nor is referred to'),
    ('ana="#answer"', 'ana="#question #answer"', '@ana="#question #answer" on <sp> is not an allowed value'),
    ('<note place="foot" n="1">', '<note place="foot">', "footnote without @n"),
    ("<head>The Soviet-Finnish War</head>", "<head>A Sample Interview</head>",
     'the heading "A Sample Interview" repeats the work\'s title'),
])
def test_rules_beyond_the_grammar(validator, tmp_path, old, new, words):
    text = SAMPLE.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "rule.xml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    messages = [problem.message for problem in validator.validate_file(path)]
    assert any(message.startswith(words) for message in messages), messages


def test_sic_keeps_the_source_error_without_a_glued_digit_complaint(validator):
    """sample.xml has <sic>incomparab1y</sic>: the source's own error, kept on purpose."""
    assert "incomparab1y" in SAMPLE.read_text(encoding="utf-8")
    assert validator.validate_file(SAMPLE) == []


@pytest.mark.skipif(not shutil.which("jing"), reason="jing is not installed (Debian package jing)")
@pytest.mark.skipif(not TEI_ALL.exists(), reason=f"the official schema is absent ({TEI_ALL})")
def test_cli_tei_all_reports_at_the_line_of_the_file(tmp_path):
    """jing reads a safe copy holding only the root element; its lines are mapped back to the file."""
    text = SAMPLE.read_text(encoding="utf-8").replace("<p>Prose between turns,", "<p>Prose <verse>between</verse> turns,")
    path = tmp_path / "verse.xml"
    path.write_text(text, encoding="utf-8")
    code, output = run(str(path), "--tei-all")
    line, _ = line_and_column(text, "<verse>")
    assert code == 1
    assert re.search(rf'{re.escape(str(path))}:{line}:\d+: tei_all: element "verse" not allowed anywhere', output)


def test_start_tags_in_comments_do_not_mislead_the_column(validator):
    """A comment holding "<sp" (over several lines) neither shifts the count of sp nor the lines."""
    text = SAMPLE.read_text(encoding="utf-8").replace(
        '<text type="interview">', '<!-- an old\n<sp who="#x">\nturn -->\n<text type="interview">').replace(
        '<sp who="#cobbler">', "<sp>")
    problem = validator.validate_bytes(text.encode("utf-8"), "commented.xml")[0]
    assert (problem.line, problem.column) == line_and_column(text, "<sp>")
    assert problem.message.startswith("sp without @who")
