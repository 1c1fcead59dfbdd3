<?xml version="1.0" encoding="UTF-8"?>
<!--
  exports/corpus-member.xsl: one TEI document → the same document as a member
  of the corpus file (OUT/edition.xml).

  Identifiers are unique only within a document (w1, per-stalin …), but a
  teiCorpus is one XML document: every xml:id below the TEI root becomes
  "{document id}.{xml:id}", and every local pointer ("#w1") in a pointer
  attribute follows.  Pointers to ids the document does not have, and
  everything else, are copied unchanged.

  Parameters: none.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="https://example.org/ns/edition"
  exclude-result-prefixes="#all">

  <xsl:import href="exports.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" omit-xml-declaration="yes" indent="no"/>

  <!-- TEI attributes whose values are (lists of) pointers. -->
  <xsl:variable name="ed:pointer-attributes" as="xs:string+" select="(
      'ref', 'target', 'corresp', 'resp', 'source', 'wit', 'hand', 'facs', 'who',
      'sameAs', 'copyOf', 'next', 'prev', 'synch', 'ana', 'decls', 'rendition',
      'spanTo', 'active', 'passive', 'mutual', 'origin', 'nymRef', 'change',
      'scribeRef', 'scriptRef', 'parts', 'inst', 'exclude', 'select', 'domains')"/>

  <xsl:variable name="ed:prefix" as="xs:string" select="string(/tei:TEI/@xml:id) || '.'"/>
  <xsl:variable name="ed:local-ids" as="xs:string*" select="/tei:TEI//@xml:id ! string(.)"/>

  <xsl:mode name="member" on-no-match="shallow-copy"/>

  <xsl:template match="/">
    <xsl:if test="not(tei:TEI/@xml:id)">
      <xsl:message terminate="yes">Not a TEI document of the edition: /TEI/@xml:id is missing.</xsl:message>
    </xsl:if>
    <xsl:apply-templates select="tei:TEI" mode="member"/>
  </xsl:template>

  <xsl:template match="tei:TEI//*/@xml:id" mode="member">
    <xsl:attribute name="xml:id" select="$ed:prefix || ."/>
  </xsl:template>

  <xsl:template match="@*[local-name() = $ed:pointer-attributes][namespace-uri() = '']" mode="member">
    <xsl:attribute name="{local-name()}" select="string-join(
        tokenize(normalize-space(.), ' ') ! (
          if (starts-with(., '#') and substring(., 2) = $ed:local-ids)
          then '#' || $ed:prefix || substring(., 2) else .),
        ' ')"/>
  </xsl:template>

</xsl:stylesheet>
