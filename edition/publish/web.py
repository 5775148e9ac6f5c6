"""The web edition: every TEI text through xslt/web/web.xsl into a static site with a search index.

The stylesheet is compiled once per worker process (pool initializer) and applied to every text;
the index and persons pages need all texts at once, so they are made from one collection
document (`<ed:collection><ed:text stem="STEM"><TEI>…</TEI></ed:text>…`) built from the same
safely parsed trees. Those two pages read only the header, the attributes of <text> and the
turns (<sp> with its <speaker>), so each text enters the collection as that summary: a quarter
of its size, which is what parsing the collection costs in every rebuild. No HTML is made here:
pages come from the stylesheet as strings and are written whole (temporary file, then rename).

Rebuilds are incremental, by content: WEB/.manifest.json (WEB: the web edition's folder, OUT/web/
for `edition build`) keeps a hash of every text's TEI bytes and one of the stylesheets. A text
whose bytes, stylesheets and page are unchanged is not transformed again and its page is not
rewritten; when anything changed, the index and persons pages and the search index are made anew
(they depend on every text). File times are not trusted: a copy, a checkout or a clock can
change them without changing a byte.

The search index is split in SEARCH_SHARDS Pagefind bundles (WEB/pagefind/N/), a text's shard
fixed by its stem; the search page merges them in the browser (static/edition.js reads the list
from WEB/pagefind/shards.json). Pagefind has no incremental mode, so a rebuild indexes again only
the shards holding a text that changed, came or went: for 1,000 texts, some 125 pages instead of
1,000.
"""

from __future__ import annotations

import copy
import hashlib
import json
import multiprocessing
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import quoteattr

from lxml import etree

from edition.files import write_atomically
from edition.xmlsafe import TEI_NS, XMLProblem, parse_tei

XSLT_DIR = Path(__file__).resolve().parents[2] / "xslt" / "web"
STYLESHEET = XSLT_DIR / "web.xsl"
STATIC_DIR = XSLT_DIR / "static"
#: every file the pages depend on besides the TEI: web.xsl, what it imports, the static files
STYLESHEET_DIRS = (XSLT_DIR, XSLT_DIR.parent / "common")
ED_NS = "urn:edition"
DECLARATION = b"<?xml version='1.0' encoding='UTF-8'?>\n"
#: pages made from the collection of all texts: file name → stylesheet mode
COLLECTION_PAGES = {"index.html": "index", "persons.html": "persons"}
MANIFEST = ".manifest.json"
#: Pages of the edition itself: a text with one of these names would overwrite them.
RESERVED_STEMS = {"index", "persons"}
SEARCH_DIR = "pagefind"
SEARCH_SHARDS = 8
#: the search box's script and style, loaded by the index page from WEB/pagefind/
SEARCH_UI = ("pagefind-ui.js", "pagefind-ui.css")

#: How a publisher shows a long batch advancing: given the items and their number, it yields
#: the same items (a command wraps them in a progress bar on a terminal).
Progress = Callable[[Iterable, int], Iterable]


def _no_progress(items: Iterable, total: int) -> Iterable:
    return items


@dataclass(frozen=True)
class Text:
    """One TEI file that parsed safely: its stem, where it came from, its root element as lxml
    serialises it (no declaration, no DOCTYPE, no entities), the hash of the file's bytes, and
    the summary the index and persons pages are made from (serialised the same way)."""

    path: Path
    stem: str
    xml: bytes
    digest: str
    summary: bytes


