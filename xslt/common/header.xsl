<?xml version="1.0" encoding="UTF-8"?>
<!--
  Where the TEI header says what (see ../shared/CONTRACT.md), read in one place, shared by the
  web and the print edition, so that neither edition hard-codes a path into the header.

  Stable interface (namespace ed = urn:edition); every function takes the tei:TEI element:
    ed:title($tei) as xs:string          fileDesc/titleStmt/title[1], normalised
    ed:subtitle($tei) as xs:string       titleStmt/title[@type='sub'], "" when there is none
    ed:authors($tei) as xs:string*       titleStmt/author, one string each
    ed:creation-date($tei) as element()? profileDesc/creation/date
    ed:first-publication($tei) as element()?
        the sourceDesc bibl that says where the work was first published: the first bibl that is
        not the transcription's provenance
    ed:transcription($tei) as element()? sourceDesc/bibl[@type='transcription']
    ed:kind($tei) as xs:string           text/@type ("interview", "essay", …), "" when absent
    ed:lang($tei) as xs:string           the text's language (@xml:lang), "en" when none is given
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="urn:edition"
  exclude-result-prefixes="#all">

  <xsl:function name="ed:title" as="xs:string">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="normalize-space($tei/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title[1])"/>
  </xsl:function>

  <xsl:function name="ed:subtitle" as="xs:string">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="normalize-space($tei/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title[@type = 'sub'][1])"/>
  </xsl:function>

  <xsl:function name="ed:authors" as="xs:string*">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="$tei/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:author/normalize-space()[. ne '']"/>
  </xsl:function>

  <xsl:function name="ed:creation-date" as="element()?">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="$tei/tei:teiHeader/tei:profileDesc/tei:creation/tei:date[1]"/>
  </xsl:function>

  <xsl:function name="ed:first-publication" as="element()?">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="($tei/tei:teiHeader/tei:fileDesc/tei:sourceDesc//tei:bibl
      [not(@type = 'transcription')][not(ancestor::tei:bibl)])[1]"/>
  </xsl:function>

  <xsl:function name="ed:transcription" as="element()?">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="$tei/tei:teiHeader/tei:fileDesc/tei:sourceDesc//tei:bibl[@type = 'transcription'][1]"/>
  </xsl:function>

  <xsl:function name="ed:kind" as="xs:string">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="normalize-space($tei/tei:text/@type)"/>
  </xsl:function>

  <xsl:function name="ed:lang" as="xs:string">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="(($tei/tei:text/@xml:lang, $tei/@xml:lang) ! normalize-space(), 'en')[. ne ''][1]"/>
  </xsl:function>

</xsl:stylesheet>
