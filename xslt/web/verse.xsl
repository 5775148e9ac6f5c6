<?xml version="1.0" encoding="UTF-8"?>
<!--
  Quotation and verse: block quotations (quote, cit with its bibl), epigraphs, line groups.
  Run-in quotations (q, soCalled, a quote inside a sentence) take their marks from
  ../common/quotation.xsl; a block quotation is set off instead and takes none.

  cit / epigraph      <figure> with the quotation in <blockquote> and the attribution in
                      <figcaption>, opened by a dash (the source's own leading dash or tilde is
                      dropped so there is exactly one)
  lg / l              <div class="lg"> with one <div class="l"> per verse line; a nested lg is a
                      stanza (class "lg stanza")
  bibl                in running text (a note, a paragraph) its parts as written, titles in <cite>
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="urn:edition"
  xmlns:w="urn:edition:web"
  exclude-result-prefixes="#all"
  expand-text="yes">

  <xsl:template match="tei:epigraph">
    <div class="epigraph">
      <xsl:apply-templates/>
    </div>
  </xsl:template>

  <xsl:template match="tei:cit">
    <figure class="cit">
      <xsl:apply-templates select="* except (tei:bibl, tei:ref)"/>
      <xsl:if test="tei:bibl | tei:ref">
        <figcaption class="attribution">
          <xsl:text>&#x2014; </xsl:text>
          <xsl:apply-templates select="tei:bibl | tei:ref" mode="attribution"/>
        </figcaption>
      </xsl:if>
    </figure>
  </xsl:template>

  <!-- An epigraph or block quotation outside cit is still set off. -->
  <xsl:template match="tei:epigraph/tei:quote | tei:cit/tei:quote | tei:quote[not(ed:is-run-in(.))]">
    <blockquote>
      <xsl:choose>
        <xsl:when test="tei:p | tei:lg | tei:l | tei:sp | tei:list">
          <xsl:apply-templates/>
        </xsl:when>
        <xsl:otherwise>
          <p><xsl:apply-templates/></p>
        </xsl:otherwise>
      </xsl:choose>
    </blockquote>
  </xsl:template>

  <xsl:template match="node()" mode="attribution">
    <xsl:apply-templates select="."/>
  </xsl:template>

  <xsl:template match="(tei:bibl | tei:ref)/text()[1][not(preceding-sibling::*)]" mode="attribution">
    <xsl:value-of select="replace(., '^\s*[~\-&#x2010;-&#x2015;]+\s*', '')"/>
  </xsl:template>

  <xsl:template match="tei:bibl | tei:ref" mode="attribution">
    <xsl:apply-templates mode="attribution"/>
  </xsl:template>

  <xsl:template match="tei:bibl">
    <span class="bibl"><xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template match="tei:lg">
    <div class="{if (parent::tei:lg) then 'lg stanza' else 'lg'}">
      <xsl:apply-templates select="*"/>
    </div>
  </xsl:template>

  <xsl:template match="tei:l">
    <div class="l"><xsl:apply-templates/></div>
  </xsl:template>

</xsl:stylesheet>
