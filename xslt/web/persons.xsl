<?xml version="1.0" encoding="UTF-8"?>
<!--
  The persons page (mode "persons" on the ed:collection document): everyone listed in a text's
  particDesc, alphabetically, with the texts they speak in and a link to each of their turns
  (STEM.html#sp-N, the anchors of speech.xsl). The same name in several texts is one entry,
  since person ids are only unique within their own text.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="urn:edition"
  xmlns:w="urn:edition:web"
  exclude-result-prefixes="#all"
  expand-text="yes">

  <xsl:function name="w:name-key" as="xs:string">
    <xsl:param name="person" as="element(tei:person)"/>
    <xsl:sequence select="replace(lower-case(ed:person-name($person)), '[^\p{L}\p{N}]+', '-')"/>
  </xsl:function>

  <xsl:template match="/ed:collection" mode="persons">
    <xsl:call-template name="w:page">
      <xsl:with-param name="title" select="'Persons'"/>
      <xsl:with-param name="main">
        <h1>Persons</h1>
        <p class="lead">Everyone who speaks in the texts, with a link to each of their turns.</p>
        <ul class="persons">
          <xsl:for-each-group select="ed:text/tei:TEI/tei:teiHeader/tei:profileDesc/tei:particDesc//tei:person"
                              group-by="w:name-key(.)">
            <xsl:sort select="lower-case(ed:person-name(.))" lang="en"/>
            <li class="person" id="person-{current-grouping-key()}">
              <h2>{ed:person-name(.)}</h2>
              <ul class="appearances">
                <xsl:apply-templates select="current-group()" mode="persons"/>
              </ul>
            </li>
          </xsl:for-each-group>
        </ul>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:person" mode="persons">
    <xsl:variable name="stem" select="ancestor::ed:text/@stem"/>
    <xsl:variable name="ref" select="'#' || @xml:id"/>
    <xsl:variable name="turns" select="ancestor::tei:TEI/tei:text//tei:sp[tokenize(@who) = $ref]"/>
    <li>
      <a href="{encode-for-uri($stem)}.html"><cite>{ed:title(ancestor::tei:TEI)}</cite></a>
      <xsl:choose>
        <xsl:when test="$turns">
          <xsl:text>: </xsl:text>
          <xsl:for-each select="$turns">
            <a href="{encode-for-uri($stem)}.html#{w:turn-id(.)}" class="turn-ref"
               aria-label="turn {w:turn-number(.)} ({normalize-space(tei:speaker)})">{w:turn-number(.)}</a>
            <xsl:if test="position() ne last()">, </xsl:if>
          </xsl:for-each>
          <span class="count"> ({count($turns)} {if (count($turns) = 1) then 'turn' else 'turns'})</span>
        </xsl:when>
        <xsl:otherwise>: no turns</xsl:otherwise>
      </xsl:choose>
    </li>
  </xsl:template>

</xsl:stylesheet>
