<?xml version="1.0" encoding="UTF-8"?>
<!--
  exports/csv-row.xsl: one TEI document → its row of OUT/documents.csv
  (RFC 4180: fields with a comma, quote or line break are quoted, quotes
  doubled; no line end: pipeline/exports.py joins the rows with CRLF).
  Its initial template writes the header row (the column names of
  exports.xsl, $ed:table-columns).

  Multi-valued cells are joined with " | ".  A cell that would start with a
  character spreadsheets read as a formula (formula-prefixes: = + - @ tab CR)
  is prefixed with an apostrophe, so opening the file never runs anything;
  documents.json keeps every value unchanged.

  Parameters:
    formula-prefixes  the characters that start a formula, as one string
    value-separator   joins the values of a multi-valued cell (" | ")
    and those of exports.xsl (base-url, document-path).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="https://example.org/ns/edition"
  exclude-result-prefixes="#all">

  <xsl:import href="exports.xsl"/>

  <xsl:param name="formula-prefixes" as="xs:string" select="'=+-@&#9;&#13;'"/>
  <xsl:param name="value-separator" as="xs:string" select="' | '"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:template name="xsl:initial-template">
    <xsl:value-of select="string-join($ed:table-columns ! ed:csv-field(.), ',')"/>
  </xsl:template>

  <xsl:template match="/">
    <xsl:apply-templates select="*" mode="csv"/>
  </xsl:template>

  <xsl:template match="/*" mode="csv" priority="-1">
    <xsl:message terminate="yes" expand-text="yes">Not a TEI document: the root element is {name()} in namespace "{namespace-uri()}".</xsl:message>
  </xsl:template>

  <xsl:template match="/tei:TEI" mode="csv">
    <xsl:value-of select="string-join(
        ed:table-row(.) ! ed:csv-field(ed:neutralise-formula(string-join(ed:value, $value-separator))),
        ',')"/>
  </xsl:template>

  <!-- RFC 4180 field: quoted when it holds a comma, a quote or a line break. -->
  <xsl:function name="ed:csv-field" as="xs:string">
    <xsl:param name="value" as="xs:string"/>
    <xsl:sequence select="if (matches($value, '[,&quot;&#10;&#13;]'))
                          then '&quot;' || replace($value, '&quot;', '&quot;&quot;') || '&quot;'
                          else $value"/>
  </xsl:function>

  <xsl:function name="ed:neutralise-formula" as="xs:string">
    <xsl:param name="value" as="xs:string"/>
    <xsl:sequence select="if ($value ne '' and contains($formula-prefixes, substring($value, 1, 1)))
                          then '''' || $value else $value"/>
  </xsl:function>

</xsl:stylesheet>
