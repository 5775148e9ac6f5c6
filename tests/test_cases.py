"""Data-driven converter tests: tests/cases/NAME/in.txt (+ optional sidecar.toml) and expect.xpath.

Each line of expect.xpath is an XPath 1.0 expression (prefix t: for TEI) that must be true of the
TEI made from in.txt; `#` starts a comment. A new rule usually needs only a new folder.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import convert_text, xp

CASES = sorted(p for p in (Path(__file__).parent / "cases").iterdir() if p.is_dir())


def _expectations(case: Path) -> list[tuple[int, str]]:
    lines = (case / "expect.xpath").read_text(encoding="utf-8").splitlines()
    return [(n, line.strip()) for n, line in enumerate(lines, 1) if line.strip() and not line.lstrip().startswith("#")]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case(case: Path) -> None:
    sidecar = case / "sidecar.toml"
    tree = convert_text((case / "in.txt").read_bytes(),
                        sidecar.read_text(encoding="utf-8") if sidecar.exists() else None, name=f"{case.name}.txt")
    failures = [f"expect.xpath:{n}: {expr}" for n, expr in _expectations(case) if xp(tree, f"boolean({expr})") is not True]
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case_round_trip(case: Path) -> None:
    """The plain-text rendering has the source's words, in order, less the recorded removals."""
    from edition.plaintext import comparable_words, removed_lines, render

    tree = convert_text((case / "in.txt").read_bytes(), name=f"{case.name}.txt")
    source = (case / "in.txt").read_text(encoding="utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
    removed = removed_lines(tree)
    kept = [line for number, line in enumerate(source.split("\n"), 1) if number not in removed]
    assert comparable_words(render(tree)) == comparable_words("\n".join(kept))
