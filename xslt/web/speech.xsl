<?xml version="1.0" encoding="UTF-8"?>
<!--
  Speech: turns (sp) with their speaker labels, questions and answers, stage directions.

  Every turn gets a stable anchor a reader can link to: its xml:id when it has one, else "sp-N"
  (N counts the turns of the text from 1, in document order), so the persons page can link to it.
  The turn's number is shown beside its label as a link to the turn itself (the persons page
  refers to turns by these numbers).
  A turn marked @ana="#question" or "#answer" carries the class "question" or "answer"; a turn
  with no speaker label but such a mark gets an implied label in brackets.
  The speaker label is printed as the source wrote it; the person's name (persName of @who) is
  added beside it when the label does not already say it ("QUESTION:" asked by John Smith).

  w:turn-id($sp)       the turn's anchor
  w:turn-number($sp)   N above
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="urn:edition"
  xmlns:w="urn:edition:web"
  exclude-result-prefixes="#all"
  expand-text="yes">

  <xsl:accumulator name="w:turn" as="xs:integer" initial-value="0">
    <xsl:accumulator-rule match="tei:TEI" select="0"/>
    <xsl:accumulator-rule match="tei:sp" select="$value + 1"/>
  </xsl:accumulator>

  <xsl:function name="w:turn-number" as="xs:integer">
    <xsl:param name="sp" as="element(tei:sp)"/>
    <xsl:sequence select="$sp/accumulator-before('w:turn')"/>
  </xsl:function>

  <xsl:function name="w:turn-id" as="xs:string">
    <xsl:param name="sp" as="element(tei:sp)"/>
    <xsl:sequence select="($sp/@xml:id, 'sp-' || w:turn-number($sp))[1]"/>
  </xsl:function>

  <!-- "question", "answer" or nothing, from @ana pointing at the classDecl categories -->
  <xsl:function name="w:speech-act" as="xs:string?">
    <xsl:param name="sp" as="element(tei:sp)"/>
    <xsl:sequence select="tokenize($sp/@ana)[. = ('#question', '#answer')][1] ! substring(., 2)"/>
  </xsl:function>

  <xsl:template match="tei:sp">
    <xsl:variable name="id" select="w:turn-id(.)"/>
    <xsl:variable name="act" select="w:speech-act(.)"/>
    <div id="{$id}" class="{string-join(('sp', $act), ' ')}"
         data-who="{tokenize(@who) ! substring-after(., '#')}">
      <p class="speaker-line">
        <xsl:choose>
          <xsl:when test="tei:speaker">
            <xsl:apply-templates select="tei:speaker"/>
          </xsl:when>
          <xsl:when test="$act">
            <span class="speaker implied">[{ed:capitalise($act)}]</span>
          </xsl:when>
        </xsl:choose>
        <xsl:call-template name="w:speaker-name"/>
        <xsl:text> </xsl:text>
        <a class="turn-link" href="#{$id}" aria-label="turn {w:turn-number(.)}" title="Link to this turn"
           data-pagefind-ignore="all">{w:turn-number(.)}</a>
      </p>
      <div class="turn">
        <!-- verse lines straight in the turn (not in an lg) are kept together as one verse block -->
        <xsl:for-each-group select="* except tei:speaker" group-adjacent="exists(self::tei:l)">
          <xsl:choose>
            <xsl:when test="current-grouping-key()">
              <div class="lg"><xsl:apply-templates select="current-group()"/></div>
            </xsl:when>
            <xsl:otherwise>
              <xsl:apply-templates select="current-group()"/>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:for-each-group>
      </div>
    </div>
  </xsl:template>

  <xsl:template match="tei:speaker">
    <span class="speaker"><xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template name="w:speaker-name">
    <xsl:variable name="name" select="if (@who) then ed:speaker-name(.) else ''"/>
    <xsl:variable name="label" select="replace(lower-case(normalize-space(tei:speaker)), '[^\p{L}\p{N}]+', ' ')"/>
    <xsl:if test="$name and normalize-space($label) ne normalize-space(replace(lower-case($name), '[^\p{L}\p{N}]+', ' '))">
      <xsl:text> </xsl:text>
      <span class="who">{$name}</span>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:stage">
    <p class="stage"><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="tei:p//tei:stage | tei:l//tei:stage">
    <span class="stage"><xsl:apply-templates/></span>
  </xsl:template>

</xsl:stylesheet>
