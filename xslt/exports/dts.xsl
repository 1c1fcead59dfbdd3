<?xml version="1.0" encoding="UTF-8"?>
<!--
  exports/dts.xsl: what the static DTS API (Distributed Text Services 1.0,
  "level 0": plain files, no server logic) shares: the layout of OUT/dts/,
  the JSON-LD context, and the Dublin Core terms of a document.

    OUT/dts/index.json                     entry point
    OUT/dts/collection/{collection}.json   root collection (first page)
    OUT/dts/collection/{collection}.N.json page N of it (only when paged)
    OUT/dts/collection/{id}.json           one document as a Resource
    OUT/dts/document/{id}.xml              the document endpoint: its TEI

  Every link is relative to the file it is in (all collection responses sit
  side by side in collection/), so the API works from any static host and
  any folder.  URI templates use RFC 6570 path and label expansions
  ("{resource}", "{.page}") instead of query strings, which a static host
  cannot answer.

  Parameters: collection-id, and those of exports.xsl.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="https://example.org/ns/edition"
  xmlns:fn="http://www.w3.org/2005/xpath-functions"
  exclude-result-prefixes="#all">

  <xsl:import href="exports.xsl"/>

  <xsl:param name="collection-id" as="xs:string" select="'edition'"/>

  <xsl:variable name="ed:dts-context" as="xs:string" select="'https://dtsapi.org/context/v1.0.json'"/>
  <xsl:variable name="ed:dts-version" as="xs:string" select="'1.0'"/>
  <xsl:variable name="ed:tei-media-type" as="xs:string" select="'application/tei+xml'"/>

  <!-- File name of a collection response in collection/ (also a Resource's). -->
  <xsl:function name="ed:dts-collection-file" as="xs:string">
    <xsl:param name="id" as="xs:string"/>
    <xsl:sequence select="encode-for-uri($id) || '.json'"/>
  </xsl:function>

  <!-- Page $page of the root collection, from a file in collection/. -->
  <xsl:function name="ed:dts-page-file" as="xs:string">
    <xsl:param name="page" as="xs:integer"/>
    <xsl:sequence select="encode-for-uri($collection-id) || '.' || $page || '.json'"/>
  </xsl:function>

  <!-- The document endpoint of a resource, from a file in collection/. -->
  <xsl:function name="ed:dts-document-file" as="xs:string">
    <xsl:param name="id" as="xs:string"/>
    <xsl:sequence select="'../document/' || encode-for-uri($id) || '.xml'"/>
  </xsl:function>

  <!-- "@context" and "dtsVersion": every response starts with them. -->
  <xsl:template name="ed:dts-response-head">
    <fn:string key="@context">
      <xsl:value-of select="$ed:dts-context"/>
    </fn:string>
    <fn:string key="dtsVersion">
      <xsl:value-of select="$ed:dts-version"/>
    </fn:string>
  </xsl:template>

  <!-- A key with a string value, or nothing when there is no value. -->
  <xsl:template name="ed:json-string">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="value" as="xs:string?"/>
    <xsl:if test="normalize-space($value)">
      <fn:string key="{$key}">
        <xsl:value-of select="normalize-space($value)"/>
      </fn:string>
    </xsl:if>
  </xsl:template>

  <!-- A key with an array of strings, or nothing when there are none. -->
  <xsl:template name="ed:json-strings">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="values" as="xs:string*"/>
    <xsl:if test="exists($values[normalize-space()])">
      <fn:array key="{$key}">
        <xsl:for-each select="$values[normalize-space()]">
          <fn:string>
            <xsl:value-of select="normalize-space(.)"/>
          </fn:string>
        </xsl:for-each>
      </fn:array>
    </xsl:if>
  </xsl:template>

  <!-- Dublin Core terms of the edition as a whole. -->
  <xsl:template name="ed:edition-dublin-core">
    <fn:map key="dublinCore">
      <xsl:call-template name="ed:json-string">
        <xsl:with-param name="key" select="'title'"/>
        <xsl:with-param name="value" select="$edition-title"/>
      </xsl:call-template>
      <xsl:call-template name="ed:json-string">
        <xsl:with-param name="key" select="'publisher'"/>
        <xsl:with-param name="value" select="$publisher"/>
      </xsl:call-template>
      <xsl:call-template name="ed:json-strings">
        <xsl:with-param name="key" select="'creator'"/>
        <xsl:with-param name="values" select="tokenize($editors, '&#10;')"/>
      </xsl:call-template>
      <xsl:call-template name="ed:json-string">
        <xsl:with-param name="key" select="'description'"/>
        <xsl:with-param name="value" select="$description"/>
      </xsl:call-template>
      <xsl:call-template name="ed:json-string">
        <xsl:with-param name="key" select="'license'"/>
        <xsl:with-param name="value" select="$licence-url"/>
      </xsl:call-template>
      <xsl:call-template name="ed:json-string">
        <xsl:with-param name="key" select="'identifier'"/>
        <xsl:with-param name="value" select="$base-url"/>
      </xsl:call-template>
    </fn:map>
  </xsl:template>

</xsl:stylesheet>
