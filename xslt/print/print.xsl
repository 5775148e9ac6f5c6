<?xml version="1.0" encoding="UTF-8"?>
<!--
  The print edition: TEI P5 → paged HTML, which WeasyPrint typesets with print.css.

  One stylesheet, two entry points chosen by the root element:
    /TEI         one text: its head (title, author, date, first publication), the text, a note on
                 the text (provenance, editorial decisions) and the edition's colophon;
    /teiCorpus   the collected volume: title page, colophon, contents, every text as above,
                 an index of persons (volume.xsl). edition/publish/pdf.py wraps the texts in a
                 teiCorpus for this.
  The page itself (running heads, folios, footnote area, recto starts) is print.css's job; the
  HTML only names the parts (classes) and sets the strings and anchors the CSS refers to.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="urn:edition"
  exclude-result-prefixes="#all">

  <xsl:import href="../common/header.xsl"/>
  <xsl:import href="../common/dates.xsl"/>
  <xsl:import href="../common/names.xsl"/>
  <xsl:import href="../common/quotation.xsl"/>
  <xsl:import href="../common/citation.xsl"/>
  <xsl:include href="header.xsl"/>
  <xsl:include href="structure.xsl"/>
  <xsl:include href="speech.xsl"/>
  <xsl:include href="verse.xsl"/>
  <xsl:include href="quotation.xsl"/>
  <xsl:include href="notes.xsl"/>
  <xsl:include href="volume.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"/>

  <xsl:template match="/tei:TEI">
    <html lang="{ed:lang(.)}">
      <head>
        <meta charset="utf-8"/>
        <title><xsl:value-of select="ed:full-title(.)"/></title>
        <xsl:if test="exists(ed:authors(.))">
          <meta name="author" content="{ed:join-names(ed:authors(.))}"/>
        </xsl:if>
        <meta name="generator" content="edition: TEI P5 → XSLT 3.0 (saxonche) → WeasyPrint"/>
      </head>
      <body class="single">
        <xsl:apply-templates select="." mode="ed:text"/>
        <xsl:call-template name="ed:colophon"/>
      </body>
    </html>
  </xsl:template>

  <!-- One text, in a single PDF or in the volume: head, front matter, body, back, note on the text. -->
  <xsl:template match="tei:TEI" mode="ed:text">
    <article class="text {tei:text/@type}" id="{ed:text-id(.)}" lang="{ed:lang(.)}">
      <xsl:apply-templates select="tei:teiHeader" mode="ed:text-head"/>
      <xsl:apply-templates select="tei:text/tei:front"/>
      <div class="body">
        <xsl:apply-templates select="tei:text/tei:body"/>
      </div>
      <xsl:apply-templates select="tei:text/tei:back"/>
      <xsl:apply-templates select="tei:teiHeader" mode="ed:note-on-text"/>
    </article>
  </xsl:template>

  <!-- The anchor a text starts at, for the contents' page numbers. -->
  <xsl:function name="ed:text-id" as="xs:string">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="'text-' || generate-id($tei)"/>
  </xsl:function>

</xsl:stylesheet>
