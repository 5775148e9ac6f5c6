<?xml version="1.0" encoding="UTF-8"?>
<!--
  The HTML shell every page shares: head (local styles and script only, no external requests),
  a skip link, the site banner with its navigation, the main landmark, the footer.
  The site's own words (navigation, labels) are English, so html/@lang is "en"; a text in
  another language says so on its own article. (Pagefind also reads html/@lang: it makes one
  index per language and searches only the index of the page it runs on, so one site language
  keeps every text findable from the front page.)

  template name="w:page"  params: title (the page's title), main (the content of <main>),
                          head (extra elements for <head>, e.g. the search's styles and script)
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:w="urn:edition:web"
  exclude-result-prefixes="#all"
  expand-text="yes">

  <xsl:variable name="w:site-name" as="xs:string" select="'The Edition'"/>

  <xsl:template name="w:page">
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="main" as="node()*"/>
    <xsl:param name="head" as="node()*" select="()"/>
    <html lang="en">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>{$title} · {$w:site-name}</title>
        <link rel="icon" href="data:,"/>
        <link rel="stylesheet" href="static/edition.css"/>
        <link rel="stylesheet" href="static/print.css" media="print"/>
        <xsl:sequence select="$head"/>
        <script src="static/edition.js" defer=""></script>
      </head>
      <body>
        <a class="skip-link" href="#main">Skip to content</a>
        <header class="site-header">
          <p class="site-name"><a href="index.html">{$w:site-name}</a></p>
          <nav aria-label="Site">
            <ul>
              <li><a href="index.html">Texts</a></li>
              <li><a href="persons.html">Persons</a></li>
              <li><a href="index.html#search">Search</a></li>
            </ul>
          </nav>
        </header>
        <main id="main">
          <xsl:sequence select="$main"/>
        </main>
        <footer class="site-footer">
          <p>Published from TEI P5 sources. Every text can be downloaded as TEI from its page.</p>
        </footer>
      </body>
    </html>
  </xsl:template>

</xsl:stylesheet>
