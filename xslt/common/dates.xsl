<?xml version="1.0" encoding="UTF-8"?>
<!--
  Dates for readers and for sorting, shared by the web and the print edition.

  TEI dates carry ISO 8601 values of any precision (1940, 1940-03, 1940-03-10) in @when, or a
  range in @from/@to or @notBefore/@notAfter; the element's text is the source's own wording
  ("(January/March 1940)"), kept in the TEI but not what a reader of a list wants.

  Stable interface (namespace ed = urn:edition):
    ed:format-iso($iso as xs:string) as xs:string
        "1940" → "1940", "1940-03" → "March 1940", "1940-03-10" → "10 March 1940".
    ed:format-date($date as element()?) as xs:string
        a tei:date (or any element with those attributes) as words: "August 1942",
        "January–March 1940", "December 1939 – March 1940", "not before 1940", …;
        the normalised text without brackets when no attribute gives a value; "" for no element.
    ed:sort-key($date as element()?) as xs:string
        the first ISO value (@when, @from, @notBefore), for ordering; "" when there is none.
    ed:year($date as element()?) as xs:string
        the year of ed:sort-key, "" when there is none.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="urn:edition"
  exclude-result-prefixes="#all">

  <xsl:variable name="ed:months" as="xs:string+" select="('January', 'February', 'March', 'April',
    'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December')"/>

  <xsl:function name="ed:format-iso" as="xs:string">
    <xsl:param name="iso" as="xs:string"/>
    <xsl:variable name="part" select="tokenize($iso, '-')"/>
    <xsl:variable name="month" select="if (count($part) ge 2 and $part[2] castable as xs:integer
      and xs:integer($part[2]) = 1 to 12) then $ed:months[xs:integer($part[2])] else ()"/>
    <xsl:variable name="day" select="if ($month and count($part) ge 3 and $part[3] castable as xs:integer)
      then string(xs:integer($part[3])) else ()"/>
    <xsl:sequence select="string-join(($day, $month, $part[1]), ' ')"/>
  </xsl:function>

  <xsl:function name="ed:format-date" as="xs:string">
    <xsl:param name="date" as="element()?"/>
    <xsl:variable name="from" select="($date/@from, $date/@notBefore)[1]/string()"/>
    <xsl:variable name="to" select="($date/@to, $date/@notAfter)[1]/string()"/>
    <xsl:choose>
      <xsl:when test="$date/@when">
        <xsl:sequence select="ed:format-iso($date/@when)"/>
      </xsl:when>
      <xsl:when test="$date/@from and $date/@to">
        <xsl:sequence select="ed:format-range($from, $to)"/>
      </xsl:when>
      <xsl:when test="$date/@notBefore and $date/@notAfter">
        <xsl:sequence select="'between ' || ed:format-iso($from) || ' and ' || ed:format-iso($to)"/>
      </xsl:when>
      <xsl:when test="$date/@from">
        <xsl:sequence select="'from ' || ed:format-iso($from)"/>
      </xsl:when>
      <xsl:when test="$date/@notBefore">
        <xsl:sequence select="'not before ' || ed:format-iso($from)"/>
      </xsl:when>
      <xsl:when test="$date/@to">
        <xsl:sequence select="'until ' || ed:format-iso($to)"/>
      </xsl:when>
      <xsl:when test="$date/@notAfter">
        <xsl:sequence select="'not after ' || ed:format-iso($to)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="replace(normalize-space(string($date)), '^[(\[]\s*(.*?)\s*[)\]]$', '$1')"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- "January–March 1940" when the year is shared, "December 1939 – March 1940" otherwise. -->
  <xsl:function name="ed:format-range" as="xs:string">
    <xsl:param name="from" as="xs:string"/>
    <xsl:param name="to" as="xs:string"/>
    <xsl:variable name="start" select="ed:format-iso($from)"/>
    <xsl:variable name="end" select="ed:format-iso($to)"/>
    <xsl:variable name="year" select="substring($from, 1, 4)"/>
    <xsl:sequence select="
      if ($year = substring($to, 1, 4) and ends-with($start, ' ' || $year))
      then substring-before($start, ' ' || $year) || '&#x2013;' || $end
      else $start || ' &#x2013; ' || $end"/>
  </xsl:function>

  <xsl:function name="ed:sort-key" as="xs:string">
    <xsl:param name="date" as="element()?"/>
    <xsl:sequence select="string(($date/@when, $date/@from, $date/@notBefore, $date/@to, $date/@notAfter)[1])"/>
  </xsl:function>

  <xsl:function name="ed:year" as="xs:string">
    <xsl:param name="date" as="element()?"/>
    <xsl:sequence select="replace(ed:sort-key($date), '^(-?\d{4}).*$', '$1')"/>
  </xsl:function>

</xsl:stylesheet>
