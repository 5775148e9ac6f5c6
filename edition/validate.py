"""Check TEI against the project's schema (RELAX NG) and rules (Schematron), in an editor's words.

libxml2 says "Element sp failed to validate attributes" at column 0. An editor needs to know which
attribute, what to write instead, and where: so every grammar error is explained again from the
schema's own documentation (edition.schema), and every problem is placed at the real line and column
of the element's start tag (or of the attribute) in the source text, with the element's path.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, NamedTuple

from lxml import etree, isoschematron

from edition.schema import GRAMMAR, RULES, ElementSpec, load_schema
from edition.xmlsafe import XML_NS, XMLProblem, parse_tei

SVRL_NS = "http://purl.oclc.org/dsdl/svrl"
#: Comments, CDATA sections and processing instructions may contain "<name" that is no start tag.
NOT_MARKUP = re.compile(rb"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>", re.S)
GRAMMAR_MESSAGES = [
    # libxml2's wording → what the explanation is about (the element named, the other one named)
    (re.compile(r"Did not expect element (\S+) there"), "unexpected"),
    (re.compile(r"Element (\S+) has extra content: (\S+)"), "extra"),
    (re.compile(r"Expecting element (\S+), got (\S+)"), "instead"),
    (re.compile(r"Expecting an element ?(\S*), got nothing"), "missing"),
    (re.compile(r"Did not expect text in element (\S+) content"), "text"),
    (re.compile(r"Element (\S+) failed to validate attributes"), "attributes"),
    (re.compile(r"Invalid attribute (\S+) for element (\S+)"), "attribute"),
    (re.compile(r"Element (\S+) failed to validate content"), "content"),
]


class _Finding(NamedTuple):
    """One grammar problem explained: at which element (and attribute), in which words.

    A vague finding ("<div> holds what the schema does not allow") only summarises precise ones
    about its children and is shown only when libxml2 gave nothing precise.
    """

    element: etree._Element
    message: str
    attribute: str | None = None
    vague: bool = False


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file, where to find it, and what to do about it."""

    path: str
    line: int
    column: int
    message: str
    #: "error" makes a file invalid; "warning" (a Schematron rule with role="warning") asks an editor to look
    severity: str = "error"

    def __str__(self) -> str:
        kind = "warning: " if self.severity == "warning" else ""
        return f"{self.path}:{self.line}:{self.column}: {kind}{self.message}"


