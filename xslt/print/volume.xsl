<?xml version="1.0" encoding="UTF-8"?>
<!--
  The collected volume (root teiCorpus, one TEI per text, made by edition/publish/pdf.py): a title
  page, the colophon on its verso, the contents, every text in order of its date (undated texts
  last, in the order given), and an index of persons.

  Page numbers are not known here; WeasyPrint finds them: the contents and the index are links to
  the texts' and turns' ids, and print.css shows each link as target-counter(attr(href url), page).
  Persons are matched across texts by name (each text has its own xml:ids), so that one person who
  speaks in two texts has one index entry.

  A person often speaks several times on one page, and the index should name that page once. Only
  typesetting knows which turns share a page, so pdf.py typesets the volume, reads where each turn
  landed, and runs this stylesheet again with $turn-pages; the index then links the first turn
  of each person on each page. Without the parameter every turn is linked.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="urn:edition"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  exclude-result-prefixes="#all">

  <xsl:variable name="ed:volume-title" select="'Collected Texts'"/>

  <!-- "turn-ID=PAGE turn-ID=PAGE …": where a first typesetting put each turn (ed:turn-id). -->
  <xsl:param name="turn-pages" as="xs:string" select="''"/>
  <xsl:variable name="ed:page-of-turn" as="map(xs:string, xs:string)" select="map:merge(
    tokenize($turn-pages) ! map { substring-before(., '=') : substring-after(., '=') })"/>

  <xsl:template match="/tei:teiCorpus">
    <xsl:variable name="texts" as="element(tei:TEI)*">
      <xsl:perform-sort select="tei:TEI">
        <xsl:sort select="ed:sort-key(ed:creation-date(.)) = ''"/>
        <xsl:sort select="ed:sort-key(ed:creation-date(.))"/>
      </xsl:perform-sort>
    </xsl:variable>
    <html lang="{(distinct-values($texts ! ed:lang(.)), 'en')[1]}">
      <head>
        <meta charset="utf-8"/>
        <title><xsl:value-of select="$ed:volume-title"/></title>
        <xsl:variable name="authors" select="distinct-values($texts ! ed:authors(.))"/>
        <xsl:if test="exists($authors)">
          <meta name="author" content="{ed:join-names($authors)}"/>
        </xsl:if>
        <meta name="generator" content="edition: TEI P5 → XSLT 3.0 (saxonche) → WeasyPrint"/>
      </head>
      <body class="volume">
        <xsl:call-template name="ed:title-page">
          <xsl:with-param name="texts" select="$texts"/>
        </xsl:call-template>
        <xsl:call-template name="ed:colophon"/>
        <xsl:call-template name="ed:contents">
          <xsl:with-param name="texts" select="$texts"/>
        </xsl:call-template>
        <xsl:apply-templates select="$texts" mode="ed:text"/>
        <xsl:call-template name="ed:index-of-persons">
          <xsl:with-param name="texts" select="$texts"/>
        </xsl:call-template>
      </body>
    </html>
  </xsl:template>

  <xsl:template name="ed:title-page">
    <xsl:param name="texts" as="element(tei:TEI)*"/>
    <xsl:variable name="years" select="sort(distinct-values($texts ! ed:year(ed:creation-date(.)))[. ne ''])"/>
    <section class="title-page">
      <h1 class="volume-title"><xsl:value-of select="$ed:volume-title"/></h1>
      <p class="volume-extent">
        <xsl:value-of select="count($texts), if (count($texts) = 1) then 'text' else 'texts'"/>
        <xsl:if test="exists($years)">
          <xsl:value-of select="', ' || string-join(distinct-values(($years[1], $years[last()])), '&#x2013;')"/>
        </xsl:if>
      </p>
      <p class="volume-imprint">A print edition from TEI P5</p>
    </section>
  </xsl:template>

  <xsl:template name="ed:contents">
    <xsl:param name="texts" as="element(tei:TEI)*"/>
    <nav class="contents">
      <h2>Contents</h2>
      <ol>
        <xsl:for-each select="$texts">
          <li>
            <a class="toc-entry" href="#{ed:text-id(.)}"><xsl:value-of select="ed:title(.)"/></a>
            <xsl:if test="exists(ed:authors(.))">
              <span class="toc-author"><xsl:value-of select="ed:join-names(ed:authors(.))"/></span>
            </xsl:if>
          </li>
        </xsl:for-each>
        <li><a class="toc-entry" href="#index-of-persons">Index of Persons</a></li>
      </ol>
    </nav>
  </xsl:template>

  <!-- Every person who has a turn, by name; after the name, a link to each of their turns, which
       print.css shows as the page number. -->
  <xsl:template name="ed:index-of-persons">
    <xsl:param name="texts" as="element(tei:TEI)*"/>
    <xsl:variable name="turns" select="$texts ! .//tei:sp[@who]"/>
    <section class="index" id="index-of-persons">
      <h1 class="running-title">Index of Persons</h1>
      <ul>
        <xsl:for-each-group select="$turns" group-by="ed:speaker-in-text(.)">
          <xsl:sort select="lower-case(current-grouping-key())"/>
          <li>
            <span class="index-name"><xsl:value-of select="current-grouping-key()"/></span>
            <xsl:text> </xsl:text>
            <xsl:call-template name="ed:locators">
              <xsl:with-param name="turns" select="current-group()"/>
            </xsl:call-template>
          </li>
        </xsl:for-each-group>
      </ul>
    </section>
  </xsl:template>

  <!-- A person's turns as locators: one per page ("5, 8"), and a run of three or more pages as a
       range between its first and last turn ("12–15"). Before the page facts are known, one per turn. -->
  <xsl:template name="ed:locators">
    <xsl:param name="turns" as="element(tei:sp)*"/>
    <xsl:variable name="first-on-page" as="element(tei:sp)*">
      <xsl:for-each-group select="$turns" group-by="($ed:page-of-turn(ed:turn-id(.)), ed:turn-id(.))[1]">
        <xsl:sequence select="."/>
      </xsl:for-each-group>
    </xsl:variable>
    <xsl:for-each-group select="$first-on-page" group-adjacent="ed:page-run-key(., position())">
      <span class="locator">
        <a class="page-ref" href="#{ed:turn-id(.)}"></a>
        <xsl:if test="count(current-group()) ge 3">
          <xsl:text>&#x2013;</xsl:text>
          <a class="page-ref" href="#{ed:turn-id(current-group()[last()])}"></a>
        </xsl:if>
      </span>
      <xsl:if test="count(current-group()) = 2">
        <span class="locator"><a class="page-ref" href="#{ed:turn-id(current-group()[2])}"></a></span>
      </xsl:if>
    </xsl:for-each-group>
  </xsl:template>

  <!-- Equal for turns on consecutive pages (page minus position), unique when the page is unknown. -->
  <xsl:function name="ed:page-run-key" as="xs:string">
    <xsl:param name="sp" as="element(tei:sp)"/>
    <xsl:param name="position" as="xs:integer"/>
    <xsl:variable name="page" select="$ed:page-of-turn(ed:turn-id($sp))"/>
    <xsl:sequence select="if (exists($page)) then string(xs:integer($page) - $position) else ed:turn-id($sp)"/>
  </xsl:function>

  <!-- The names of the persons a turn's @who points at, looked up in the turn's own text (the
       xml:ids of different texts may repeat). -->
  <xsl:function name="ed:speaker-in-text" as="xs:string*">
    <xsl:param name="sp" as="element(tei:sp)"/>
    <xsl:variable name="people" select="$sp/ancestor::tei:TEI[1]/tei:teiHeader//tei:person"/>
    <xsl:sequence select="for $ref in tokenize($sp/@who)
      return ($people[@xml:id = substring-after($ref, '#')] ! ed:person-name(.))[1]"/>
  </xsl:function>

</xsl:stylesheet>
