<?xml version="1.0" encoding="UTF-8"?>
<!--
  The kind of a text (text/@type: interview, hearing, essay, blog, drama, dialogue, …) in words,
  shared by the web and the print edition.

  Stable interface (namespace ed = urn:edition):
    ed:kind-label($kind as xs:string) as xs:string   "blog" → "Blog post", "" → "Text"
    ed:kind-plural($kind as xs:string) as xs:string  "blog" → "Blog posts", "drama" → "Drama"
    ed:capitalise($word as xs:string) as xs:string   "question" → "Question"
  An unknown kind is shown as itself with a capital letter (plural: with an "s").
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:ed="urn:edition"
  exclude-result-prefixes="#all">

  <!-- kind → (singular, plural); the kinds the converter writes and their usual neighbours -->
  <xsl:variable name="ed:kind-words" as="map(xs:string, xs:string+)" select="map {
    'interview': ('Interview', 'Interviews'),
    'hearing': ('Hearing', 'Hearings'),
    'essay': ('Essay', 'Essays'),
    'article': ('Article', 'Articles'),
    'blog': ('Blog post', 'Blog posts'),
    'drama': ('Drama', 'Drama'),
    'dialogue': ('Dialogue', 'Dialogues'),
    'speech': ('Speech', 'Speeches'),
    'letter': ('Letter', 'Letters'),
    'poem': ('Poem', 'Poems'),
    '': ('Text', 'Texts')
  }"/>

  <xsl:function name="ed:kind-label" as="xs:string">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:sequence select="($ed:kind-words($kind)[1], ed:capitalise($kind))[1]"/>
  </xsl:function>

  <xsl:function name="ed:kind-plural" as="xs:string">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:sequence select="($ed:kind-words($kind)[2], ed:capitalise($kind) || 's')[1]"/>
  </xsl:function>

  <xsl:function name="ed:capitalise" as="xs:string">
    <xsl:param name="word" as="xs:string"/>
    <xsl:sequence select="upper-case(substring($word, 1, 1)) || substring($word, 2)"/>
  </xsl:function>

</xsl:stylesheet>
