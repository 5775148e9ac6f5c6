<?xml version="1.0" encoding="UTF-8"?>
<!--
  Quotation marks for run-in quotations, shared by the web and the print edition.

  The TEI carries no quotation marks in the text: the converter removed them and the element
  (q, soCalled, a run-in quote) stands for them. This module puts typographic marks back,
  double marks outside and single marks inside, alternating with each level of nesting
  (“… ‘… “…” …’ …”), whatever marks the source used (@rend only records those).

  Stable interface (namespace ed = urn:edition):
    ed:is-run-in($e as element()) as xs:boolean
        true for q and soCalled, and for a quote that sits inside running text (not in cit or
        epigraph and holding no paragraphs, verse or speech): the quotations that take marks.
    ed:quote-level($e as element()) as xs:integer
        1 for an outermost run-in quotation, 2 inside another, and so on.
    ed:open-mark($e) / ed:close-mark($e) as xs:string
        “ and ” at odd levels, ‘ and ’ at even levels.
    template match="tei:q | tei:soCalled | tei:quote[ed:is-run-in(.)]" mode="#all"
        <span class="q"> (class "so-called" for soCalled) with the marks around the content;
        the content is processed in the current mode, so either edition can import it as is.
  HTML elements are written in no namespace: serialise with method="html" version="5".
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="urn:edition"
  exclude-result-prefixes="#all">

  <xsl:function name="ed:is-run-in" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e[self::tei:q or self::tei:soCalled])
      or exists($e[self::tei:quote]
                  [not(parent::tei:cit or parent::tei:epigraph)]
                  [not(tei:p or tei:lg or tei:l or tei:sp or tei:list or tei:table)])"/>
  </xsl:function>

  <xsl:function name="ed:quote-level" as="xs:integer">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="count($e/ancestor-or-self::*[ed:is-run-in(.)])"/>
  </xsl:function>

  <xsl:function name="ed:open-mark" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="if (ed:quote-level($e) mod 2 = 1) then '&#x201C;' else '&#x2018;'"/>
  </xsl:function>

  <xsl:function name="ed:close-mark" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="if (ed:quote-level($e) mod 2 = 1) then '&#x201D;' else '&#x2019;'"/>
  </xsl:function>

  <xsl:template match="tei:q | tei:soCalled | tei:quote[ed:is-run-in(.)]" mode="#all">
    <span class="{if (self::tei:soCalled) then 'so-called' else 'q'}">
      <xsl:value-of select="ed:open-mark(.)"/>
      <xsl:apply-templates mode="#current"/>
      <xsl:value-of select="ed:close-mark(.)"/>
    </span>
  </xsl:template>

</xsl:stylesheet>