class Validator:
    """The project's grammar and rules, compiled once, applied to any number of documents."""

    def __init__(self, errors_only: bool = False) -> None:
        """`errors_only` leaves out the rules whose findings are warnings (the phase 'errors' of
        edition.sch): what `edition convert` needs to know before it writes a file."""
        self._grammar = etree.RelaxNG(etree.parse(str(GRAMMAR)))
        self._rules = isoschematron.Schematron(etree.parse(str(RULES)), store_report=True,
                                               phase="errors" if errors_only else None)
        self._elements = load_schema()

    def validate_file(self, path: Path) -> list[Problem]:
        """Read a file and validate it; an unreadable or hostile file is one problem, not an error."""
        try:
            data = path.read_bytes()
        except OSError as err:
            return [Problem(str(path), 1, 1, f"cannot read the file: {err.strerror}")]
        return self.validate_bytes(data, str(path))

    def validate_bytes(self, data: bytes, path: str) -> list[Problem]:
        """Parse safely (edition.xmlsafe), then check grammar and rules; lines refer to `data`."""
        try:
            tree = parse_tei(data, path)
        except XMLProblem as problem:
            return [Problem(problem.path, problem.line, problem.column, problem.message)]
        return self._check(tree, SourceLocator(data, tree), path)

    def validate_tree(self, tree: etree._ElementTree, path: str) -> list[Problem]:
        """Validate a tree in memory; lines and columns refer to its UTF-8 serialisation, as written."""
        return self.validate_bytes(etree.tostring(tree, encoding="UTF-8", xml_declaration=True), path)

    def _check(self, tree: etree._ElementTree, locator: SourceLocator, path: str) -> list[Problem]:
        findings: dict[tuple[etree._Element, str], _Finding] = {}
        if not self._grammar.validate(tree):
            for entry in self._grammar.error_log:
                for finding in self._explain(tree, entry):
                    findings.setdefault((finding.element, finding.message), finding)
            if not findings:  # an error libxml2 could not place: never let an invalid file pass
                message = f"the schema rejects this file: {self._grammar.error_log.last_error.message} (RELAX NG)"
                findings[(tree.getroot(), message)] = _Finding(tree.getroot(), message)
        precise = [finding for finding in findings.values() if not finding.vague]
        grammar = [_problem(path, locator, f.element, f.message, f.attribute)
                   for f in precise or findings.values()]
        rules = [_problem(path, locator, element, message, None, severity)
                 for element, message, severity in self._rule_failures(tree)]
        return sorted(grammar, key=_place) + sorted(rules, key=_place)

    def _rule_failures(self, tree: etree._ElementTree) -> list[tuple[etree._Element, str, str]]:
        """The Schematron assertions that failed (and reports that fired), at their elements."""
        self._rules.validate(tree)
        failures = []
        report = self._rules.validation_report.getroot()
        for result in report.iterchildren(f"{{{SVRL_NS}}}failed-assert", f"{{{SVRL_NS}}}successful-report"):
            located = tree.getroot().xpath(result.get("location"))
            element = located[0] if located and isinstance(located[0], etree._Element) else tree.getroot()
            severity = "warning" if result.get("role") == "warning" else "error"
            failures.append((element, " ".join(result.findtext(f"{{{SVRL_NS}}}text", "").split()), severity))
        return failures

    def _explain(self, tree: etree._ElementTree, entry: etree._LogEntry) -> Iterator[_Finding]:
        """Plain explanations of one libxml2 grammar error."""
        at = element_at(tree, entry.path)
        for pattern, kind in GRAMMAR_MESSAGES:
            match = pattern.search(entry.message)
            if not match:
                continue
            if kind in ("attributes", "attribute"):
                name = match.group(1) if kind == "attributes" else match.group(2)
                attribute = match.group(1) if kind == "attribute" else None
                yield from self._attribute_problems(tree, at, name, attribute)
            elif kind == "content" and at is not None:
                name = match.group(1)
                yield _Finding(at, f"<{name}> holds what the schema does not allow ({self._may_contain(name)})",
                               vague=True)
            elif at is not None:
                yield _Finding(at, self._content_message(kind, at, match.groups()))
            return
        if at is not None:
            yield _Finding(at, f"{entry.message.strip()} (RELAX NG)")

    def _content_message(self, kind: str, at: etree._Element, names: tuple[str, ...]) -> str:
        """Say which element is out of place, and what its parent may hold instead."""
        name = etree.QName(at).localname
        if kind == "missing":
            return f"<{name}> is incomplete: an element it requires is missing ({self._may_contain(name)})"
        if kind == "text":
            return f"text is not allowed directly in <{name}> ({self._may_contain(name)})"
        if kind == "instead":
            return f"<{names[1]}> found where <{names[0]}> is required"
        child = names[-1] if kind == "extra" else names[0]
        parent = etree.QName(at.getparent()).localname if at.getparent() is not None else names[0]
        if child not in self._elements:
            return (f"<{child}> is not an element of this edition's TEI "
                    f"(see the Encoding guidelines; {self._may_contain(parent)})")
        spec = self._elements.get(parent)
        if spec is not None and child in spec.children:
            return f"<{child}> is not allowed at this point in <{parent}>: the order or number of its children is wrong"
        return f"<{child}> is not allowed in <{parent}> ({self._may_contain(parent)})"

    def _may_contain(self, name: str) -> str:
        spec = self._elements.get(name)
        if spec is None or not spec.children:
            return f"<{name}> holds {'text only' if spec and spec.has_text else 'nothing'}"
        return f"<{name}> may contain " + ", ".join(spec.children)

    def _attribute_problems(self, tree: etree._ElementTree, at: etree._Element | None, name: str,
                            attribute: str | None) -> Iterator[_Finding]:
        """Find the element libxml2 means (its path may point into a child) and say what is wrong."""
        near = [e for e in (at.iterancestors() if at is not None else ()) if etree.QName(e).localname == name]
        if at is not None and etree.QName(at).localname == name:
            near.insert(0, at)
        candidates = near or [e for e in tree.getroot().iter(etree.Element) if etree.QName(e).localname == name]
        for element in candidates:
            problems = self._attribute_findings(element, attribute)
            if problems:
                yield from (_Finding(element, message, attr) for message, attr in problems)
                return

    def _attribute_findings(self, element: etree._Element, named: str | None) -> list[tuple[str, str | None]]:
        """Unknown attributes, missing required ones, values outside a closed list or their datatype."""
        spec: ElementSpec | None = self._elements.get(etree.QName(element).localname)
        if spec is None:
            return []
        tag = spec.name
        findings: list[tuple[str, str | None]] = []
        for qname, value in element.attrib.items():
            attr = _attribute_name(qname)
            allowed = spec.attribute(attr)
            if allowed is None:
                names = ", ".join(f"@{a.name}" for a in spec.attributes)
                findings.append((f"@{attr} is not allowed on <{tag}> (allowed: {names})", attr))
            elif allowed.values and value not in allowed.values:
                findings.append((f'@{attr}="{value}" on <{tag}> is not an allowed value; '
                                 f"allowed: {', '.join(allowed.values)}", attr))
            elif attr == named and not allowed.values:
                findings.append((f'@{attr}="{value}" on <{tag}> is not valid: {allowed.datatype or allowed.documentation}',
                                 attr))
        for required in spec.attributes:
            if required.required and _attribute_qname(required.name) not in element.attrib:
                findings.append((f"{tag} without @{required.name}: {required.documentation}", None))
        return findings