def build_web(tei_files: list[Path], out_dir: Path, jobs: int, report: Callable[[str], None],
              progress: Progress = _no_progress) -> bool:
    """Write the web edition of `tei_files` into `out_dir`; False if any file failed.

    A file that cannot be read or transformed is reported as `FILE: message` and left out; the
    rest of the site (its other pages, the index, the search) is still built. Only the texts
    that changed since the last build are transformed again (see the module's docstring).
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    sources, read_ok = _read_sources(tei_files, report)
    stylesheets = _stylesheets_digest()
    plan = _plan(sources, out_dir, stylesheets)
    if plan.up_to_date and read_ok:
        report(f"web: {len(sources)} {_texts(len(sources))} unchanged → {out_dir}")
        return True
    texts, parse_ok = _parse_texts(sources, report)
    _copy_static(out_dir)
    unchanged = {text.stem: text.digest for text in texts if text.stem not in plan.changed}
    write_atomically(out_dir / MANIFEST, _manifest(stylesheets, unchanged, complete=False))
    if not plan.complete:  # whatever an unfinished or older build left in the search folder goes
        shutil.rmtree(out_dir / SEARCH_DIR, ignore_errors=True)
    rendered = _render_pages(texts, plan, out_dir, jobs, report, progress)
    pages, finished = rendered.text_pages_done - started, time.perf_counter() - started
    made = len(rendered.written & {out_dir / f"{stem}.html" for stem in plan.changed})
    report(f"web: {len(texts)} {_texts(len(texts))} → {out_dir}: {made} text {'page' if made == 1 else 'pages'} "
           f"made in {pages:.1f} s; index, persons and search index {finished - pages:.1f} s more")
    present = rendered.written | rendered.kept
    built = {text.stem: text.digest for text in texts if out_dir / f"{text.stem}.html" in present}
    # without its search index the site is not complete: the next build makes it again
    write_atomically(out_dir / MANIFEST, _manifest(stylesheets, built, complete=rendered.search_ok))
    return rendered.search_ok and read_ok and parse_ok and rendered.pages_ok


def _texts(count: int) -> str:
    return "text" if count == 1 else "texts"


@dataclass(frozen=True)
class Plan:
    """What a build must do, from the manifest: the texts whose pages must be made (changed,
    new, or their page or TEI copy missing), the search shards to index again, whether the last
    build finished, and whether there is nothing to do at all."""

    changed: set[str]
    shards: set[int]
    complete: bool
    up_to_date: bool


def _plan(sources: Sources, out_dir: Path, stylesheets: str) -> Plan:
    built, complete = _read_manifest(out_dir, stylesheets)
    stems = {path.stem for path in sources}
    changed = {path.stem for path, (_, digest) in sources.items()
               if built.get(path.stem) != digest or not (out_dir / f"{path.stem}.html").exists()
               or not (out_dir / f"{path.stem}.xml").exists()}
    gone = set(built) - stems
    shards = {_shard(stem) for stem in changed | gone} if complete else set(range(SEARCH_SHARDS))
    return Plan(changed, shards, complete, complete and not changed and set(built) == stems)


@dataclass(frozen=True)
class Rendered:
    """What _render_pages did: the files written, those left as they were, whether every page
    and the search index could be made, and when (perf_counter) the last text page was written."""

    written: set[Path]
    kept: set[Path]
    pages_ok: bool
    search_ok: bool
    text_pages_done: float


def _render_pages(texts: list[Text], plan: Plan, out_dir: Path, jobs: int,
                  report: Callable[[str], None], progress: Progress) -> Rendered:
    """The page and TEI copy of each changed text, then the index and persons pages (from all
    texts), in worker processes. Only text pages are searchable, so the search index is made
    from them while the workers make the index and persons pages.
    """
    fresh = [text for text in texts if text.stem in plan.changed]
    kept = {out_dir / f"{text.stem}.{suffix}" for text in texts if text.stem not in plan.changed
            for suffix in ("html", "xml")}
    ok, written = True, set()
    with ProcessPoolExecutor(max_workers=max(1, min(jobs, len(fresh) + len(COLLECTION_PAGES))),
                             mp_context=multiprocessing.get_context("spawn"),
                             initializer=_start_worker) as pool:
        # (the page to write, the file to blame if it fails, the TEI to offer beside it, its HTML)
        pending: list[tuple[Path, Path, bytes | None, Future]] = [
            (out_dir / f"{text.stem}.html", text.path, DECLARATION + text.xml,
             pool.submit(_text_page, text.xml, text.stem)) for text in fresh]
        collection = _collection(texts)
        pending += [(out_dir / name, out_dir / name, None, pool.submit(_collection_page, collection, mode))
                    for name, mode in COLLECTION_PAGES.items()]
        for number, (target, source, tei, future) in enumerate(progress(pending, len(pending))):
            if number == len(fresh):  # every text page is written: index them meanwhile
                text_pages_done = time.perf_counter()
                search = _start_search(out_dir, written | kept, plan.shards, jobs)
            html, error = _outcome(future)
            if error:
                report(f"{source}: {error}")
                target.unlink(missing_ok=True)
                ok = False
                continue
            write_atomically(target, html.encode("utf-8"))
            written.add(target)
            if tei is not None:
                write_atomically(target.with_suffix(".xml"), tei)
                written.add(target.with_suffix(".xml"))
    return Rendered(written, kept, ok, _finish_search(search, out_dir, report), text_pages_done)


def _outcome(future: Future) -> tuple[str | None, str | None]:
    """A page's HTML, or why there is none (a worker process that died takes its pages with it)."""
    try:
        return future.result()
    except BrokenProcessPool:
        return None, "the XSLT worker process stopped unexpectedly (crashed or was killed)"


