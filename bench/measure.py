"""Timing and memory of one command, with everything it starts (its worker processes included).

Two memory figures, because a pool of workers can stay small each and still fill the machine:
the whole process tree's resident memory at its largest (sampled from /proc every 50 ms, so a
spike shorter than that can be missed), and the largest single process (exact, from the
kernel's accounting returned by wait4).
"""

from __future__ import annotations

import os
import signal
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass

PAGE_BYTES = os.sysconf("SC_PAGE_SIZE")
MIB = 1024 * 1024
SAMPLE_EVERY = 0.05


@dataclass(frozen=True)
class Run:
    """One command's wall-clock seconds, memory in MiB, exit status (-9: killed at the time
    limit) and output."""

    seconds: float
    tree_peak_mib: float
    process_peak_mib: float
    status: int
    stdout: str
    stderr: str


def run(command: list[str], limit: float) -> Run:
    """Run command to its end, measuring it; its output is kept, not shown.

    After `limit` seconds the command and everything it started are killed, so that one stage
    that hangs (a deadlocked worker pool, say) cannot stop the benchmark from reporting.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=err, start_new_session=True)
        sampler = TreeSampler(process.pid)
        sampler.start()
        deadline = threading.Timer(limit, os.killpg, (process.pid, signal.SIGKILL))
        deadline.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        deadline.cancel()
        process.returncode = os.waitstatus_to_exitcode(status)
        sampler.stop()
        out.seek(0)
        err.seek(0)
        return Run(seconds, sampler.peak / MIB, usage.ru_maxrss * 1024 / MIB, process.returncode,
                   out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"))


class TreeSampler(threading.Thread):
    """Samples the resident memory of a process and all its descendants, keeping the largest sum."""

    def __init__(self, root: int) -> None:
        super().__init__(daemon=True)
        self.root = root
        self.peak = 0
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.wait(SAMPLE_EVERY):
            self.peak = max(self.peak, tree_rss(self.root))

    def stop(self) -> None:
        self._done.set()
        self.join()


def tree_rss(root: int) -> int:
    """Bytes resident in root and its descendants now (0 once it has exited)."""
    children: dict[int, list[int]] = {}
    rss = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as stat:
                # the command name in parentheses may hold spaces: the fields start after its ")"
                fields = stat.read().rsplit(b")", 1)[1].split()
        except OSError:  # the process ended while we looked
            continue
        children.setdefault(int(fields[1]), []).append(int(name))
        rss[int(name)] = int(fields[21]) * PAGE_BYTES
    total, frontier = 0, [root]
    while frontier:
        pid = frontier.pop()
        total += rss.get(pid, 0)
        frontier += children.get(pid, [])
    return total
