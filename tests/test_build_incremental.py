"""Rebuilding the web edition by content: unchanged texts are not made again, changed ones are.

A page that is rewritten gets a new inode (pages are written to a temporary file and renamed),
so an unchanged inode and modification time prove a page was left alone.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner
from lxml import etree, html

from edition.commands.build import command as build_command
from edition.publish.web import MANIFEST, build_web
from edition.xmlsafe import TEI_NS

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "tests" / "fixtures" / "sample.xml"


def corpus(folder: Path) -> list[Path]:
    """Three texts: the sample and two copies under other titles (real TEI of every construct)."""
    folder.mkdir()
    shutil.copy(SAMPLE, folder / "alpha.xml")
    for stem in ("beta", "gamma"):
        tree = etree.parse(str(SAMPLE))
        tree.find(f".//{{{TEI_NS}}}title").text = f"{stem.title()} copy"
        tree.write(str(folder / f"{stem}.xml"), xml_declaration=True, encoding="UTF-8")
    return sorted(folder.glob("*.xml"))


def build(tei: list[Path], out: Path, jobs: int = 2) -> list[str]:
    messages: list[str] = []
    assert build_web(tei, out, jobs=jobs, report=messages.append), messages
    return messages


def stamps(out: Path) -> dict[str, tuple[int, int]]:
    """Every file of the site: its inode and modification time (ns)."""
    return {str(path.relative_to(out)): (path.stat().st_ino, path.stat().st_mtime_ns)
            for path in sorted(out.rglob("*")) if path.is_file()}


def contents(out: Path) -> dict[str, bytes]:
    """The pages, TEI copies and manifest (the search index is Pagefind's, not ours)."""
    return {path.name: path.read_bytes() for path in sorted(out.iterdir()) if path.is_file()}


def correct(path: Path, words: bytes) -> None:
    """Add words at the end of the first paragraph of the body, as an editor's correction would."""
    data = path.read_bytes()
    end = data.index(b"</p>", data.index(b"<body"))
    path.write_bytes(data[:end] + words + data[end:])


def test_a_second_build_rewrites_nothing(tmp_path):
    tei, out = corpus(tmp_path / "tei"), tmp_path / "web"
    build(tei, out)
    before = stamps(out)
    messages = build(tei, out)
    assert stamps(out) == before
    assert messages == [f"web: 3 texts unchanged → {out}"]


def test_changing_one_text_makes_exactly_its_page_and_the_shared_pages_again(tmp_path):
    tei, out = corpus(tmp_path / "tei"), tmp_path / "web"
    build(tei, out)
    before = stamps(out)
    correct(tmp_path / "tei" / "beta.xml", b" Corrected by the editor.")
    build(tei, out)
    after = stamps(out)
    rewritten = {name for name in before if name in after and after[name] != before[name]
                 and "/" not in name}
    assert rewritten == {"beta.html", "beta.xml", "index.html", "persons.html", MANIFEST}
    assert "Corrected by the editor." in html.parse(str(out / "beta.html")).getroot().text_content()
    assert "Corrected by the editor." not in (out / "alpha.html").read_text(encoding="utf-8")
    assert before["static/edition.css"] == after["static/edition.css"]


def test_an_incremental_build_equals_a_build_from_scratch_for_any_jobs(tmp_path):
    tei, out = corpus(tmp_path / "tei"), tmp_path / "web"
    build(tei, out, jobs=2)
    correct(tmp_path / "tei" / "gamma.xml", b" A late addition.")
    build(tei, out, jobs=2)
    for jobs in (1, 2):
        scratch = tmp_path / f"scratch-{jobs}"
        build(tei, scratch, jobs=jobs)
        assert contents(scratch) == contents(out), jobs


def test_the_manifest_records_each_text_by_the_hash_of_its_bytes(tmp_path):
    import hashlib

    tei, out = corpus(tmp_path / "tei"), tmp_path / "web"
    build(tei, out)
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["pages"] == {path.stem: hashlib.sha256(path.read_bytes()).hexdigest() for path in tei}


def test_new_stylesheets_make_every_page_again(tmp_path):
    tei, out = corpus(tmp_path / "tei"), tmp_path / "web"
    build(tei, out)
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    (out / MANIFEST).write_text(json.dumps({**manifest, "stylesheets": "an older web.xsl"}), encoding="utf-8")
    before = stamps(out)
    build(tei, out)
    after = stamps(out)
    assert all(after[f"{path.stem}.html"] != before[f"{path.stem}.html"] for path in tei)


def test_a_touched_but_unchanged_text_is_not_made_again(tmp_path):
    import os

    tei, out = corpus(tmp_path / "tei"), tmp_path / "web"
    build(tei, out)
    before = stamps(out)
    os.utime(tmp_path / "tei" / "alpha.xml", ns=(1, 1))  # a checkout or copy changes times, not bytes
    build(tei, out)
    assert stamps(out) == before


def test_a_deleted_page_is_made_again_and_a_removed_text_leaves_the_site(tmp_path):
    tei, out = corpus(tmp_path / "tei"), tmp_path / "web"
    build(tei, out)
    (out / "alpha.html").unlink()
    (tmp_path / "tei" / "gamma.xml").unlink()
    build(sorted((tmp_path / "tei").glob("*.xml")), out)
    assert (out / "alpha.html").is_file()
    assert not (out / "gamma.html").exists() and not (out / "gamma.xml").exists()
    index = html.parse(str(out / "index.html")).getroot()
    assert "gamma.html" not in {link.get("href") for link in index.iter("a")}
    assert set(json.loads((out / MANIFEST).read_text(encoding="utf-8"))["pages"]) == {"alpha", "beta"}


def test_a_text_that_fails_is_tried_again_at_the_next_build(tmp_path):
    tei, out = corpus(tmp_path / "tei"), tmp_path / "web"
    good = (tmp_path / "tei" / "beta.xml").read_bytes()
    (tmp_path / "tei" / "beta.xml").write_bytes(b"<TEI")
    messages: list[str] = []
    assert not build_web(tei, out, jobs=2, report=messages.append)
    assert "beta" not in json.loads((out / MANIFEST).read_text(encoding="utf-8"))["pages"]
    (tmp_path / "tei" / "beta.xml").write_bytes(good)
    build(tei, out)
    assert (out / "beta.html").is_file()


def test_the_command_shows_no_progress_bar_when_not_on_a_terminal(tmp_path):
    corpus(tmp_path / "tei")
    shutil.copy(SAMPLE, tmp_path / "tei" / "delta.xml")
    result = CliRunner().invoke(build_command, ["--tei", str(tmp_path / "tei"), "-o", str(tmp_path / "out"),
                                                "--only", "web", "--jobs", "2"])
    assert result.exit_code == 0, result.output
    assert "web pages" not in result.output and "%" not in result.output
    assert (tmp_path / "out" / "web" / "delta.html").is_file()


def test_a_failed_search_index_is_made_again_at_the_next_build(tmp_path, monkeypatch):
    import sys

    tei, out = corpus(tmp_path / "tei"), tmp_path / "web"
    build(tei, out)
    correct(tmp_path / "tei" / "alpha.xml", b" Once more.")
    with monkeypatch.context() as patch:
        patch.setattr(sys, "executable", "/bin/false")  # `python -m pagefind` fails (spawned workers keep theirs)
        messages: list[str] = []
        assert not build_web(tei, out, jobs=2, report=messages.append)
    assert any("pagefind failed" in message for message in messages), messages
    assert json.loads((out / MANIFEST).read_text(encoding="utf-8"))["complete"] is False
    before = stamps(out)
    build(tei, out)
    assert json.loads((out / "pagefind" / "shards.json").read_text(encoding="utf-8"))
    assert stamps(out)["alpha.html"] == before["alpha.html"]  # its page was made already
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["complete"] is True and set(manifest["pages"]) == {"alpha", "beta", "gamma"}


def test_a_build_stopped_half_way_is_finished_by_the_next(tmp_path, monkeypatch):
    import pytest

    from edition.publish import web

    tei, out = corpus(tmp_path / "tei"), tmp_path / "web"
    build(tei, out)
    original = (tmp_path / "tei" / "beta.xml").read_bytes()
    correct(tmp_path / "tei" / "beta.xml", b" Stopped.")

    def stopped(*arguments):
        """Killed just after writing the changed text's page."""
        (out / "beta.html").write_text("<html><body>Stopped.</body></html>", encoding="utf-8")
        raise KeyboardInterrupt

    with monkeypatch.context() as patch:
        patch.setattr(web, "_render_pages", stopped)
        with pytest.raises(KeyboardInterrupt):
            build_web(tei, out, jobs=2, report=print)
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["complete"] is False and set(manifest["pages"]) == {"alpha", "gamma"}
    (tmp_path / "tei" / "beta.xml").write_bytes(original)  # the editor takes the change back
    build(tei, out)
    assert "Stopped." not in (out / "beta.html").read_text(encoding="utf-8")
    assert json.loads((out / MANIFEST).read_text(encoding="utf-8"))["complete"] is True


def test_only_the_search_shard_of_the_changed_text_is_indexed_again(tmp_path):
    from edition.publish.web import _shard

    tei, out = corpus(tmp_path / "tei"), tmp_path / "web"
    build(tei, out)
    before = stamps(out)
    correct(tmp_path / "tei" / "beta.xml", b" Indexed again.")
    build(tei, out)
    after = stamps(out)
    shards = json.loads((out / "pagefind" / "shards.json").read_text(encoding="utf-8"))
    assert shards == sorted({str(_shard(stem)) for stem in ("alpha", "beta", "gamma")}, key=int)
    for shard in shards:
        files = [name for name in before if name.startswith(f"pagefind/{shard}/")]
        kept = all(after.get(name) == before[name] for name in files)
        assert kept == (shard != str(_shard("beta"))), shard


def test_a_search_index_split_otherwise_is_made_again_whole(tmp_path, monkeypatch):
    from edition.publish import web

    tei, out = corpus(tmp_path / "tei"), tmp_path / "web"
    build(tei, out)
    before = stamps(out)
    monkeypatch.setattr(web, "SEARCH_SHARDS", 3)
    build(tei, out)
    after = stamps(out)
    shards = json.loads((out / "pagefind" / "shards.json").read_text(encoding="utf-8"))
    assert shards == sorted({str(web._shard(stem)) for stem in ("alpha", "beta", "gamma")}, key=int)
    assert {name.split("/")[1] for name in after if name.startswith("pagefind/") and name.count("/") > 1} <= set(shards)
    assert after["alpha.html"] == before["alpha.html"]  # the pages themselves were still current


def test_a_pdf_rebuild_makes_only_the_changed_text_and_the_volume(tmp_path):
    """The print edition keeps its own manifest: an unchanged text's PDF is not typeset again."""
    from edition.publish.pdf import build_pdf

    tei, out = corpus(tmp_path / "tei"), tmp_path / "pdf"
    messages: list[str] = []
    assert build_pdf(tei, out, jobs=2, report=messages.append), messages
    first = stamps(out)
    assert build_pdf(tei, out, jobs=2, report=messages.append), messages
    assert stamps(out) == first
    assert messages[-1].startswith("pdf: 4 PDFs unchanged")
    correct(tei[1], b" (corrected)")
    assert build_pdf(tei, out, jobs=2, report=messages.append), messages
    again = stamps(out)
    changed = {name for name in first if again.get(name) != first[name]}
    assert changed == {"beta.pdf", "volume.pdf", ".manifest.json"}
