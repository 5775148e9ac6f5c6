"""Hostile XML given to `edition text`, `edition validate` and `edition build`: refused, nothing read.

Every case is a file that a careless XML parser would turn against the machine: entities reading
a local file (a secret planted in tmp_path) or a URL (a listening socket on 127.0.0.1 that must
never be contacted), billion laughs, an external DTD, nesting 100,000 deep, and files that are no
TEI at all. Each command must refuse each file with a message naming it, exit non-zero, and never
show the secret, in its output or in any file it writes. The build must refuse them before XSLT
runs: saxonche's own parser would resolve the entities.
"""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from conftest import ROOT

SAMPLE = ROOT / "tests" / "fixtures" / "sample.xml"
SECRET = "SECRET-7f3a9c-never-to-be-read"
TEI_NS = "http://www.tei-c.org/ns/1.0"


class Listener:
    """A TCP port on 127.0.0.1 that records whether anything connected to it."""

    def __init__(self) -> None:
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.socket.settimeout(0.2)
        self.port = self.socket.getsockname()[1]
        self.contacted = False
        self._open = True
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while self._open:
            try:
                connection, _ = self.socket.accept()
            except OSError:
                continue
            self.contacted = True
            connection.close()

    def close(self) -> None:
        self._open = False
        self._thread.join()
        self.socket.close()


def _sample_with(doctype: str, in_body: str) -> bytes:
    """The sample TEI with a DOCTYPE before its root and `in_body` inside its first body paragraph."""
    text = SAMPLE.read_text(encoding="utf-8")
    root = text.index("<TEI")
    paragraph = text.index("<p>", text.index("<body>")) + len("<p>")
    return (text[:root] + doctype + "\n" + text[root:paragraph] + in_body + text[paragraph:]).encode("utf-8")


def _documents(folder: Path, port: int) -> dict[str, bytes]:
    """Every hostile document, pointing at the secret file and the listening port."""
    secret = folder / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    dtd = folder / "evil.dtd"
    dtd.write_text(f'<!ENTITY xxe SYSTEM "{secret.as_uri()}">\n', encoding="utf-8")
    laughs = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">' for n in range(1, 10))
    deep = 100_000
    return {
        "file-entity": _sample_with(f'<!DOCTYPE TEI [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>', "&xxe;"),
        "network-entity": _sample_with(f'<!DOCTYPE TEI [<!ENTITY web SYSTEM "http://127.0.0.1:{port}/x">]>', "&web;"),
        "billion-laughs": _sample_with(f"<!DOCTYPE TEI [{laughs}]>", "&lol9;"),
        "external-dtd": _sample_with(f'<!DOCTYPE TEI SYSTEM "{dtd.as_uri()}">', "&xxe;"),
        "network-dtd": _sample_with(f'<!DOCTYPE TEI SYSTEM "http://127.0.0.1:{port}/evil.dtd">', "&xxe;"),
        "late-doctype": _sample_with("<!--" + " " * 5000 + f'-->\n<!DOCTYPE TEI SYSTEM "{dtd.as_uri()}">', "&xxe;"),
        "deep-nesting": (f'<TEI xmlns="{TEI_NS}"><text><body>' + "<div>" * deep + "<p>deep</p>"
                         + "</div>" * deep + "</body></text></TEI>").encode(),
        "not-tei-root": b'<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>\n',
        "tei-without-namespace": SAMPLE.read_bytes().replace(f' xmlns="{TEI_NS}"'.encode(), b"", 1),
    }


CASES = {
    "file-entity": "DOCTYPE or entity declaration is not allowed",
    "network-entity": "DOCTYPE or entity declaration is not allowed",
    "billion-laughs": "DOCTYPE or entity declaration is not allowed",
    "external-dtd": "DOCTYPE or entity declaration is not allowed",
    "network-dtd": "DOCTYPE or entity declaration is not allowed",
    "late-doctype": "DOCTYPE or entity declaration is not allowed",
    "deep-nesting": "depth",
    "not-tei-root": "the root element is <html> in namespace http://www.w3.org/1999/xhtml",
    "tei-without-namespace": "the root element is <TEI> in no namespace",
}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> tuple[Path, Listener]:
    """A folder of hostile TEI files (STEM.xml), with the listener they point at."""
    folder = tmp_path_factory.mktemp("hostile")
    listener = Listener()
    (folder / "tei").mkdir()
    for name, data in _documents(folder, listener.port).items():
        (folder / "tei" / f"{name}.xml").write_bytes(data)
    yield folder, listener
    listener.close()


def _run(*args: str | Path) -> Result:
    from edition.cli import main

    result = CliRunner().invoke(main, list(map(str, args)))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def _assert_refused(result_output: str, exit_code: int, path: Path, says: str) -> None:
    assert exit_code != 0
    assert "Traceback" not in result_output
    assert SECRET not in result_output
    named = [line for line in result_output.splitlines() if str(path) in line]
    assert named, result_output
    assert any(says in line for line in named), named


