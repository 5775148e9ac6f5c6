<?xml version="1.0" encoding="UTF-8"?>
<!--
  Footnotes, linked both ways. A note stands in the TEI at its point of reference; on the page
  the reference becomes a superscript link (id "noteref-N") to the note in the list at the end of
  the text (id "note-N"), which links back. N counts the notes of the text from 1; the mark shown
  is the note's own @n when it has one.

  default mode         tei:note → the reference mark
  mode "footnotes"     tei:text → <section> listing the notes (nothing when there is none)
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:w="urn:edition:web"
  exclude-result-prefixes="#all"
  expand-text="yes">

  <xsl:accumulator name="w:note" as="xs:integer" initial-value="0">
    <xsl:accumulator-rule match="tei:TEI" select="0"/>
    <xsl:accumulator-rule match="tei:text//tei:note" select="$value + 1"/>
  </xsl:accumulator>

  <xsl:function name="w:note-mark" as="xs:string">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:sequence select="($note/@n, string($note/accumulator-before('w:note')))[1]"/>
  </xsl:function>

  <xsl:template match="tei:note">
    <xsl:variable name="n" select="accumulator-before('w:note')"/>
    <a class="noteref" id="noteref-{$n}" href="#note-{$n}" role="doc-noteref"
       aria-label="Note {w:note-mark(.)}"><sup>{w:note-mark(.)}</sup></a>
  </xsl:template>

  <xsl:template match="tei:text" mode="footnotes">
    <xsl:if test=".//tei:note">
      <section class="footnotes" aria-labelledby="notes-heading" role="doc-endnotes">
        <h2 id="notes-heading">Notes</h2>
        <ol>
          <xsl:apply-templates select=".//tei:note" mode="footnotes"/>
        </ol>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:note" mode="footnotes">
    <xsl:variable name="n" select="accumulator-before('w:note')"/>
    <li id="note-{$n}" class="note">
      <span class="note-mark">{w:note-mark(.)}</span>
      <xsl:text> </xsl:text>
      <div class="note-body"><xsl:apply-templates/></div>
      <xsl:text> </xsl:text>
      <a class="backref" href="#noteref-{$n}" role="doc-backlink" aria-label="Back to the text of note {w:note-mark(.)}">↩&#xFE0E;</a>
    </li>
  </xsl:template>

</xsl:stylesheet>
