<?xml version="1.0" encoding="UTF-8"?>
<!--
  What the teiHeader gives the printed page: the head of each text (author, title, subtitle,
  date, first publication; a text without an author is marked "anonymous", so that its title
  heads the left-hand pages too), the note on the text (where the transcription came from, what the
  editors changed) and the colophon of the edition. The header is read through the functions of
  common/header.xsl. The head's author and title carry the classes print.css takes the running
  heads from (string-set on .running-author and .running-title).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="urn:edition"
  exclude-result-prefixes="#all">

  <!-- "Title: Subtitle", for <title> (the PDF's title). -->
  <xsl:function name="ed:full-title" as="xs:string">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="string-join((ed:title($tei), ed:subtitle($tei))[. ne ''], ': ')"/>
  </xsl:function>

  <xsl:template match="tei:teiHeader" mode="ed:text-head">
    <xsl:variable name="tei" select="parent::tei:TEI"/>
    <header class="{string-join(('text-head', if (empty(ed:authors($tei))) then 'anonymous' else ()), ' ')}">
      <xsl:if test="exists(ed:authors($tei))">
        <p class="author running-author"><xsl:value-of select="ed:join-names(ed:authors($tei))"/></p>
      </xsl:if>
      <h1 class="title running-title"><xsl:value-of select="ed:title($tei)"/></h1>
      <xsl:if test="ed:subtitle($tei)">
        <p class="subtitle"><xsl:value-of select="ed:subtitle($tei)"/></p>
      </xsl:if>
      <xsl:if test="ed:creation-date($tei)">
        <p class="date"><xsl:value-of select="ed:format-date(ed:creation-date($tei))"/></p>
      </xsl:if>
      <xsl:for-each select="ed:first-publication($tei)[ed:names-a-publication(.)]">
        <p class="first-publication">
          <xsl:text>First published in </xsl:text>
          <xsl:call-template name="ed:cite">
            <xsl:with-param name="bibl" select="."/>
          </xsl:call-template>
        </p>
      </xsl:for-each>
    </header>
  </xsl:template>

  <!-- A bibl that says where something was published, not merely a title ("First published in"
       would be false of a bare title). -->
  <xsl:function name="ed:names-a-publication" as="xs:boolean">
    <xsl:param name="bibl" as="element(tei:bibl)"/>
    <xsl:sequence select="exists($bibl/(tei:title[@level = ('j', 'm')] | tei:pubPlace | tei:publisher
      | tei:date | tei:biblScope))"/>
  </xsl:function>

  <!-- At the end of each text, in small type: the transcription it was made from and the editorial
       decisions, so that the reader of a printout knows what was changed. -->
  <xsl:template match="tei:teiHeader" mode="ed:note-on-text">
    <xsl:variable name="transcription" select="ed:transcription(parent::tei:TEI)"/>
    <xsl:variable name="decisions" select="tei:encodingDesc/tei:editorialDecl"/>
    <xsl:variable name="credits" select="../tei:text/tei:front/tei:div[@type = 'source']/(* except tei:bibl)"/>
    <xsl:if test="$transcription or $decisions or $credits">
      <section class="note-on-text">
        <h2>Note on the text</h2>
        <xsl:for-each select="$transcription">
          <p>Transcribed from: <xsl:apply-templates/></p>
        </xsl:for-each>
        <xsl:apply-templates select="$credits"/>
        <xsl:apply-templates select="$decisions/node()"/>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- The lines the editors removed, kept as a record, each with its line in the source. -->
  <xsl:template match="tei:list[@type = 'removed']">
    <ul class="removed">
      <xsl:for-each select="tei:item">
        <li>
          <xsl:if test="@n"><span class="line-number">line <xsl:value-of select="@n"/>: </span></xsl:if>
          <xsl:apply-templates/>
        </li>
      </xsl:for-each>
    </ul>
  </xsl:template>

  <xsl:template match="tei:editorialDecl//tei:gi">&lt;<xsl:value-of select="."/>&gt;</xsl:template>
  <xsl:template match="tei:editorialDecl//tei:att">@<xsl:value-of select="."/></xsl:template>
  <xsl:template match="tei:idno[@type = 'file']"><code><xsl:value-of select="."/></code></xsl:template>

  <xsl:template name="ed:colophon">
    <section class="colophon">
      <h2>Colophon</h2>
      <p>This is the print edition of a digital scholarly edition. Each text was transcribed as plain
        text and encoded in TEI P5 XML; an XSLT 3.0 stylesheet, run with Saxon (saxonche), made
        paged HTML of the encoding, and WeasyPrint typeset that HTML into this PDF. The web edition
        is made from the same TEI files.</p>
      <p>Quotation marks, the form of citations, running heads and page references are supplied by
        the stylesheets from the encoding; the words are those of the transcription, with the
        corrections and normalisations recorded in the note on each text.</p>
    </section>
  </xsl:template>

</xsl:stylesheet>
