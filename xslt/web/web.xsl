<?xml version="1.0" encoding="UTF-8"?>
<!--
  The web edition: TEI → HTML5 pages, one stylesheet compiled once per worker process.

  Entry points (edition/publish/web.py chooses one per call):
    default mode, on a tei:TEI document       the page of one text (STEM.html);
                                               parameter $stem names its files (STEM.xml, STEM.html)
    mode "index", on an ed:collection         the front page listing every text (index.html)
    mode "persons", on an ed:collection       every person with links to their turns (persons.html)
  The collection document is built by web.py from the safely parsed TEI files:
    <ed:collection xmlns:ed="urn:edition"><ed:text stem="STEM"><TEI>…</TEI></ed:text>…</ed:collection>

  Modules, by TEI area: page.xsl (the HTML shell shared by every page), header-panel.xsl (title,
  author, date, source, provenance, "Cite this text"), structure.xsl (front, body, divisions,
  contents, paragraphs and phrase-level markup), speech.xsl (sp, speaker, stage), verse.xsl
  (quote, cit, epigraph, lg, l), notes.xsl (footnotes both ways), index.xsl, persons.xsl.
  ../common/*.xsl are shared with the print edition.
  HTML is written in no namespace and serialised as HTML5.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="urn:edition"
  xmlns:w="urn:edition:web"
  exclude-result-prefixes="#all"
  expand-text="yes">

  <xsl:import href="../common/header.xsl"/>
  <xsl:import href="../common/dates.xsl"/>
  <xsl:import href="../common/names.xsl"/>
  <xsl:import href="../common/kinds.xsl"/>
  <xsl:import href="../common/citation.xsl"/>
  <xsl:import href="../common/quotation.xsl"/>

  <xsl:include href="page.xsl"/>
  <xsl:include href="header-panel.xsl"/>
  <xsl:include href="structure.xsl"/>
  <xsl:include href="speech.xsl"/>
  <xsl:include href="verse.xsl"/>
  <xsl:include href="notes.xsl"/>
  <xsl:include href="index.xsl"/>
  <xsl:include href="persons.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"/>

  <!-- The file name (without .xml/.html) of the text being published. -->
  <xsl:param name="stem" as="xs:string" select="''"/>

  <xsl:mode use-accumulators="#all"/>
  <xsl:mode name="index" use-accumulators="#all"/>
  <xsl:mode name="persons" use-accumulators="#all"/>

  <xsl:template match="/tei:TEI">
    <xsl:call-template name="w:page">
      <xsl:with-param name="title" select="ed:title(.)"/>
      <xsl:with-param name="main">
        <article lang="{ed:lang(.)}" data-pagefind-body="">
          <xsl:apply-templates select="." mode="header-panel"/>
          <xsl:apply-templates select="tei:text" mode="toc"/>
          <xsl:apply-templates select="tei:text"/>
          <xsl:apply-templates select="tei:text" mode="footnotes"/>
          <xsl:apply-templates select="." mode="cite"/>
        </article>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