#: path → (bytes, SHA-256 of the bytes)
Sources = dict[Path, tuple[bytes, str]]


def _read_sources(tei_files: list[Path], report: Callable[[str], None]) -> tuple[Sources, bool]:
    """Every file's bytes and their hash; report the ones that cannot be read."""
    sources, ok = {}, True
    for path in tei_files:
        if path.stem in RESERVED_STEMS:
            report(f"{path}: its page would overwrite the edition's own {path.stem}.html; rename the file")
            ok = False
            continue
        try:
            data = path.read_bytes()
        except OSError as err:
            report(str(XMLProblem(str(path), 1, 1, f"cannot read the file: {err.strerror}")))
            ok = False
            continue
        sources[path] = (data, hashlib.sha256(data).hexdigest())
    return sources, ok


def _parse_texts(sources: Sources, report: Callable[[str], None]) -> tuple[list[Text], bool]:
    """Parse every file safely; report the ones that are not safe, well-formed TEI."""
    texts, ok = [], True
    for path, (data, digest) in sources.items():
        try:
            root = parse_tei(data, str(path)).getroot()
        except XMLProblem as problem:
            report(str(problem))
            ok = False
            continue
        texts.append(Text(path, path.stem, etree.tostring(root, encoding="UTF-8"), digest, _summary(root)))
    return texts, ok


def _summary(root: etree._Element) -> bytes:
    """The TEI with what the index and persons pages read: the header, <text> with its attributes
    (kind, language) and every turn in order (<sp> with its attributes and <speaker>s), the rest
    left out. tests/test_web_collection.py checks that both pages come out the same as from the
    whole texts; a stylesheet change that reads more must add it here."""
    tei = etree.Element(root.tag, root.attrib, nsmap=root.nsmap)
    for header in root.findall(f"{{{TEI_NS}}}teiHeader"):
        tei.append(copy.deepcopy(header))
    for text in root.findall(f"{{{TEI_NS}}}text"):
        turns = etree.SubElement(tei, text.tag, text.attrib)
        for sp in text.iter(f"{{{TEI_NS}}}sp"):
            turn = etree.SubElement(turns, sp.tag, sp.attrib)
            for speaker in sp.findall(f"{{{TEI_NS}}}speaker"):
                turn.append(copy.deepcopy(speaker))
                turn[-1].tail = None
    return etree.tostring(tei, encoding="UTF-8")