@pytest.mark.parametrize("name", CASES)
def test_text_refuses_hostile_xml(hostile, name: str) -> None:
    folder, listener = hostile
    path = folder / "tei" / f"{name}.xml"
    result = _run("text", path)
    _assert_refused(result.output, result.exit_code, path, CASES[name])
    assert result.stdout == ""
    assert not listener.contacted


@pytest.mark.parametrize("name", CASES)
def test_validate_refuses_hostile_xml(hostile, name: str) -> None:
    folder, listener = hostile
    path = folder / "tei" / f"{name}.xml"
    result = _run("validate", path, "-j", "1")
    _assert_refused(result.output, result.exit_code, path, CASES[name])
    assert not listener.contacted


@pytest.fixture(scope="module")
def web_build(hostile) -> tuple[Path, Path, subprocess.CompletedProcess]:
    """`edition build --only web`, run once over every hostile file, a good text and one with a script link."""
    folder, _ = hostile
    tei = folder / "build-input"
    shutil.copytree(folder / "tei", tei)
    shutil.copy(SAMPLE, tei / "good.xml")
    (tei / "script-link.xml").write_bytes(_sample_with("", '<ref target="javascript:alert(document.cookie)">Click '
                                                           "here</ref> "))
    out = folder / "build"
    result = subprocess.run([sys.executable, "-m", "edition", "build", "--tei", str(tei), "-o", str(out),
                             "--only", "web", "--jobs", "2"], capture_output=True, text=True, cwd=ROOT)
    return tei, out, result


@pytest.mark.parametrize("name", CASES)
def test_build_refuses_hostile_xml_before_any_xslt(hostile, web_build, name: str) -> None:
    """The file is refused by the safe parser, so no page is made of it."""
    _, listener = hostile
    tei, out, result = web_build
    _assert_refused(result.stderr + result.stdout, result.returncode, tei / f"{name}.xml", CASES[name])
    assert not (out / "web" / f"{name}.html").exists()
    assert not (out / "web" / f"{name}.xml").exists()
    assert not listener.contacted


def test_build_still_publishes_the_good_text_and_leaks_nothing(web_build) -> None:
    _, out, result = web_build
    assert "Traceback" not in result.stderr
    assert "A Sample Interview" in (out / "web" / "good.html").read_text(encoding="utf-8")
    assert 'href="good.html"' in (out / "web" / "index.html").read_text(encoding="utf-8")
    _assert_no_secret_under(out)


def test_a_script_link_in_valid_tei_never_becomes_a_link(web_build) -> None:
    """A ref to javascript: is valid TEI (@target is any URI), but the web page shows it as text only."""
    _, out, _ = web_build
    page = (out / "web" / "script-link.html").read_text(encoding="utf-8")
    assert "Click here" in page
    assert "javascript:" not in page


def _assert_no_secret_under(folder: Path) -> None:
    for path in folder.rglob("*"):
        if path.is_file():
            assert SECRET.encode() not in path.read_bytes(), path


def test_an_xinclude_of_a_local_file_is_never_followed(hostile, tmp_path: Path) -> None:
    """XInclude is no entity: a parser follows it only when asked, and no command may ask."""
    folder, _ = hostile
    include = f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{(folder / "secret.txt").as_uri()}" ' \
              'parse="text"/>'
    tei = tmp_path / "tei"
    tei.mkdir()
    (tei / "include.xml").write_bytes(_sample_with("", include))
    text, validate = _run("text", tei / "include.xml"), _run("validate", tei / "include.xml", "-j", "1")
    assert SECRET not in text.output + validate.output
    assert validate.exit_code == 1 and f"{tei / 'include.xml'}:" in validate.output
    build = subprocess.run([sys.executable, "-m", "edition", "build", "--tei", str(tei), "-o", str(tmp_path / "out"),
                            "--only", "web", "--jobs", "1"], capture_output=True, text=True, cwd=ROOT)
    assert "Traceback" not in build.stderr and SECRET not in build.stderr + build.stdout
    assert (tmp_path / "out" / "web").is_dir()
    _assert_no_secret_under(tmp_path / "out")


def test_saxonche_is_only_ever_given_text_serialised_from_a_safe_tree() -> None:
    """No module hands saxonche a file name or a URI: its parser would resolve entities (TOOLCHAIN.md)."""
    unsafe = re.compile(r"\b(xml_file_name|xml_uri|source_file)\s*=")
    for module in sorted((ROOT / "edition").rglob("*.py")):
        assert not unsafe.search(module.read_text(encoding="utf-8")), module
