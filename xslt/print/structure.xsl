<?xml version="1.0" encoding="UTF-8"?>
<!--
  The prose of a text: front matter, divisions and their heads, paragraphs, and the phrase-level
  elements (emphasis, titles, corrections, line breaks, lists, links).

  The title page in front and the source lines (front/div[@type='source']) repeat what the text's
  head already prints from the header (author, title, date, first publication), so they are left
  out here; the other source lines (credits) go to the note on the text (header.xsl). A paragraph that holds block material (a
  block quotation, verse, a list) becomes <div class="p">: an HTML <p> cannot contain blocks, and
  the HTML parser would cut it in two.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="urn:edition"
  exclude-result-prefixes="#all">

  <xsl:template match="tei:front">
    <div class="front"><xsl:apply-templates/></div>
  </xsl:template>

  <xsl:template match="tei:titlePage | tei:front/tei:div[@type = 'source']"/>

  <xsl:template match="tei:front/tei:div[@type = 'editorial']">
    <section class="editorial"><xsl:apply-templates/></section>
  </xsl:template>

  <xsl:template match="tei:back">
    <div class="back"><xsl:apply-templates/></div>
  </xsl:template>

  <xsl:template match="tei:div">
    <section class="{string-join(('div', @type), ' ')}"><xsl:apply-templates/></section>
  </xsl:template>

  <!-- h2 for a division of the text (h1 is the text's title), one level deeper for each nested div. -->
  <xsl:template match="tei:div/tei:head">
    <xsl:element name="h{min((count(ancestor::tei:div) + 1, 6))}">
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:p">
    <xsl:element name="{if (ed:holds-blocks(.)) then 'div' else 'p'}">
      <xsl:attribute name="class" select="'p'"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:function name="ed:holds-blocks" as="xs:boolean">
    <xsl:param name="p" as="element()"/>
    <xsl:sequence select="exists($p/(tei:lg | tei:l | tei:list | tei:table | tei:cit
      | tei:quote[not(ed:is-run-in(.))]))"/>
  </xsl:function>

  <xsl:template match="tei:lb">
    <br/>
  </xsl:template>

  <xsl:template match="tei:choice">
    <xsl:apply-templates select="(tei:corr, tei:reg, tei:expan, *)[1]"/>
  </xsl:template>

  <xsl:template match="tei:hi[matches(@rend, 'bold')]">
    <strong><xsl:apply-templates/></strong>
  </xsl:template>

  <xsl:template match="tei:hi | tei:emph | tei:foreign | tei:term">
    <em><xsl:apply-templates/></em>
  </xsl:template>

  <xsl:template match="tei:title">
    <cite><xsl:apply-templates/></cite>
  </xsl:template>

  <xsl:template match="tei:ref[@target]">
    <a href="{@target}"><xsl:apply-templates/></a>
  </xsl:template>

  <xsl:template match="tei:list">
    <xsl:element name="{if (tei:label) then 'ul' else if (@type = 'ordered' or @rend = 'numbered') then 'ol' else 'ul'}">
      <xsl:if test="tei:label">
        <xsl:attribute name="class" select="'labelled'"/>
      </xsl:if>
      <xsl:apply-templates select="tei:item"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:item">
    <!-- the source's own marker ('1.', '-'), when the list keeps it in a label before the item -->
    <li>
      <xsl:for-each select="preceding-sibling::*[1][self::tei:label]">
        <span class="label"><xsl:apply-templates/></span>
        <xsl:text> </xsl:text>
      </xsl:for-each>
      <xsl:apply-templates/>
    </li>
  </xsl:template>

  <xsl:template match="tei:gap">
    <span class="gap">[…]</span>
  </xsl:template>

  <!-- The source's page breaks belong to the source, not to this book. -->
  <xsl:template match="tei:pb | tei:milestone"/>

</xsl:stylesheet>
