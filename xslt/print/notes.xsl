<?xml version="1.0" encoding="UTF-8"?>
<!--
  Footnotes: the note stays where the TEI has it, at its reference, as a <span class="footnote">;
  print.css floats it to the foot of the page (float: footnote) and numbers the call and the note
  with the source's own number (@n, carried in data-n). Inside the note everything is phrasing
  content (a paragraph becomes <span class="np">), because a block would end the sentence the
  note is anchored in.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <xsl:template match="tei:note">
    <xsl:variable name="position"><xsl:number level="any" count="tei:note" from="tei:text"/></xsl:variable>
    <span class="footnote" data-n="{(@n, $position)[1]}">
      <xsl:apply-templates/>
    </span>
  </xsl:template>

  <xsl:template match="tei:note//tei:p">
    <span class="np"><xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template match="tei:note//tei:bibl">
    <span class="bibl"><xsl:apply-templates/></span>
  </xsl:template>

</xsl:stylesheet>