def _stylesheets_digest() -> str:
    """One hash over every stylesheet and static file the pages are made with (names and bytes)."""
    digest = hashlib.sha256()
    for folder in STYLESHEET_DIRS:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                digest.update(str(path.relative_to(folder.parent)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _read_manifest(out_dir: Path, stylesheets: str) -> tuple[dict[str, str], bool]:
    """stem → hash of the TEI its page was made from, as the last build left them, and whether
    that build finished (index, persons and search index made too). Nothing when the stylesheets
    changed since (every page must be made again) or there is no usable manifest."""
    try:
        manifest = json.loads((out_dir / MANIFEST).read_bytes())
    except (OSError, ValueError):
        return {}, False
    if not isinstance(manifest, dict) or manifest.get("stylesheets") != stylesheets:
        return {}, False
    pages = manifest.get("pages")
    # a search index split otherwise than now must be made again whole
    complete = manifest.get("complete") is True and manifest.get("search_shards") == SEARCH_SHARDS
    return (pages, complete) if isinstance(pages, dict) else ({}, False)


def _manifest(stylesheets: str, pages: dict[str, str], complete: bool) -> bytes:
    """What a build made, for the next build to compare with. A build writes it twice: before
    it changes anything, listing only the pages it will leave alone and marked incomplete (so a
    build killed half-way is finished by the next one), and at the end."""
    return json.dumps({"stylesheets": stylesheets, "search_shards": SEARCH_SHARDS, "complete": complete,
                       "pages": dict(sorted(pages.items()))}, indent=1).encode("utf-8")


def _collection(texts: list[Text]) -> bytes:
    """One document holding every text's summary, for the pages that list them all.

    Joined as bytes rather than built as a tree: each summary is lxml's own serialisation of an
    element made from an already checked tree (no declaration, no DOCTYPE, no entities), and the
    stem is escaped as an attribute value.
    """
    parts = [f'<ed:collection xmlns:ed="{ED_NS}">'.encode()]
    for text in texts:
        parts += [b"<ed:text stem=", quoteattr(text.stem).encode("utf-8"), b">", text.summary, b"</ed:text>"]
    parts.append(b"</ed:collection>")
    return b"".join(parts)


def _copy_static(out_dir: Path) -> None:
    """The stylesheets and script every page links to (static/…); unchanged files are left alone."""
    target = out_dir / "static"
    target.mkdir(exist_ok=True)
    for source in sorted(STATIC_DIR.iterdir()):
        data = source.read_bytes()
        copy = target / source.name
        if not copy.exists() or copy.read_bytes() != data:
            write_atomically(copy, data)


def _shard(stem: str) -> int:
    """The search index shard that holds a text: fixed by its stem alone."""
    return int.from_bytes(hashlib.sha256(stem.encode("utf-8")).digest()[:4], "big") % SEARCH_SHARDS


def _start_search(out_dir: Path, text_pages: set[Path], shards: set[int],
                  jobs: int) -> tuple[ThreadPoolExecutor, list[Future]]:
    """Start indexing each shard to make again, `jobs` Pagefind processes at a time (each takes
    a core and some 100 MiB; more at once would only crowd the machine).

    First the pages and TEI copies of texts no longer built (removed, renamed or failed) are
    deleted, so that neither the site nor its search offers a text that is not there. The index
    and persons pages are left to be replaced: they carry no searchable text (only text pages
    have data-pagefind-body).
    """
    for path in [*out_dir.glob("*.html"), *out_dir.glob("*.xml")]:
        if path not in text_pages and path.name not in COLLECTION_PAGES:
            path.unlink()
    pages = sorted(path for path in text_pages if path.suffix == ".html")
    indexer = ThreadPoolExecutor(max_workers=jobs)
    members = {shard: [page for page in pages if _shard(page.stem) == shard] for shard in sorted(shards)}
    return indexer, [indexer.submit(_index_shard, out_dir, shard, members[shard]) for shard in members]


def _index_shard(out_dir: Path, shard: int, pages: list[Path]) -> str | None:
    """Pagefind over one shard's pages into WEB/pagefind/SHARD/; what it said if it failed.

    The pages are hard links in a folder of their own, which Pagefind reads as the site: their
    addresses (/STEM.html) are the same as in WEB.
    """
    bundle, site = out_dir / SEARCH_DIR / str(shard), out_dir / f".search-pages-{shard}"
    shutil.rmtree(bundle, ignore_errors=True)
    shutil.rmtree(site, ignore_errors=True)
    if not pages:
        return None
    site.mkdir()
    try:
        for page in pages:
            os.link(page, site / page.name)
        result = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site),
                                 "--output-path", str(bundle)], capture_output=True, text=True)
    finally:
        shutil.rmtree(site)
    if result.returncode == 0:
        return None
    return (result.stderr or result.stdout).strip() or f"exit status {result.returncode}"


def _finish_search(search: tuple[ThreadPoolExecutor, list[Future]], out_dir: Path,
                   report: Callable[[str], None]) -> bool:
    """Wait for every shard; then list the shards for the search page, with its script beside."""
    indexer, shards = search
    with indexer:
        failures = [failure for failure in (shard.result() for shard in shards) if failure]
    for failure in failures:
        report(f"{out_dir}: pagefind failed: {failure}")
    folder = out_dir / SEARCH_DIR
    folder.mkdir(exist_ok=True)
    bundles = sorted((path for path in folder.iterdir() if (path / "pagefind-entry.json").is_file()),
                     key=lambda path: int(path.name))
    write_atomically(folder / "shards.json", json.dumps([path.name for path in bundles]).encode("utf-8"))
    if bundles:  # every bundle carries the same script; the index page loads it from WEB/pagefind/
        for name in SEARCH_UI:
            write_atomically(folder / name, (bundles[0] / name).read_bytes())
    return not failures


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
