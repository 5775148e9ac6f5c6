<?xml version="1.0" encoding="UTF-8"?>
<!--
  The collected volume (root teiCorpus, one TEI per text, made by edition/publish/pdf.py): a title
  page, the colophon on its verso, the contents, every text in order of its date (undated texts
  last, in the order given), and an index of persons.

  Page numbers are not known here; WeasyPrint finds them: the contents and the index are links to
  the texts' and turns' ids, and print.css shows each link as target-counter(attr(href url), page).
  Persons are matched across texts by name (each text has its own xml:ids), so that one person who
  speaks in two texts has one index entry.

  A person often speaks several times on one page, or for pages on end, and the index should name
  each page once and a stretch as a range. Only typesetting knows where turns fall, so pdf.py
  typesets the volume, reads the page of each turn's start and end anchor, and runs this stylesheet
  again with $turn-pages (ed:locators). Without the parameter every turn is linked.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="urn:edition"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  exclude-result-prefixes="#all">

  <xsl:variable name="ed:volume-title" select="'Collected Texts'"/>

  <!-- "ID=PAGE ID=PAGE …": where a first typesetting put the start (ed:turn-id) and the end
       (ed:turn-end-id) of each turn. -->
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

  <!-- A person's turns as locators: the pages they speak on, each page once, and the pages a
       stretch of speech covers as a range ("5–7"): from the page where the first of its turns
       starts to the page where the last one ends. Turns whose pages are not known yet (the first
       typesetting) get a locator each. -->
  <xsl:template name="ed:locators">
    <xsl:param name="turns" as="element(tei:sp)*"/>
    <xsl:iterate select="$turns">
      <xsl:param name="runs" as="map(*)*" select="()"/>
      <xsl:on-completion>
        <xsl:for-each select="$runs">
          <span class="locator">
            <a class="page-ref" href="#{ed:turn-id(?first)}"></a>
            <xsl:if test="?to gt ?from">
              <xsl:text>&#x2013;</xsl:text>
              <a class="page-ref" href="#{ed:turn-end-id(?last)}"></a>
            </xsl:if>
          </span>
        </xsl:for-each>
      </xsl:on-completion>
      <xsl:variable name="from" select="ed:page-of(ed:turn-id(.))"/>
      <xsl:variable name="to" select="ed:page-of(ed:turn-end-id(.))"/>
      <xsl:variable name="run" select="$runs[last()]"/>
      <xsl:next-iteration>
        <xsl:with-param name="runs" select="
          if (exists($run) and $from le $run?to + 1)
          then ($runs[position() lt last()],
                if ($to gt $run?to) then map:merge((map { 'last': ., 'to': $to }, $run), map { 'duplicates': 'use-first' })
                else $run)
          else ($runs, map { 'first': ., 'last': ., 'from': $from, 'to': $to })"/>
      </xsl:next-iteration>
    </xsl:iterate>
  </xsl:template>

  <!-- The page an anchor landed on in the first typesetting; empty before that, so that no
       comparison holds and every turn stays a run of its own. -->
  <xsl:function name="ed:page-of" as="xs:integer?">
    <xsl:param name="anchor" as="xs:string"/>
    <xsl:sequence select="$ed:page-of-turn($anchor) ! xs:integer(.)"/>
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
