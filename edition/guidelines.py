"""The Encoding guidelines: one HTML page made from the schema's own documentation.

Editors read what each element and attribute is for, where it may stand and what it may hold, and
which rules the Schematron adds, in the same words the validator uses in its messages. Because the
page is generated from schemas/edition.rng and edition.sch, it cannot describe another schema than
the one that checks the files.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from lxml import etree

from edition.schema import (GRAMMAR, RULES, AttributeSpec, ContentModel, ElementSpec, read_attribute_group,
                            read_chapters, read_content_model, read_schema)

SCH_NS = "http://purl.oclc.org/dsdl/schematron"
#: Attribute groups of edition.rng explained once, not under every element that carries them.
SHARED_GROUPS = ("att.global", "att.type", "att.ref")
#: Content models of edition.rng named in "Holds:" instead of listing their elements each time.
MODELS = ("phrase.element", "inter", "global")

STYLE = """
body { font: 16px/1.5 Georgia, serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
h1, h2, h3 { font-family: system-ui, sans-serif; line-height: 1.2; }
h3 { margin: 2rem 0 0.3rem; }
code { font-size: 0.9em; background: #f3f3f3; padding: 0 0.2em; }
dl.attributes dt { font-family: monospace; }
dl.attributes dd { margin: 0 0 0.5rem 1.5rem; }
p.where { font-size: 0.9em; color: #444; margin: 0.2rem 0; }
nav ul { columns: 2; }
"""


@dataclass(frozen=True)
class Rule:
    """One Schematron pattern as the guidelines present it."""

    title: str
    text: str


def read_rules(rules: etree._ElementTree) -> list[Rule]:
    """The titled patterns of the Schematron schema, in order."""
    return [
        Rule(" ".join(pattern.findtext(f"{{{SCH_NS}}}title", "").split()),
             " ".join(pattern.findtext(f"{{{SCH_NS}}}p", "").split()))
        for pattern in rules.iter(f"{{{SCH_NS}}}pattern")
    ]


def build_guidelines() -> str:
    """The guidelines page for the project's schema and rules."""
    grammar = etree.parse(str(GRAMMAR))
    shared = tuple(a for group in SHARED_GROUPS for a in read_attribute_group(grammar, group))
    models = tuple(read_content_model(grammar, name) for name in MODELS)
    return render_guidelines(read_schema(grammar), read_chapters(grammar), shared, models,
                             read_rules(etree.parse(str(RULES))))


@dataclass(frozen=True)
class _Context:
    """What every element entry refers to: its parents, the shared attributes, the named models."""

    parents: dict[str, list[str]]
    introductions: dict[str, str]
    shared: tuple[AttributeSpec, ...]
    models: tuple[ContentModel, ...]


def render_guidelines(elements: dict[str, ElementSpec], chapters: dict[str, str], shared: tuple[AttributeSpec, ...],
                      models: tuple[ContentModel, ...], rules: list[Rule]) -> str:
    """The whole HTML page: chapters of elements in schema order, the shared attributes, the rules.

    `chapters` maps a chapter's title to its introduction (edition.schema.read_chapters).
    """
    by_chapter: dict[str, list[ElementSpec]] = {}
    for spec in elements.values():
        by_chapter.setdefault(spec.chapter, []).append(spec)
    context = _Context(_parents(elements), chapters, shared, models)
    contents = "".join(f'<li><a href="#{_anchor(title)}">{_text(title)}</a></li>' for title in by_chapter)
    body = "".join(_chapter(title, specs, context) for title, specs in by_chapter.items())
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        "<title>Encoding guidelines</title>\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<style>{STYLE}</style>\n</head>\n<body>\n"
        "<h1>Encoding guidelines</h1>\n"
        "<p>How this edition encodes its texts in TEI P5. Every file is checked by "
        "<code>edition validate</code> against the project's RELAX NG schema "
        "(<code>schemas/edition.rng</code>), then against the Schematron rules "
        "(<code>schemas/edition.sch</code>). The schema is a strict subset of TEI P5: what it allows, "
        "the official <code>tei_all</code> schema allows in the same place. This page is generated "
        f"from the schema's own documentation; it describes {len(elements)} elements and "
        f"{len(rules)} rules.</p>\n"
        f'<nav><h2>Contents</h2><ul>{contents}<li><a href="#shared">Attributes many elements carry</a></li>'
        '<li><a href="#models">Groups of elements</a></li><li><a href="#rules">Rules beyond the grammar</a></li>'
        '</ul></nav>\n'
        f"{body}{_shared(shared)}{_models(models)}{_rules(rules)}</body>\n</html>\n"
    )


def _parents(elements: dict[str, ElementSpec]) -> dict[str, list[str]]:
    parents: dict[str, list[str]] = {name: [] for name in elements}
    for spec in elements.values():
        for child in spec.children:
            parents[child].append(spec.name)
    return {name: sorted(found, key=str.lower) for name, found in parents.items()}


def _chapter(title: str, specs: list[ElementSpec], context: _Context) -> str:
    introduction = context.introductions.get(title, "")
    return (f'<section id="{_anchor(title)}">\n<h2>{_text(title)}</h2>\n'
            + (f"<p>{_text(introduction)}</p>\n" if introduction else "")) + "".join(
        _element(spec, context) for spec in specs) + "</section>\n"


def _holds(spec: ElementSpec, models: tuple[ContentModel, ...]) -> list[str]:
    """What the element may hold: whole groups by name first, then the other elements, then text."""
    rest = set(spec.children)
    named = []
    for model in models:
        if model.elements <= rest:
            named.append(f'<a href="#model-{model.name}">{_text(model.name)}</a> elements')
            rest -= model.elements
    return ((["text"] if spec.has_text else []) + named
            + [_link(name) for name in sorted(rest, key=str.lower)])


def _element(spec: ElementSpec, context: _Context) -> str:
    parents, shared = context.parents[spec.name], context.shared
    holds = _holds(spec, context.models)
    html = (f'<h3 id="el-{spec.name}"><code>&lt;{spec.name}&gt;</code></h3>\n'
            f"<p>{_text(spec.documentation)}</p>\n")
    if parents:
        html += f'<p class="where">Stands in: {", ".join(_link(name) for name in parents)}</p>\n'
    html += f'<p class="where">Holds: {", ".join(holds) if holds else "nothing (empty)"}</p>\n'
    own = [a for a in spec.attributes if a not in shared]
    common = [a.name for a in spec.attributes if a in shared]
    if own:
        html += '<dl class="attributes">' + "".join(_attribute(a) for a in own) + "</dl>\n"
    if common:
        html += ('<p class="where">Also: ' + ", ".join(f"@{_text(name)}" for name in common)
                 + ' (see <a href="#shared">attributes many elements carry</a>)</p>\n')
    return html


def _shared(shared: tuple[AttributeSpec, ...]) -> str:
    return ('<section id="shared">\n<h2>Attributes many elements carry</h2>\n'
            f'<dl class="attributes">{"".join(_attribute(a) for a in shared)}</dl>\n</section>\n')


def _attribute(attribute: AttributeSpec) -> str:
    need = "required" if attribute.required else "optional"
    values = (" Values: " + ", ".join(f"<code>{_text(v)}</code>" for v in attribute.values) + "."
              if attribute.values else f" Value: {_text(attribute.datatype)}")
    return f"<dt>@{_text(attribute.name)} ({need})</dt><dd>{_text(attribute.documentation)}{values}</dd>"


def _models(models: tuple[ContentModel, ...]) -> str:
    items = "".join(
        f'<dt id="model-{model.name}">{_text(model.name)}</dt><dd>{_text(model.documentation)} '
        + ", ".join(_link(name) for name in sorted(model.elements, key=str.lower)) + "</dd>"
        for model in models)
    return f'<section id="models">\n<h2>Groups of elements</h2>\n<dl class="attributes">{items}</dl>\n</section>\n'


def _rules(rules: list[Rule]) -> str:
    items = "".join(f"<dt>{_text(rule.title)}</dt><dd>{_text(rule.text)}</dd>" for rule in rules)
    return ('<section id="rules">\n<h2>Rules beyond the grammar</h2>\n'
            "<p>The Schematron rules check what a grammar cannot.</p>\n"
            f'<dl class="attributes">{items}</dl>\n</section>\n')


def _link(name: str) -> str:
    return f'<a href="#el-{name}"><code>{_text(name)}</code></a>'


def _anchor(title: str) -> str:
    return "-".join(title.lower().replace(",", "").replace(":", "").split())


def _text(value: str) -> str:
    """Text content escaped for HTML (quotation marks stay as they are: they are not in attributes)."""
    return escape(value, quote=False)
