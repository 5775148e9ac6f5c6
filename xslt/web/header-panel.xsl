<?xml version="1.0" encoding="UTF-8"?>
<!--
  The header panel of a text page and its "Cite this text" section, from the teiHeader alone
  (the places are read through ../common/header.xsl).

  mode "header-panel" on tei:TEI   kind, title, subtitle, author, date, first publication
                                    (formatted citation), transcription provenance, the editors'
                                    normalisations and removed lines, download and cite links
  mode "cite" on tei:TEI           citations of this edition's page and of the first publication,
                                    BibTeX with a copy button
  mode "provenance"                the editors' account and the source's lines about itself
                                    (p, bibl, list of removed lines, idno, ref, gi, att)
  w:citation-key($tei)             BibTeX key: first author's surname and the year ("trotsky1940")

  The page's own address is unknown when the site is built (it may be served anywhere), so the
  citations carry the file name in an element with data-page-url; edition.js puts the absolute
  address there when the page is read.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="urn:edition"
  xmlns:w="urn:edition:web"
  exclude-result-prefixes="#all"
  expand-text="yes">

  <xsl:template match="tei:TEI" mode="header-panel">
    <xsl:variable name="authors" select="ed:authors(.)"/>
    <xsl:variable name="subtitle" select="ed:subtitle(.)"/>
    <header class="text-header">
      <p class="kind" data-pagefind-filter="kind">{ed:kind-label(ed:kind(.))}</p>
      <h1>{ed:title(.)}</h1>
      <xsl:if test="$subtitle">
        <p class="subtitle">{$subtitle}</p>
      </xsl:if>
      <dl class="facts">
        <xsl:if test="exists($authors)">
          <dt>{if (count($authors) gt 1) then 'Authors' else 'Author'}</dt>
          <dd class="author" data-pagefind-meta="author">{ed:join-names($authors)}</dd>
        </xsl:if>
        <xsl:if test="ed:creation-date(.)">
          <dt>Date</dt>
          <dd class="date"><xsl:apply-templates select="ed:creation-date(.)" mode="w:time"/></dd>
        </xsl:if>
        <xsl:if test="ed:has-imprint(ed:first-publication(.))">
          <dt>First published</dt>
          <dd class="source">
            <xsl:call-template name="ed:cite">
              <xsl:with-param name="bibl" select="ed:first-publication(.)"/>
              <!-- the author and title are shown beside it already -->
              <xsl:with-param name="authors" select="()"/>
              <xsl:with-param name="title" select="''"/>
            </xsl:call-template>
          </dd>
        </xsl:if>
        <xsl:for-each select="tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:respStmt">
          <dt>{normalize-space(tei:resp)}</dt>
          <dd>{ed:join-names((tei:name, tei:persName, tei:orgName) ! normalize-space())}</dd>
        </xsl:for-each>
        <xsl:if test="ed:transcription(.)">
          <dt>Transcription</dt>
          <dd class="provenance"><xsl:apply-templates select="ed:transcription(.)/node()" mode="provenance"/></dd>
        </xsl:if>
      </dl>
      <xsl:call-template name="w:about-transcription"/>
      <p class="text-links" data-pagefind-ignore="all">
        <a href="{encode-for-uri($stem)}.xml" download="" type="application/tei+xml">Download the TEI</a>
        <xsl:text> · </xsl:text>
        <a href="#cite">Cite this text</a>
      </p>
    </header>
  </xsl:template>

  <xsl:template match="tei:date" mode="w:time">
    <xsl:choose>
      <xsl:when test="@when">
        <time datetime="{@when}">{ed:format-date(.)}</time>
      </xsl:when>
      <xsl:otherwise>{ed:format-date(.)}</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The source's own lines about itself (front/div[@type='source']: "First Published: …",
       credits) and the editors' account of what they normalised and removed, on demand. -->
  <xsl:template name="w:about-transcription">
    <xsl:variable name="source-lines" select="tei:text/tei:front/tei:div[@type = 'source']"/>
    <xsl:variable name="decisions" select="tei:teiHeader/tei:encodingDesc/tei:editorialDecl"/>
    <xsl:if test="$source-lines or $decisions">
      <details class="about-transcription" data-pagefind-ignore="all">
        <summary>About the transcription: source lines, normalisation, removed lines</summary>
        <xsl:if test="$source-lines">
          <p>The source introduces itself with these lines:</p>
          <blockquote class="source-lines">
            <xsl:apply-templates select="$source-lines/*" mode="provenance"/>
          </blockquote>
        </xsl:if>
        <xsl:apply-templates select="$decisions/*" mode="provenance"/>
      </details>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:bibl" mode="provenance">
    <p><xsl:apply-templates mode="provenance"/></p>
  </xsl:template>

  <xsl:template match="tei:p" mode="provenance">
    <xsl:element name="{if (tei:list) then 'div' else 'p'}">
      <xsl:apply-templates mode="provenance"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:list" mode="provenance">
    <ul class="removed-lines">
      <xsl:apply-templates mode="provenance"/>
    </ul>
  </xsl:template>

  <xsl:template match="tei:item" mode="provenance">
    <li>
      <xsl:if test="@n"><span class="line-number">line {@n}: </span></xsl:if>
      <q class="removed">{.}</q>
    </li>
  </xsl:template>

  <xsl:template match="tei:gi" mode="provenance">
    <code>&lt;{.}&gt;</code>
  </xsl:template>

  <xsl:template match="tei:att" mode="provenance">
    <code>@{.}</code>
  </xsl:template>

  <xsl:template match="tei:idno" mode="provenance">
    <code>{.}</code>
  </xsl:template>

  <xsl:template match="tei:ref[matches(@target, '^https?://')]" mode="provenance">
    <a href="{@target}">
      <xsl:apply-templates mode="provenance"/>
    </a>
  </xsl:template>

  <xsl:template match="tei:TEI" mode="cite">
    <xsl:variable name="authors" select="ed:authors(.)"/>
    <xsl:variable name="date" select="ed:format-date(ed:creation-date(.))"/>
    <xsl:variable name="page" select="$stem || '.html'"/>
    <section id="cite" class="cite" aria-labelledby="cite-heading" data-pagefind-ignore="all">
      <h2 id="cite-heading">Cite this text</h2>
      <h3>This edition</h3>
      <p class="citation edition-citation">
        <xsl:if test="exists($authors)">{ed:join-names($authors)}, </xsl:if>
        <xsl:text>&#x201C;{ed:title(.)}&#x201D;</xsl:text>
        <xsl:if test="$date"> ({$date})</xsl:if>
        <xsl:text>, in </xsl:text><cite>{$w:site-name}</cite>
        <xsl:text>, </xsl:text><span class="page-url" data-page-url="{$page}">{$page}</span>
        <xsl:text>.</xsl:text>
      </p>
      <xsl:if test="ed:has-imprint(ed:first-publication(.))">
        <h3>First publication</h3>
        <p class="citation original-citation">
          <xsl:call-template name="ed:cite">
            <xsl:with-param name="bibl" select="ed:first-publication(.)"/>
            <xsl:with-param name="authors" select="$authors"/>
            <xsl:with-param name="title" select="ed:title(.)"/>
          </xsl:call-template>
        </p>
      </xsl:if>
      <h3>BibTeX</h3>
      <pre class="bibtex" id="bibtex" data-page-url="{$page}"><code>{
        ed:bibtex(ed:first-publication(.), w:citation-key(.), $authors, ed:title(.),
                  ed:year(ed:creation-date(.)), $page)}</code></pre>
      <button type="button" class="copy" data-copy="bibtex" hidden="">Copy BibTeX</button>
    </section>
  </xsl:template>

  <xsl:function name="w:citation-key" as="xs:string">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:variable name="surname" select="lower-case(replace(tokenize(ed:authors($tei)[1])[last()], '\W', ''))"/>
    <xsl:variable name="year" select="(ed:year(ed:first-publication($tei)/tei:date[1]),
                                        ed:year(ed:creation-date($tei)))[. ne ''][1]"/>
    <xsl:sequence select="if ($surname) then $surname || $year else replace($stem, '\W', '')"/>
  </xsl:function>

</xsl:stylesheet>
