"""The print edition: TEI → paged HTML (xslt/print/print.xsl, XSLT 3.0 by saxonche) → PDF (WeasyPrint).

One PDF per text and one collected volume of all of them. Typesetting is the slow part (some
twenty pages a second here, against a millisecond for the XSLT), so the texts go to a pool of
worker processes; each worker compiles the stylesheet and parses print.css once, in the pool
initializer. The volume is one more job in the same pool, started first because it is the
longest. WeasyPrint is imported only in the workers, so that commands which make no PDF start fast.

Memory: WeasyPrint holds a whole document's layout until the PDF is written, so a worker needs
about 120 MiB plus some 0.6 MiB per page of the document in hand (measured: a 19-page volume
143 MiB, 525 pages 424 MiB); every job lets go of its document before the next one starts, and the
pool is made anew every JOBS_PER_WORKER jobs per worker (Python 3.11's max_tasks_per_child hangs when
a worker retires, CPython gh-115634).
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import time
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from lxml import etree

from edition.files import write_atomically
from edition.xmlsafe import TEI_NS, XMLProblem, read_tei

if TYPE_CHECKING:  # imported for real only in the workers
    from saxonche import PyXdmNode
    from weasyprint import Document

PRINT_XSLT = Path(__file__).resolve().parents[2] / "xslt" / "print" / "print.xsl"
PRINT_CSS = PRINT_XSLT.with_name("print.css")
VOLUME_NAME = "volume.pdf"
#: Which PDF was made from which TEI and stylesheets (content hashes), so a rebuild re-makes only those that changed.
MANIFEST = ".manifest.json"
#: A worker's memory creeps up from job to job (WeasyPrint's caches, fragmentation: 190 → 270 MiB
#: over 60 texts of 50 pages), so each worker is replaced after this many PDFs; a fresh one costs
#: about 0.4 s (imports, compiling the stylesheet).
JOBS_PER_WORKER = 16


@dataclass(frozen=True)
class Job:
    """One PDF to make: the TEI files it is typeset from, and where it goes."""

    sources: tuple[Path, ...]
    target: Path
    is_volume: bool = False


@dataclass(frozen=True)
class Outcome:
    """What a job did: the pages written, or the problems (one `FILE: message` each)."""

    target: Path
    pages: int
    problems: tuple[str, ...]


def build_pdf(tei_files: list[Path], out_dir: Path, jobs: int, report: Callable[[str], None]) -> bool:
    """Write out_dir/STEM.pdf for every TEI file and out_dir/volume.pdf of all of them.

    Returns False, after making every PDF that could be made, when some file failed; each
    failure has been reported as `FILE: message`.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    clashes = [path for path in tei_files if f"{path.stem}.pdf" == VOLUME_NAME]
    for path in clashes:
        report(f"{path}: its PDF would overwrite the volume ({VOLUME_NAME}); rename the file")
    every = [Job(tuple(tei_files), out_dir / VOLUME_NAME, is_volume=True)]
    every += [Job((path,), out_dir / f"{path.stem}.pdf") for path in tei_files if path not in clashes]
    made_from = _previous_digests(out_dir)
    digests = {job.target.name: _digest(job) for job in every}
    work = [job for job in every if made_from.get(job.target.name) != digests[job.target.name]
            or not job.target.exists()]
    if not work:
        report(f"pdf: {len(every)} PDFs unchanged → {out_dir}")
        return not clashes
    spawn = multiprocessing.get_context("spawn")  # a fresh interpreter: no forked Saxon or Pango state
    started = time.monotonic()
    outcomes: list[Outcome] = []
    batch = max(1, jobs) * JOBS_PER_WORKER
    for first in range(0, len(work), batch):  # fresh workers for each batch: WeasyPrint's memory creeps
        part = work[first:first + batch]
        with ProcessPoolExecutor(max_workers=max(1, min(jobs, len(part))), mp_context=spawn,
                                 initializer=_start_worker) as pool:
            futures = [(job, pool.submit(_typeset, job)) for job in part]
            outcomes += [_outcome(job, future) for job, future in futures]
    for outcome in outcomes:
        for problem in outcome.problems:
            report(problem)
    written = [outcome for outcome in outcomes if outcome.pages]
    done = dict(digests)
    for outcome in outcomes:
        if not outcome.pages:
            done.pop(outcome.target.name, None)
    write_atomically(out_dir / MANIFEST, json.dumps(done, indent=1, sort_keys=True).encode("utf-8"))
    elapsed = time.monotonic() - started
    pages = sum(outcome.pages for outcome in written)
    volume = next((outcome.pages for outcome in outcomes if outcome.target.name == VOLUME_NAME), 0)
    report(f"pdf: {len(written)} PDFs made ({pages} pages, the volume {volume}), "
           f"{len(every) - len(work)} unchanged → {out_dir} in {elapsed:.1f} s")
    return not clashes and not any(outcome.problems for outcome in outcomes)


