<?xml version="1.0" encoding="UTF-8"?>
<!--
  Citations formatted from the parsed parts of a TEI bibl, shared by the web and the print edition.

  The converter parses a citation into parts (title[@level='a'|'j'|'m'], author, pubPlace,
  publisher, biblScope[@unit='volume'|'issue'|'page'] with @from/@to, date[@when]) and keeps the
  source's own punctuation between them ("First Published: … [New York], Vol.3 No.8, …"). A
  reader wants one consistent form, so the form is made here from the parts alone:
    Author, “Article”, Journal (Place) 3, no. 8 (August 1942): 252–254.
    Author, Book (Place: Publisher, 1950), 88–90.
    Author, “Post”, Site (27 July 2017), https://… (a web address from the bibl's ref)
  A bibl without a title part is shown as its own text.

  Stable interface (namespace ed = urn:edition):
    template name="ed:cite" (params: bibl as element(tei:bibl)?, authors as xs:string* and
        title as xs:string, both taken from the bibl when not given)
        the citation as HTML phrasing content (no namespace): the journal or book title in <cite>,
        an article title in typographic quotation marks, a web address (ref/@target) as a link. Pass the text's authors and title to
        cite a text through the bibl of the periodical or book that first published it.
    ed:scope($bibl as element()?, $unit as xs:string) as xs:string
        volume, issue or page range as numbers ("3", "8", "252–254"): @from/@to, else the digits
        of the text ("Vol.3" → "3"); "" when the bibl has no such biblScope.
    ed:bibtex($bibl as element(tei:bibl)?, $key, $authors, $title, $year, $url) as xs:string
        a BibTeX entry (@article for a periodical, @book for a book, else @misc) for the text;
        url is the original's web address when the bibl has one (the edition's $url then goes
        into note), else $url.
    ed:has-imprint($bibl as element()?) as xs:boolean
        true when the bibl says where or when the work appeared (a journal or book title, place,
        publisher, date or scope), not merely the work's own title: worth citing as a publication.
  Needs dates.xsl and names.xsl, which it imports.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="urn:edition"
  exclude-result-prefixes="#all"
  expand-text="yes">

  <xsl:import href="dates.xsl"/>
  <xsl:import href="names.xsl"/>

  <xsl:function name="ed:scope" as="xs:string">
    <xsl:param name="bibl" as="element()?"/>
    <xsl:param name="unit" as="xs:string"/>
    <xsl:variable name="scope" select="$bibl/tei:biblScope[@unit = $unit][1]"/>
    <xsl:variable name="numbers" select="if ($scope/@from) then ($scope/@from, $scope/@to)
      else if ($scope/@n) then $scope/@n
      else analyze-string(string($scope), '\d+[a-z]?')/*:match"/>
    <xsl:sequence select="string-join(distinct-values($numbers ! string()), '&#x2013;')"/>
  </xsl:function>

  <xsl:function name="ed:has-imprint" as="xs:boolean">
    <xsl:param name="bibl" as="element()?"/>
    <xsl:sequence select="exists($bibl/(tei:title[@level = ('j', 'm', 's')] | tei:pubPlace
      | tei:publisher | tei:date | tei:biblScope))"/>
  </xsl:function>

  <xsl:template name="ed:cite">
    <xsl:param name="bibl" as="element(tei:bibl)?"/>
    <xsl:param name="authors" as="xs:string*" select="$bibl/tei:author/normalize-space()"/>
    <xsl:param name="title" as="xs:string" select="normalize-space($bibl/tei:title[@level = 'a'][1])"/>
    <xsl:variable name="host" select="$bibl/tei:title[not(@level = 'a')][1]"/>
    <xsl:choose>
      <xsl:when test="empty($host) and $title = ''">
        <xsl:value-of select="normalize-space($bibl)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:if test="exists($authors)">{ed:join-names($authors)}, </xsl:if>
        <xsl:if test="$title">&#x201C;{$title}&#x201D;<xsl:if test="$host">, </xsl:if></xsl:if>
        <xsl:if test="$host"><cite>{normalize-space($host)}</cite></xsl:if>
        <xsl:choose>
          <xsl:when test="$host/@level = 'j'">
            <xsl:call-template name="ed:periodical-details">
              <xsl:with-param name="bibl" select="$bibl"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="ed:book-details">
              <xsl:with-param name="bibl" select="$bibl"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:for-each select="$bibl/tei:ref[matches(@target, '^https?://')][1]">
          <xsl:text>, </xsl:text><a href="{@target}">{@target}</a>
        </xsl:for-each>
        <xsl:text>.</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- " (Place) 3, no. 8 (August 1942): 252–254" -->
  <xsl:template name="ed:periodical-details">
    <xsl:param name="bibl" as="element(tei:bibl)"/>
    <xsl:variable name="place" select="normalize-space($bibl/tei:pubPlace[1])"/>
    <xsl:variable name="volume" select="ed:scope($bibl, 'volume')"/>
    <xsl:variable name="issue" select="ed:scope($bibl, 'issue')"/>
    <xsl:variable name="date" select="ed:bibl-date($bibl)"/>
    <xsl:variable name="pages" select="ed:scope($bibl, 'page')"/>
    <xsl:if test="$place"> ({$place})</xsl:if>
    <xsl:if test="$volume"> {$volume}</xsl:if>
    <xsl:if test="$issue">{if ($volume) then ',' else ''} no. {$issue}</xsl:if>
    <xsl:if test="$date"> ({$date})</xsl:if>
    <xsl:if test="$pages">: {$pages}</xsl:if>
  </xsl:template>

  <!-- " (Place: Publisher, 1950), 88–90" -->
  <xsl:template name="ed:book-details">
    <xsl:param name="bibl" as="element(tei:bibl)"/>
    <xsl:variable name="imprint" select="string-join((
      string-join(($bibl/tei:pubPlace[1], $bibl/tei:publisher[1]) ! normalize-space(), ': '),
      ed:bibl-date($bibl))[. ne ''], ', ')"/>
    <xsl:variable name="pages" select="ed:scope($bibl, 'page')"/>
    <xsl:if test="$imprint"> ({$imprint})</xsl:if>
    <xsl:if test="$pages">, {$pages}</xsl:if>
  </xsl:template>

  <xsl:function name="ed:bibl-date" as="xs:string">
    <xsl:param name="bibl" as="element()"/>
    <xsl:sequence select="ed:format-date($bibl/tei:date[1])"/>
  </xsl:function>

  <xsl:function name="ed:bibtex" as="xs:string">
    <xsl:param name="bibl" as="element(tei:bibl)?"/>
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="authors" as="xs:string*"/>
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="year" as="xs:string"/>
    <xsl:param name="url" as="xs:string"/>
    <xsl:variable name="host" select="$bibl/tei:title[not(@level = 'a')][1]"/>
    <xsl:variable name="type" select="if ($host/@level = 'j') then 'article'
      else if ($host/@level = 'm') then 'book' else 'misc'"/>
    <xsl:variable name="fields" as="xs:string*" select="
      ed:bibtex-field('author', string-join($authors, ' and ')),
      ed:bibtex-field('title', $title),
      ed:bibtex-field(if ($type = 'article') then 'journal' else 'publisher',
                      normalize-space(if ($type = 'article') then $host else $bibl/tei:publisher[1])),
      ed:bibtex-field('address', normalize-space($bibl/tei:pubPlace[1])),
      ed:bibtex-field('volume', ed:scope($bibl, 'volume')),
      ed:bibtex-field('number', ed:scope($bibl, 'issue')),
      ed:bibtex-field('pages', replace(ed:scope($bibl, 'page'), '&#x2013;', '--')),
      ed:bibtex-field('year', (ed:year($bibl/tei:date[1])[. ne ''], $year)[1]),
      ed:bibtex-field('url', ($bibl/tei:ref/@target[matches(., '^https?://')], $url)[1]),
      ed:bibtex-field('note', if ($url and $bibl/tei:ref/@target[matches(., '^https?://')])
                              then 'Digital edition: ' || $url else '')"/>
    <xsl:sequence select="'@' || $type || '{' || $key || ',&#10;'
      || string-join($fields, ',&#10;') || '&#10;}'"/>
  </xsl:function>

  <!-- One "  name = {value}" line; none for an empty value. Braces in the value are dropped
       because BibTeX reads them as grouping. -->
  <xsl:function name="ed:bibtex-field" as="xs:string?">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="value" as="xs:string"/>
    <xsl:sequence select="if ($value = '') then () else
      '  ' || $name || ' = {' || translate($value, '{}', '') || '}'"/>
  </xsl:function>

</xsl:stylesheet>
