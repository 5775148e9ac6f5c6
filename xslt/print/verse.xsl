<?xml version="1.0" encoding="UTF-8"?>
<!--
  Verse: a line group (lg) is a block, a line group inside one is a stanza, and every line (l)
  is a block of its own, so that a verse line is never run on into the next one. print.css hangs
  the turnovers of a line too long for the measure.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <xsl:template match="tei:lg">
    <div class="{if (parent::tei:lg) then 'stanza' else 'lg'}"><xsl:apply-templates/></div>
  </xsl:template>

  <xsl:template match="tei:l">
    <div class="l"><xsl:apply-templates/></div>
  </xsl:template>

  <xsl:template match="tei:lg/tei:head">
    <p class="lg-head"><xsl:apply-templates/></p>
  </xsl:template>

</xsl:stylesheet>