def _attribute_name(qname: str) -> str:
    return f"xml:{qname.split('}')[1]}" if qname.startswith(f"{{{XML_NS}}}") else qname


def _attribute_qname(name: str) -> str:
    return f"{{{XML_NS}}}{name[4:]}" if name.startswith("xml:") else name


def element_at(tree: etree._ElementTree, path: str | None) -> etree._Element | None:
    """The element at a libxml2 error path ("/*/*[2]/*[1]"), if the path leads to one."""
    if not path:
        return None
    try:
        found = tree.getroot().xpath(path)
    except etree.XPathError:
        return None
    return found[0] if found and isinstance(found[0], etree._Element) else None


def element_path(element: etree._Element) -> str:
    """A readable path to the element: /TEI/text/body/sp[3] (a position only among same-named siblings)."""
    steps = []
    node = element
    while node is not None:
        name = etree.QName(node).localname
        same = [s for s in node.itersiblings(preceding=True) if s.tag == node.tag]
        later = next((s for s in node.itersiblings() if s.tag == node.tag), None)
        steps.append(f"{name}[{len(same) + 1}]" if same or later is not None else name)
        node = node.getparent()
    return "/" + "/".join(reversed(steps))


def _problem(path: str, locator: SourceLocator, element: etree._Element, message: str, attribute: str | None,
             severity: str = "error") -> Problem:
    line, column = locator.position(element, attribute)
    return Problem(path, line, column, f"{message} [{element_path(element)}]", severity)


def _place(problem: Problem) -> tuple[int, int]:
    return problem.line, problem.column


class SourceLocator:
    """Finds where an element's start tag (or one of its attributes) begins in the source bytes.

    Used for the project's schema and for tei_all's messages when lxml checks them (column 0).

    libxml2 gives only the line where a start tag ends. Start tags appear in the text in document
    order, so the n-th element named sp is at the n-th "<sp" outside comments and CDATA.
    """

    def __init__(self, data: bytes, tree: etree._ElementTree) -> None:
        # Blank out comments and the like, keeping their line breaks so that lines still count.
        self._data = NOT_MARKUP.sub(lambda m: re.sub(rb"[^\n]", b" ", m.group()), data)
        self._encoding = tree.docinfo.encoding or "UTF-8"
        self._root = tree.getroot()
        self._tags: dict[str, list[int]] = {}
        self._elements: dict[str, list[etree._Element]] = {}

    def position(self, element: etree._Element, attribute: str | None) -> tuple[int, int]:
        offset = self._start_tag(element)
        if offset is None:
            return element.sourceline or 1, 1
        if attribute:
            end = self._data.find(b">", offset)
            found = re.compile(rb"\s(" + re.escape(attribute.encode()) + rb")\s*=").search(self._data, offset, end)
            offset = found.start(1) if found else offset
        line_start = self._data.rfind(b"\n", 0, offset) + 1
        column = len(self._data[line_start:offset].decode(self._encoding, errors="replace")) + 1
        return self._data.count(b"\n", 0, offset) + 1, column

    def _start_tag(self, element: etree._Element) -> int | None:
        name = etree.QName(element).localname
        if name not in self._tags:
            pattern = re.compile(rb"<(?:[\w.-]+:)?" + re.escape(name.encode(self._encoding)) + rb"(?=[\s/>])")
            self._tags[name] = [m.start() for m in pattern.finditer(self._data)]
            self._elements[name] = [e for e in self._root.iter(etree.Element) if etree.QName(e).localname == name]
        index = next((i for i, e in enumerate(self._elements[name]) if e is element), None)
        starts = self._tags[name]
        return starts[index] if index is not None and index < len(starts) else None
