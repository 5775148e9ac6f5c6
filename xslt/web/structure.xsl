<?xml version="1.0" encoding="UTF-8"?>
<!--
  The text's structure and running prose: front matter, divisions and their heads, the table of
  contents, paragraphs, lists, and phrase-level markup (emphasis, titles, links, corrections).

  default mode     tei:text and everything in it → HTML
  mode "toc"       tei:text → <nav> of the divisions with a head (nothing when there is none)
  w:section-id($div)  the id of a division: its xml:id, else "sec-N" (N counts divisions in the text)
  w:heading-level($div)  h2 for a top division, one deeper per nesting, at most h6

  front/titlePage, the doc* elements and the source's lines about itself (div[@type='source'])
  are shown by the header panel, so they are not printed again; an editor's note (front/div[@type='editorial']) becomes its own section.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="urn:edition"
  xmlns:w="urn:edition:web"
  exclude-result-prefixes="#all"
  expand-text="yes">

  <xsl:accumulator name="w:section" as="xs:integer" initial-value="0">
    <xsl:accumulator-rule match="tei:TEI" select="0"/>
    <xsl:accumulator-rule match="tei:div" select="$value + 1"/>
  </xsl:accumulator>

  <xsl:function name="w:section-id" as="xs:string">
    <xsl:param name="div" as="element(tei:div)"/>
    <xsl:sequence select="($div/@xml:id, 'sec-' || $div/accumulator-before('w:section'))[1]"/>
  </xsl:function>

  <xsl:function name="w:heading-level" as="xs:string">
    <xsl:param name="div" as="element()"/>
    <xsl:sequence select="'h' || min((6, 1 + count($div/ancestor-or-self::tei:div)))"/>
  </xsl:function>

  <!-- Front, body and back in their own landmarks-free wrappers: the article is the landmark. -->
  <xsl:template match="tei:text">
    <xsl:apply-templates select="tei:front, tei:body, tei:back"/>
  </xsl:template>

  <xsl:template match="tei:front | tei:body | tei:back">
    <div class="{local-name()}">
      <xsl:apply-templates/>
    </div>
  </xsl:template>

  <xsl:template match="tei:titlePage | tei:front/tei:docTitle | tei:front/tei:docAuthor
                       | tei:front/tei:docDate | tei:front/tei:docImprint | tei:front/tei:byline
                       | tei:front/tei:div[@type = 'source']"/>

  <xsl:template match="tei:front/tei:div[@type = 'editorial'][not(tei:head)]">
    <section class="editorial-note" aria-labelledby="{w:section-id(.)}-head" id="{w:section-id(.)}">
      <h2 id="{w:section-id(.)}-head">Editor’s note</h2>
      <xsl:apply-templates/>
    </section>
  </xsl:template>

  <xsl:template match="tei:div[tei:head]">
    <section id="{w:section-id(.)}" class="div{@type ! (' ' || .)}" aria-labelledby="{w:section-id(.)}-head">
      <xsl:apply-templates/>
    </section>
  </xsl:template>

  <xsl:template match="tei:div">
    <div id="{w:section-id(.)}" class="div{@type ! (' ' || .)}">
      <xsl:apply-templates/>
    </div>
  </xsl:template>

  <xsl:template match="tei:div/tei:head">
    <xsl:element name="{w:heading-level(..)}">
      <xsl:attribute name="id" select="w:section-id(..) || '-head'"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:head">
    <p class="head"><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="tei:text" mode="toc">
    <xsl:if test=".//tei:div[tei:head]">
      <nav class="toc" aria-labelledby="toc-heading" data-pagefind-ignore="all">
        <h2 id="toc-heading">Contents</h2>
        <ol>
          <xsl:apply-templates select="(tei:front, tei:body, tei:back)/tei:div" mode="toc"/>
        </ol>
      </nav>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:div[tei:head]" mode="toc">
    <li>
      <a href="#{w:section-id(.)}"><xsl:apply-templates select="tei:head[1]" mode="toc"/></a>
      <xsl:if test="tei:div[tei:head]">
        <ol><xsl:apply-templates select="tei:div" mode="toc"/></ol>
      </xsl:if>
    </li>
  </xsl:template>

  <!-- A division without a head has no entry, but its headed subdivisions do. -->
  <xsl:template match="tei:div" mode="toc">
    <xsl:apply-templates select="tei:div" mode="toc"/>
  </xsl:template>

  <xsl:template match="tei:note | tei:lb" mode="toc"/>

  <!-- A paragraph that holds block content (a list, a block quotation) cannot be an HTML <p>. -->
  <xsl:template match="tei:p">
    <xsl:element name="{if (tei:list | tei:table | tei:lg | tei:cit | tei:quote[not(ed:is-run-in(.))]) then 'div' else 'p'}">
      <xsl:attribute name="class" select="'p'"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:list">
    <xsl:element name="{if (tei:label) then 'ul' else if (@type = ('ordered', 'numbered')) then 'ol' else 'ul'}">
      <xsl:if test="tei:label">
        <xsl:attribute name="class" select="'labelled'"/>
      </xsl:if>
      <xsl:apply-templates select="tei:item"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:item">
    <!-- the source's own marker ('1.', '-'), when the list keeps it in a label before the item -->
    <li>
      <xsl:for-each select="preceding-sibling::*[1][self::tei:label]">
        <span class="label"><xsl:apply-templates/></span>
        <xsl:text> </xsl:text>
      </xsl:for-each>
      <xsl:apply-templates/>
    </li>
  </xsl:template>

  <xsl:template match="tei:lb">
    <br/>
  </xsl:template>

  <xsl:template match="tei:hi[tokenize(@rend) = ('italic', 'italics', 'i')] | tei:emph">
    <em><xsl:apply-templates/></em>
  </xsl:template>

  <xsl:template match="tei:hi[tokenize(@rend) = ('bold', 'b')]">
    <strong><xsl:apply-templates/></strong>
  </xsl:template>

  <xsl:template match="tei:hi">
    <span class="hi"><xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template match="tei:title">
    <cite><xsl:apply-templates/></cite>
  </xsl:template>

  <xsl:template match="tei:foreign">
    <i lang="{@xml:lang}"><xsl:apply-templates/></i>
  </xsl:template>

  <xsl:template match="tei:ref[matches(@target, '^(https?://|#)')]">
    <a href="{@target}"><xsl:apply-templates/></a>
  </xsl:template>

  <xsl:template match="tei:gap">
    <span class="gap" title="{(@reason, 'omitted in the source')[1]}">[…]</span>
  </xsl:template>

  <!--
    A correction (or regularisation, or expansion) shows the edited reading; the source's reading
    is revealed on hover, focus or tap, and left out of the search index.
  -->
  <xsl:template match="tei:choice[tei:corr | tei:reg | tei:expan]">
    <xsl:variable name="source" select="(tei:sic, tei:orig, tei:abbr)[1]"/>
    <span class="choice" tabindex="0">
      <span class="edited"><xsl:apply-templates select="(tei:corr, tei:reg, tei:expan)[1]/node()"/></span>
      <xsl:if test="$source">
        <span class="source-reading" data-pagefind-ignore="all"> (source: <xsl:apply-templates select="$source/node()"/>)</span>
      </xsl:if>
    </span>
  </xsl:template>

</xsl:stylesheet>
