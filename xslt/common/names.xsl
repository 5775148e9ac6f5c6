<?xml version="1.0" encoding="UTF-8"?>
<!--
  Names of persons and lists of names, shared by the web and the print edition.

  Speakers are identified by sp/@who="#ID" pointing at profileDesc/particDesc/listPerson/
  person[@xml:id]/persName; the speaker label (speaker) is what the source wrote and may vary
  ("Jane Doe:", "JD:"), the persName is the person's one name.

  Stable interface (namespace ed = urn:edition):
    ed:person($sp as element()) as element(tei:person)*
        the persons that $sp/@who points at (in the same document).
    ed:person-name($person as element(tei:person)) as xs:string
        the first persName, normalised; the xml:id when there is no persName.
    ed:speaker-name($sp as element()) as xs:string
        the names of the persons of $sp/@who joined as a list; the speaker label without its
        trailing colon or full stop when @who points nowhere.
    ed:join-names($names as xs:string*) as xs:string
        "A", "A and B", "A, B and C".
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="urn:edition"
  exclude-result-prefixes="#all">

  <xsl:key name="ed:person-by-id" match="tei:person" use="@xml:id"/>

  <xsl:function name="ed:person" as="element(tei:person)*">
    <xsl:param name="sp" as="element()"/>
    <xsl:sequence select="for $ref in tokenize($sp/@who) return
      key('ed:person-by-id', substring-after($ref, '#'), root($sp))"/>
  </xsl:function>

  <xsl:function name="ed:person-name" as="xs:string">
    <xsl:param name="person" as="element(tei:person)"/>
    <xsl:sequence select="(normalize-space($person/tei:persName[1])[. ne ''], string($person/@xml:id))[1]"/>
  </xsl:function>

  <xsl:function name="ed:speaker-name" as="xs:string">
    <xsl:param name="sp" as="element()"/>
    <xsl:variable name="persons" select="ed:person($sp)"/>
    <xsl:sequence select="if ($persons) then ed:join-names($persons ! ed:person-name(.))
      else replace(normalize-space($sp/tei:speaker), '\s*[:.]$', '')"/>
  </xsl:function>

  <xsl:function name="ed:join-names" as="xs:string">
    <xsl:param name="names" as="xs:string*"/>
    <xsl:sequence select="if (count($names) le 1) then string($names)
      else string-join($names[position() lt last()], ', ') || ' and ' || $names[last()]"/>
  </xsl:function>

</xsl:stylesheet>
