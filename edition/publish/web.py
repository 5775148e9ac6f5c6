"""The web edition: every TEI text through xslt/web/web.xsl into a static site with a search index.

The stylesheet is compiled once per worker process (pool initializer) and applied to every text;
the index and persons pages need all texts at once, so they are made from one collection
document (`<ed:collection><ed:text stem="STEM"><TEI>…</TEI></ed:text>…`) built from the same
safely parsed trees. No HTML is made here: pages come from the stylesheet as strings and are
written whole (temporary file, then rename).
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from edition.xmlsafe import XMLProblem, read_tei

XSLT_DIR = Path(__file__).resolve().parents[2] / "xslt" / "web"
STYLESHEET = XSLT_DIR / "web.xsl"
STATIC_DIR = XSLT_DIR / "static"
ED_NS = "urn:edition"
#: pages made from the collection of all texts: file name → stylesheet mode
COLLECTION_PAGES = {"index.html": "index", "persons.html": "persons"}


@dataclass(frozen=True)
class Text:
    """One TEI file that parsed safely: its stem, where it came from, and its serialised tree."""

    path: Path
    stem: str
    xml: bytes


def build_web(tei_files: list[Path], out_dir: Path, jobs: int, report: Callable[[str], None]) -> bool:
    """Write the web edition of `tei_files` into `out_dir`; False if any file failed.

    A file that cannot be read or transformed is reported as `FILE: message` and left out; the
    rest of the site (its other pages, the index, the search) is still built.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    texts, read_ok = _read_texts(tei_files, report)
    _copy_static(out_dir)
    started = time.perf_counter()
    written, render_ok = _render_pages(texts, out_dir, jobs, report)
    _remove_stale(out_dir, written)
    elapsed = time.perf_counter() - started
    report(f"web: {len(texts)} {'text' if len(texts) == 1 else 'texts'} → {out_dir} in {elapsed:.1f} s")
    return _index_search(out_dir, report) and read_ok and render_ok


def _render_pages(texts: list[Text], out_dir: Path, jobs: int,
                  report: Callable[[str], None]) -> tuple[set[Path], bool]:
    """Every text's page and TEI copy, then the index and persons pages, in worker processes.

    Returns the files written and whether every page could be made.
    """
    ok, written = True, set()
    with ProcessPoolExecutor(max_workers=max(1, min(jobs, len(texts) + len(COLLECTION_PAGES))),
                             mp_context=multiprocessing.get_context("spawn"),
                             initializer=_start_worker) as pool:
        # (the page to write, the file to blame if it fails, the TEI to offer beside it, its HTML)
        pending: list[tuple[Path, Path, bytes | None, Future]] = [
            (out_dir / f"{text.stem}.html", text.path, text.xml, pool.submit(_text_page, text.xml, text.stem))
            for text in texts]
        collection = _collection(texts)
        pending += [(out_dir / name, out_dir / name, None, pool.submit(_collection_page, collection, mode))
                    for name, mode in COLLECTION_PAGES.items()]
        for target, source, tei, future in pending:
            html, error = _outcome(future)
            if error:
                report(f"{source}: {error}")
                ok = False
                continue
            _write(target, html.encode("utf-8"))
            written.add(target)
            if tei is not None:
                _write(target.with_suffix(".xml"), tei)
                written.add(target.with_suffix(".xml"))
    return written, ok


def _outcome(future: Future) -> tuple[str | None, str | None]:
    """A page's HTML, or why there is none (a worker process that died takes its pages with it)."""
    try:
        return future.result()
    except BrokenProcessPool:
        return None, "the XSLT worker process stopped unexpectedly (crashed or was killed)"


def _read_texts(tei_files: list[Path], report: Callable[[str], None]) -> tuple[list[Text], bool]:
    """Parse every file safely; report the ones that cannot be read."""
    texts, ok = [], True
    for path in tei_files:
        try:
            tree = read_tei(path)
        except XMLProblem as problem:
            report(str(problem))
            ok = False
            continue
        texts.append(Text(path, path.stem, etree.tostring(tree, xml_declaration=True, encoding="UTF-8")))
    return texts, ok


def _collection(texts: list[Text]) -> bytes:
    """One document holding every text, for the pages that list them all."""
    root = etree.Element(f"{{{ED_NS}}}collection", nsmap={"ed": ED_NS})
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    for text in texts:
        item = etree.SubElement(root, f"{{{ED_NS}}}text", stem=text.stem)
        # The bytes are lxml's own serialisation of an already checked tree: no DOCTYPE, no entities.
        item.append(etree.fromstring(text.xml, parser))
    return etree.tostring(root, encoding="UTF-8")


def _remove_stale(out_dir: Path, current: set[Path]) -> None:
    """Delete pages and TEI copies of texts no longer built (removed, renamed or failed), and the
    old search index, so that neither the site nor its search offers a text that is not there."""
    for path in [*out_dir.glob("*.html"), *out_dir.glob("*.xml")]:
        if path not in current:
            path.unlink()
    shutil.rmtree(out_dir / "pagefind", ignore_errors=True)


def _copy_static(out_dir: Path) -> None:
    """The stylesheets and script every page links to (static/…)."""
    target = out_dir / "static"
    target.mkdir(exist_ok=True)
    for source in sorted(STATIC_DIR.iterdir()):
        _write(target / source.name, source.read_bytes())


def _index_search(out_dir: Path, report: Callable[[str], None]) -> bool:
    """Run Pagefind over the written pages: it writes out_dir/pagefind/ (index and search UI)."""
    result = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(out_dir)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        report(f"{out_dir}: pagefind failed: {(result.stderr or result.stdout).strip()}")
        return False
    return True


def _write(path: Path, data: bytes) -> None:
    """Write all of `data` or nothing: a temporary file beside `path`, then a rename."""
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


# --- worker side: one saxonche processor and compiled stylesheet per process -----------------

_worker: dict = {}


def _start_worker() -> None:
    """Compile web.xsl once for this process (pool initializer)."""
    from saxonche import PySaxonProcessor

    processor = PySaxonProcessor(license=False)
    compiler = processor.new_xslt30_processor()
    _worker["processor"] = processor
    _worker["stylesheet"] = compiler.compile_stylesheet(stylesheet_file=str(STYLESHEET))


def _text_page(xml: bytes, stem: str) -> tuple[str | None, str | None]:
    """The HTML page of one text, or the stylesheet's error message."""
    from saxonche import PySaxonApiError

    processor, stylesheet = _worker["processor"], _worker["stylesheet"]
    try:
        document = processor.parse_xml(xml_text=xml.decode("utf-8"))
        stylesheet.set_parameter("stem", processor.make_string_value(stem))
        stylesheet.set_initial_mode("Q{http://www.w3.org/1999/XSL/Transform}unnamed")
        return stylesheet.apply_templates_returning_string(xdm_value=document), None
    except PySaxonApiError as error:
        return None, str(error)


def _collection_page(collection: bytes, mode: str) -> tuple[str | None, str | None]:
    """The index or persons page, made from the collection of all texts."""
    from saxonche import PySaxonApiError

    processor, stylesheet = _worker["processor"], _worker["stylesheet"]
    try:
        document = processor.parse_xml(xml_text=collection.decode("utf-8"))
        stylesheet.set_initial_mode(mode)
        return stylesheet.apply_templates_returning_string(xdm_value=document), None
    except PySaxonApiError as error:
        return None, str(error)
