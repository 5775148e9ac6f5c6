"""Floors: the least any tool could spend on the same TEI, measured on this machine in this run.

A stage's speed means little alone (the machine, its load, the corpus all move it); its ratio to
a floor measured beside it says how much of its time is its own work. Both floors run in one
process on one core, over texts already read into memory:

- lxml parsing and serialising each TEI file: every converter writes that much XML and every
  validator reads it, so it is the floor for `convert` and `validate`;
- one minimal compiled XSLT 3.0 pass (saxonche) over each file, parse included: every XSLT-made
  web page costs that much, so it is the floor for the web stage.
"""

from __future__ import annotations

import time

from lxml import etree

#: Headings, paragraphs, speeches and lines to HTML, the rest passed through: about the least a
#: stylesheet making a readable page can do.
MINIMAL_XSLT = """<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0" exclude-result-prefixes="tei">
  <xsl:output method="html" html-version="5"/>
  <xsl:template match="/"><html><body><xsl:apply-templates select="//tei:text"/></body></html></xsl:template>
  <xsl:template match="tei:head"><h2><xsl:apply-templates/></h2></xsl:template>
  <xsl:template match="tei:p | tei:l"><p><xsl:apply-templates/></p></xsl:template>
  <xsl:template match="tei:sp"><div class="sp"><xsl:apply-templates/></div></xsl:template>
  <xsl:template match="tei:speaker"><b><xsl:apply-templates/></b></xsl:template>
  <xsl:template match="tei:note"/>
  <xsl:template match="*"><xsl:apply-templates/></xsl:template>
</xsl:stylesheet>"""


def lxml_seconds(documents: list[bytes]) -> float:
    """Seconds to parse and serialise every document once with lxml."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    started = time.perf_counter()
    for data in documents:
        etree.tostring(etree.fromstring(data, parser), encoding="UTF-8")
    return time.perf_counter() - started


def xslt_seconds(documents: list[bytes]) -> float:
    """Seconds to run the minimal stylesheet, compiled once, over every document (parse included).

    The documents are the benchmark's own TEI, made by the converter: trusted, unlike an
    editor's files, so handing their text to Saxon's parser is safe here.
    """
    from saxonche import PySaxonProcessor

    processor = PySaxonProcessor(license=False)
    stylesheet = processor.new_xslt30_processor().compile_stylesheet(stylesheet_text=MINIMAL_XSLT)
    texts = [data.decode("utf-8") for data in documents]
    started = time.perf_counter()
    for text in texts:
        stylesheet.transform_to_string(xdm_node=processor.parse_xml(xml_text=text))
    return time.perf_counter() - started