def _digest(job: Job) -> str:
    """What a PDF is made from: its TEI files and the print stylesheets and CSS (content, not times)."""
    digest = hashlib.sha256(_stylesheets_digest().encode())
    for source in job.sources:
        digest.update(source.name.encode() + b"\0")
        try:
            digest.update(source.read_bytes())
        except OSError:
            digest.update(b"unreadable")
    return digest.hexdigest()


@lru_cache(maxsize=1)
def _stylesheets_digest() -> str:
    digest = hashlib.sha256()
    for folder in (PRINT_XSLT.parent, PRINT_XSLT.parent.parent / "common"):
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                digest.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _previous_digests(out_dir: Path) -> dict[str, str]:
    """The manifest of the last build: which PDF was made from what."""
    try:
        found = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def _outcome(job: Job, future: Future[Outcome]) -> Outcome:
    """The job's outcome, or its failure when the worker process itself died (say, out of memory)."""
    try:
        return future.result()
    except BrokenProcessPool:
        return Outcome(job.target, 0, (f"{job.target}: the typesetting process died before finishing",))


# ---- in the worker processes ----

_worker: dict = {}


def _start_worker() -> None:
    """Compile the print stylesheet and parse the print CSS once for all the jobs of this process."""
    from saxonche import PySaxonProcessor
    from weasyprint import CSS

    processor = PySaxonProcessor(license=False)
    _worker["saxon"] = processor  # keeps the processor alive as long as the stylesheet
    _worker["stylesheet"] = processor.new_xslt30_processor().compile_stylesheet(stylesheet_file=str(PRINT_XSLT))
    _worker["css"] = CSS(filename=str(PRINT_CSS))


def _typeset(job: Job) -> Outcome:
    """Make one PDF. Every failure becomes a problem message, so one bad text stops no other."""
    return _typeset_volume(job) if job.is_volume else _typeset_text(job)


def _typeset_text(job: Job) -> Outcome:
    source = job.sources[0]
    try:
        tei = read_tei(source).getroot()
    except XMLProblem as problem:
        return Outcome(job.target, 0, (str(problem),))
    try:
        document = _render(_paged_html(_saxon_document(tei)))
        write_atomically(job.target, document.write_pdf())
    except Exception as err:  # saxonche and WeasyPrint raise many kinds; each is this file's failure
        return Outcome(job.target, 0, (f"{source}: {_describe(err)}",))
    return Outcome(job.target, len(document.pages), ())


def _typeset_volume(job: Job) -> Outcome:
    """Typeset all texts as one volume; a second time when the index of persons changes once it
    knows on which page each turn landed (volume.xsl, $turn-pages). Only one typesetting is in
    memory at once."""
    corpus = _volume_tree(job.sources)
    if not len(corpus):
        return Outcome(job.target, 0, (f"{job.target}: no text could be read for the volume",))
    try:
        source = _saxon_document(corpus)
        first_html = _paged_html(source)
        document = _render(first_html)
        html = _paged_html(source, {"turn-pages": _anchor_pages(document, prefix="turn-")})
        if html != first_html:  # the index changed: typeset again, after letting go of the first
            document = None
            document = _render(html)
        write_atomically(job.target, document.write_pdf())
    except Exception as err:  # as in _typeset_text
        return Outcome(job.target, 0, (f"{job.target}: {_describe(err)}",))
    return Outcome(job.target, len(document.pages), ())


def _volume_tree(sources: tuple[Path, ...]) -> etree._Element:
    """All readable texts under one teiCorpus, in the given order. Unreadable ones are left out
    without a word: their own job reports them."""
    corpus = etree.Element(f"{{{TEI_NS}}}teiCorpus")
    for path in sources:
        try:
            corpus.append(read_tei(path).getroot())
        except XMLProblem:
            continue
    return corpus


def _saxon_document(tree: etree._Element) -> PyXdmNode:
    """The safely parsed tree, handed to Saxon as the text lxml serialises (never the raw file)."""
    return _worker["saxon"].parse_xml(xml_text=etree.tostring(tree, encoding="unicode"))


def _paged_html(document: PyXdmNode, parameters: dict[str, str] | None = None) -> str:
    """TEI (a TEI or teiCorpus document) → the paged HTML print.css typesets."""
    stylesheet = _worker["stylesheet"]
    stylesheet.clear_parameters()  # parameters stick to the executable between calls
    for name, value in (parameters or {}).items():
        stylesheet.set_parameter(name, _worker["saxon"].make_string_value(value))
    return stylesheet.transform_to_string(xdm_node=document)


def _render(html: str) -> Document:
    """Lay the HTML out in pages (a weasyprint Document)."""
    from weasyprint import HTML

    return HTML(string=html, base_url=str(PRINT_XSLT.parent)).render(stylesheets=[_worker["css"]])


def _anchor_pages(document: Document, prefix: str) -> str:
    """"ID=PAGE ID=PAGE …" for the anchors starting with prefix, pages counted from 1."""
    return " ".join(f"{anchor}={number}" for number, page in enumerate(document.pages, start=1)
                    for anchor in page.anchors if anchor.startswith(prefix))


def _describe(err: Exception) -> str:
    """One line for the report: the error's own message, or its kind when it has none."""
    message = " ".join(str(err).split())
    return message or type(err).__name__
