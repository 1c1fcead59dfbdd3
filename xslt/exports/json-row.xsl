<?xml version="1.0" encoding="UTF-8"?>
<!--
  exports/json-row.xsl: one TEI document → its object in OUT/documents.json
  (one line of JSON; pipeline/exports.py puts the objects into an array).

  Keys are the column names of exports.xsl ($ed:table-columns), in that
  order: single-valued columns are strings (null when the source does not
  say), multi-valued ones arrays of strings (empty when it does not say).
  Values are exactly those of documents.csv, without the CSV's formula
  protection.

  Parameters: those of exports.xsl (base-url, document-path).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="https://example.org/ns/edition"
  xmlns:fn="http://www.w3.org/2005/xpath-functions"
  exclude-result-prefixes="#all">

  <xsl:import href="exports.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:template match="/">
    <xsl:apply-templates select="*" mode="json"/>
  </xsl:template>

  <xsl:template match="/*" mode="json" priority="-1">
    <xsl:message terminate="yes" expand-text="yes">Not a TEI document: the root element is {name()} in namespace "{namespace-uri()}".</xsl:message>
  </xsl:template>

  <xsl:template match="/tei:TEI" mode="json">
    <xsl:variable name="object">
      <fn:map>
        <xsl:apply-templates select="ed:table-row(.)" mode="json"/>
      </fn:map>
    </xsl:variable>
    <xsl:value-of select="xml-to-json($object)"/>
  </xsl:template>

  <xsl:template match="ed:cell[@multiple = 'true']" mode="json">
    <fn:array key="{@name}">
      <xsl:for-each select="ed:value">
        <fn:string>
          <xsl:value-of select="."/>
        </fn:string>
      </xsl:for-each>
    </fn:array>
  </xsl:template>

  <xsl:template match="ed:cell" mode="json">
    <xsl:choose>
      <xsl:when test="ed:value">
        <fn:string key="{@name}">
          <xsl:value-of select="ed:value[1]"/>
        </fn:string>
      </xsl:when>
      <xsl:otherwise>
        <fn:null key="{@name}"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
