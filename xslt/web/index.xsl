<?xml version="1.0" encoding="UTF-8"?>
<!--
  The front page (mode "index" on the ed:collection document): the search box and every text
  with its title, author, date, kind and first publication, grouped by kind (the kind whose
  earliest text is oldest first) and ordered by date within each kind.

  The search is Pagefind's own interface, loaded from the pagefind/ folder that
  `python -m pagefind` writes beside the pages; edition.js starts it.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="urn:edition"
  xmlns:w="urn:edition:web"
  exclude-result-prefixes="#all"
  expand-text="yes">

  <xsl:template match="/ed:collection" mode="index">
    <xsl:call-template name="w:page">
      <xsl:with-param name="title" select="'Texts'"/>
      <xsl:with-param name="head">
        <link rel="stylesheet" href="pagefind/pagefind-ui.css"/>
        <script src="pagefind/pagefind-ui.js"></script>
      </xsl:with-param>
      <xsl:with-param name="main">
        <h1>Texts</h1>
        <p class="lead">{count(ed:text)} {if (count(ed:text) = 1) then 'text' else 'texts'}, each with its TEI source and a citation.</p>
        <section id="search" class="search" aria-labelledby="search-heading">
          <h2 id="search-heading">Search</h2>
          <div id="search-ui"></div>
          <noscript><p>The search needs JavaScript.</p></noscript>
        </section>
        <xsl:for-each-group select="ed:text" group-by="ed:kind(tei:TEI)">
          <xsl:sort select="min(current-group()/w:sort-key(tei:TEI))"/>
          <xsl:variable name="kind" select="current-grouping-key()"/>
          <section class="kind-group" aria-labelledby="kind-{position()}">
            <h2 id="kind-{position()}">{ed:kind-plural($kind)}</h2>
            <ol class="texts">
              <xsl:apply-templates select="current-group()" mode="index">
                <xsl:sort select="w:sort-key(tei:TEI)"/>
                <xsl:sort select="ed:title(tei:TEI)" lang="en"/>
              </xsl:apply-templates>
            </ol>
          </section>
        </xsl:for-each-group>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Texts without a date sort after the dated ones. -->
  <xsl:function name="w:sort-key" as="xs:string">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="(ed:sort-key(ed:creation-date($tei))[. ne ''], '~')[1]"/>
  </xsl:function>

  <xsl:template match="ed:text" mode="index">
    <xsl:variable name="tei" select="tei:TEI"/>
    <xsl:variable name="subtitle" select="ed:subtitle($tei)"/>
    <li class="entry" data-kind="{ed:kind($tei)}">
      <h3><a href="{encode-for-uri(@stem)}.html">{ed:title($tei)}</a></h3>
      <xsl:if test="$subtitle">
        <p class="subtitle">{$subtitle}</p>
      </xsl:if>
      <p class="meta">
        <xsl:value-of select="string-join((ed:join-names(ed:authors($tei)),
          ed:format-date(ed:creation-date($tei)), ed:kind-label(ed:kind($tei)))[. ne ''], ' · ')"/>
      </p>
      <xsl:if test="ed:has-imprint(ed:first-publication($tei))">
        <p class="source">First published: <xsl:call-template name="ed:cite">
            <xsl:with-param name="bibl" select="ed:first-publication($tei)"/>
            <!-- the author and title are shown beside it already -->
            <xsl:with-param name="authors" select="()"/>
            <xsl:with-param name="title" select="''"/>
          </xsl:call-template>
        </p>
      </xsl:if>
    </li>
  </xsl:template>

</xsl:stylesheet>
