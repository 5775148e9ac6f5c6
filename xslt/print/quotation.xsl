<?xml version="1.0" encoding="UTF-8"?>
<!--
  Block quotations and epigraphs. Run-in quotations (q, soCalled, a quote within a sentence) get
  their marks from common/quotation.xsl; a block quotation is set off by its indent instead and
  takes no marks. A quotation's source (cit/bibl) follows it as an attribution line, "— Author,
  Title", whatever dash or tilde the source put before it.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="urn:edition"
  exclude-result-prefixes="#all">

  <xsl:template match="tei:epigraph">
    <div class="epigraph"><xsl:apply-templates/></div>
  </xsl:template>

  <xsl:template match="tei:cit">
    <div class="cit"><xsl:apply-templates/></div>
  </xsl:template>

  <xsl:template match="tei:quote[not(ed:is-run-in(.))]">
    <blockquote>
      <xsl:choose>
        <xsl:when test="tei:p | tei:lg | tei:l | tei:sp | tei:list | tei:table">
          <xsl:apply-templates/>
        </xsl:when>
        <xsl:otherwise>
          <p class="p"><xsl:apply-templates/></p>
        </xsl:otherwise>
      </xsl:choose>
    </blockquote>
  </xsl:template>

  <xsl:template match="tei:cit/tei:bibl | tei:epigraph/tei:bibl">
    <p class="attribution">
      <xsl:text>&#x2014;&#x2009;</xsl:text>
      <xsl:apply-templates/>
    </p>
  </xsl:template>

  <!-- The source's own lead-in to an attribution ("~", "—", "- ") gives way to the one above. -->
  <xsl:template match="tei:cit/tei:bibl/text()[1][not(preceding-sibling::node())]
                     | tei:epigraph/tei:bibl/text()[1][not(preceding-sibling::node())]">
    <xsl:value-of select="replace(., '^[\s~\-&#x2013;&#x2014;]+', '')"/>
  </xsl:template>

</xsl:stylesheet>
