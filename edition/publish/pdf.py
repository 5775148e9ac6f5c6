"""The print edition: TEI → paged HTML (xslt/print/print.xsl, XSLT 3.0 by saxonche) → PDF (WeasyPrint).

One PDF per text and one collected volume of all of them. Typesetting is the slow part (about a
second per ten pages), so the texts go to a pool of worker processes; each worker compiles the
stylesheet and parses print.css once, in the pool initializer. The volume is one more job in the
same pool, started first because it is the longest. WeasyPrint is imported only in the workers,
so that commands which make no PDF start fast.
"""

from __future__ import annotations

import multiprocessing
import os
import tempfile
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from lxml import etree

from edition.xmlsafe import TEI_NS, XMLProblem, read_tei

PRINT_XSLT = Path(__file__).resolve().parents[2] / "xslt" / "print" / "print.xsl"
PRINT_CSS = PRINT_XSLT.with_name("print.css")
VOLUME_NAME = "volume.pdf"


@dataclass(frozen=True)
class Job:
    """One PDF to make: the TEI files it is typeset from, and where it goes."""

    sources: tuple[Path, ...]
    target: Path

    @property
    def is_volume(self) -> bool:
        return self.target.name == VOLUME_NAME


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
    work = [Job(tuple(tei_files), out_dir / VOLUME_NAME)]
    work += [Job((path,), out_dir / f"{path.stem}.pdf") for path in tei_files]
    spawn = multiprocessing.get_context("spawn")  # a fresh interpreter: no forked Saxon or Pango state
    ok = True
    with ProcessPoolExecutor(max_workers=max(1, min(jobs, len(work))), mp_context=spawn,
                             initializer=_start_worker) as pool:
        futures = [(job, pool.submit(_typeset, job)) for job in work]
        for job, future in futures:
            outcome = _outcome(job, future)
            for problem in outcome.problems:
                report(problem)
            if outcome.pages:
                report(f"{outcome.target}: {outcome.pages} pages")
            ok &= not outcome.problems
    return ok


def _outcome(job: Job, future) -> Outcome:
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
    if job.is_volume:
        tree, problems = _volume_tree(job.sources), ()
        if not len(tree):
            return Outcome(job.target, 0, (f"{job.target}: no text could be read for the volume",))
    else:
        try:
            tree, problems = read_tei(job.sources[0]).getroot(), ()
        except XMLProblem as problem:
            return Outcome(job.target, 0, (str(problem),))
    source = job.target if job.is_volume else job.sources[0]
    try:
        html = _paged_html(tree)
        pages = _write_pdf(html, job.target)
    except Exception as err:  # saxonche and WeasyPrint raise many kinds; each is this file's failure
        return Outcome(job.target, 0, problems + (f"{source}: {_describe(err)}",))
    return Outcome(job.target, pages, problems)


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


def _paged_html(tree: etree._Element) -> str:
    """TEI (a TEI or teiCorpus element) → the paged HTML print.css typesets."""
    processor = _worker["saxon"]
    document = processor.parse_xml(xml_text=etree.tostring(tree, encoding="unicode"))
    return _worker["stylesheet"].transform_to_string(xdm_node=document)


def _write_pdf(html: str, target: Path) -> int:
    """Typeset the HTML into target (through a temporary file beside it); returns the page count."""
    from weasyprint import HTML

    document = HTML(string=html, base_url=str(PRINT_XSLT.parent)).render(stylesheets=[_worker["css"]])
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as out:
            document.write_pdf(out)
        os.replace(temporary, target)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return len(document.pages)


def _describe(err: Exception) -> str:
    """One line for the report: the error's own message, or its kind when it has none."""
    message = " ".join(str(err).split())
    return message or type(err).__name__
