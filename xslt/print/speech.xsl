<?xml version="1.0" encoding="UTF-8"?>
<!--
  Speech: each turn (sp) as a block with its speaker label as the source writes it, set in small
  capitals (print.css). When the turn opens with prose, the label runs in at the start of that
  paragraph, as printed interviews and plays set it; before verse it stands on a line of its own.
  The turn's class says whether it is a question or an answer (@ana); its id and the empty span
  that ends it (ed:turn-id, ed:turn-end-id) are what the volume's index of persons points at.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="urn:edition"
  exclude-result-prefixes="#all">

  <xsl:template match="tei:sp">
    <div class="{string-join(('sp', tokenize(@ana) ! substring-after(., '#')), ' ')}" id="{ed:turn-id(.)}">
      <xsl:apply-templates/>
      <span class="turn-end" id="{ed:turn-end-id(.)}"></span>
    </div>
  </xsl:template>

  <xsl:function name="ed:turn-id" as="xs:string">
    <xsl:param name="sp" as="element(tei:sp)"/>
    <xsl:sequence select="'turn-' || generate-id($sp)"/>
  </xsl:function>

  <!-- Where the turn ends: the index of persons gives the pages a long turn runs over. -->
  <xsl:function name="ed:turn-end-id" as="xs:string">
    <xsl:param name="sp" as="element(tei:sp)"/>
    <xsl:sequence select="ed:turn-id($sp) || '-end'"/>
  </xsl:function>

  <xsl:template match="tei:speaker">
    <p class="speaker-line"><xsl:apply-templates select="." mode="ed:label"/></p>
  </xsl:template>

  <xsl:template match="tei:speaker[ed:runs-in(.)]"/>

  <xsl:function name="ed:runs-in" as="xs:boolean">
    <xsl:param name="speaker" as="element(tei:speaker)"/>
    <xsl:sequence select="exists($speaker/following-sibling::*[1][self::tei:p][not(ed:holds-blocks(.))])"/>
  </xsl:function>

  <xsl:template match="tei:speaker" mode="ed:label">
    <span class="speaker"><xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template match="tei:sp/tei:p[preceding-sibling::*[1][self::tei:speaker[ed:runs-in(.)]]]">
    <p class="p">
      <xsl:apply-templates select="preceding-sibling::tei:speaker[1]" mode="ed:label"/>
      <xsl:text> </xsl:text>
      <xsl:apply-templates/>
    </p>
  </xsl:template>

  <xsl:template match="tei:stage">
    <p class="stage"><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="tei:p//tei:stage | tei:l//tei:stage">
    <span class="stage"><xsl:apply-templates/></span>
  </xsl:template>

</xsl:stylesheet>
