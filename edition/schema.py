"""The project's schema read as data: for each element, its documentation, attributes and children.

The validator uses it to turn libxml2's terse RELAX NG errors into plain advice ("sp without @who:
…", "<foo> is not allowed in <p>; <p> may contain …"), and the Encoding guidelines are generated
from it, so the words an editor reads in both places are the schema's own a:documentation.
It relies on the conventions stated at the top of schemas/edition.rng: one define per element, named
like it; documentation as the first child.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lxml import etree

SCHEMA_DIR = Path(__file__).resolve().parents[1] / "schemas"
GRAMMAR = SCHEMA_DIR / "edition.rng"
RULES = SCHEMA_DIR / "edition.sch"

RNG_NS = "http://relaxng.org/ns/structure/1.0"
DOC_TAG = "{http://relaxng.org/ns/compatibility/annotations/1.0}documentation"
#: The XML Schema datatypes edition.rng uses, in an editor's words.
XSD_TYPES = {
    "NCName": "one word: letters, digits, hyphen, underscore or full stop, no spaces",
    "ID": "a name unique in the file: letters, digits, hyphen, underscore or full stop, no spaces",
    "Name": "an XML name",
    "token": "a word or a few words",
    "string": "any text",
    "language": "a language code (BCP 47): en, de, la, ga",
    "anyURI": "an address (URI), or #id for an element of this file",
    "decimal": "a number (12, 0.5)",
    "nonNegativeInteger": "a whole number, 0 or more",
}
#: RELAX NG patterns under which an attribute may be left out.
OPTIONAL_PATTERNS = {"optional", "zeroOrMore", "choice"}


@dataclass(frozen=True)
class AttributeSpec:
    """One attribute an element may carry, as the schema declares it."""

    name: str
    documentation: str
    required: bool
    values: tuple[str, ...]  # the closed list of values, or () when the value has a datatype
    datatype: str  # the datatype's description when there is no closed list


@dataclass(frozen=True)
class ElementSpec:
    """One element of the schema: what it is for, what it carries and what it may contain."""

    name: str
    documentation: str
    chapter: str
    attributes: tuple[AttributeSpec, ...]
    children: tuple[str, ...]
    has_text: bool

    def attribute(self, name: str) -> AttributeSpec | None:
        return next((spec for spec in self.attributes if spec.name == name), None)


@dataclass(frozen=True)
class ContentModel:
    """A named group of elements that several elements may hold (the phrase elements, say)."""

    name: str
    documentation: str
    elements: frozenset[str]


def documentation(node: etree._Element) -> str:
    """The a:documentation of a schema node, whitespace as written."""
    doc = node.find(DOC_TAG)
    return doc.text.strip() if doc is not None and doc.text else ""


def read_schema(grammar: etree._ElementTree) -> dict[str, ElementSpec]:
    """Every element the grammar declares, by name, in the order of the schema."""
    defines = {define.get("name"): define for define in grammar.iter(f"{{{RNG_NS}}}define")}
    elements: dict[str, ElementSpec] = {}
    for name, define in defines.items():
        element = define.find(f"{{{RNG_NS}}}element")
        if element is None:
            continue
        walk = _Walk(defines)
        walk.content(element, optional=False)
        elements[name] = ElementSpec(
            name=name, documentation=documentation(element), chapter=_chapter(define),
            attributes=tuple(walk.attributes), children=tuple(sorted(set(walk.children), key=str.lower)),
            has_text=walk.has_text,
        )
    return elements


def read_chapters(grammar: etree._ElementTree) -> dict[str, str]:
    """The grammar's divs as chapters: title (the documentation's first line) → introduction."""
    chapters = {}
    for div in grammar.getroot().iterchildren(f"{{{RNG_NS}}}div"):
        title, _, introduction = documentation(div).partition("\n")
        chapters[title] = " ".join(introduction.split())
    return chapters


def read_attribute_group(grammar: etree._ElementTree, name: str) -> tuple[AttributeSpec, ...]:
    """The attributes a shared define (att.global, att.type…) gives every element that uses it."""
    defines = {define.get("name"): define for define in grammar.iter(f"{{{RNG_NS}}}define")}
    walk = _Walk(defines)
    walk.content(defines[name], optional=False)
    return tuple(walk.attributes)


def read_content_model(grammar: etree._ElementTree, name: str) -> ContentModel:
    """A named content model (phrase.element, inter…): its documentation and the elements it allows."""
    defines = {define.get("name"): define for define in grammar.iter(f"{{{RNG_NS}}}define")}
    walk = _Walk(defines)
    walk.content(defines[name], optional=False)
    return ContentModel(name, documentation(defines[name]), frozenset(walk.children))


def load_schema() -> dict[str, ElementSpec]:
    """The project's own schema (schemas/edition.rng) as data."""
    return read_schema(etree.parse(str(GRAMMAR)))


def _chapter(define: etree._Element) -> str:
    """The title of the grammar div the define sits in (first line of its documentation)."""
    div = define.getparent()
    return documentation(div).splitlines()[0] if div is not None and div.tag == f"{{{RNG_NS}}}div" else ""


class _Walk:
    """Collects the attributes and child elements of one element's pattern, following refs."""

    def __init__(self, defines: dict[str, etree._Element]) -> None:
        self.defines = defines
        self.attributes: list[AttributeSpec] = []
        self.children: list[str] = []
        self.has_text = False
        self._followed: set[str] = set()

    def content(self, node: etree._Element, optional: bool) -> None:
        for child in node:
            if not isinstance(child.tag, str) or not child.tag.startswith(f"{{{RNG_NS}}}"):
                continue
            kind = etree.QName(child).localname
            if kind == "attribute":
                self.attributes.append(_attribute(child, not optional, self.defines))
            elif kind == "element":
                self.children.append(child.get("name"))
            elif kind == "ref":
                self._ref(child.get("name"), optional)
            elif kind in ("text", "data", "value", "list"):
                self.has_text = True
            else:
                self.content(child, optional or kind in OPTIONAL_PATTERNS)

    def _ref(self, name: str, optional: bool) -> None:
        define = self.defines[name]
        element = define.find(f"{{{RNG_NS}}}element")
        if element is not None:
            self.children.append(name)
        elif name not in self._followed:
            self._followed.add(name)
            self.content(define, optional)


def _attribute(node: etree._Element, required: bool, defines: dict[str, etree._Element]) -> AttributeSpec:
    values = tuple(value.text for value in node.iter(f"{{{RNG_NS}}}value"))
    return AttributeSpec(
        name=node.get("name"), documentation=documentation(node), required=required, values=values,
        datatype="" if values else _datatype(node, defines),
    )


def _datatype(node: etree._Element, defines: dict[str, etree._Element]) -> str:
    """A named value pattern's documentation ("An ISO 8601 date…"), else the XSD type in words."""
    ref = node.find(f".//{{{RNG_NS}}}ref")
    if ref is not None:
        return documentation(defines[ref.get("name")])
    data = node.find(f".//{{{RNG_NS}}}data")
    return XSD_TYPES.get(data.get("type"), data.get("type")) if data is not None else XSD_TYPES["string"]
