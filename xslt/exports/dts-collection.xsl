<?xml version="1.0" encoding="UTF-8"?>
<!--
  exports/dts-collection.xsl: the frame of one page of the root collection
  response (OUT/dts/collection/{collection-id}.json and, when the collection
  is paged, {collection-id}.N.json), and, with entry-point=true, the DTS
  entry point OUT/dts/index.json.

  Called by its initial template (no input document).  In a collection page
  the member array holds the single string "@@edition-members@@":
  pipeline/exports.py puts the Resource objects of the page (made by
  dts-resource.xsl in the workers) in its place.

  Parameters:
    entry-point   true: write the entry point instead of a collection page
    total         number of documents in the collection
    page, pages   this page and the number of pages (pagination "view" only
                  when pages > 1)
    and those of dts.xsl and exports.xsl.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="https://example.org/ns/edition"
  xmlns:fn="http://www.w3.org/2005/xpath-functions"
  exclude-result-prefixes="#all">

  <xsl:import href="dts.xsl"/>

  <xsl:param name="entry-point" as="xs:boolean" select="false()"/>
  <xsl:param name="total" as="xs:integer" select="0"/>
  <xsl:param name="page" as="xs:integer" select="1"/>
  <xsl:param name="pages" as="xs:integer" select="1"/>

  <xsl:variable name="ed:members-marker" as="xs:string" select="'@@edition-members@@'"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:template name="xsl:initial-template">
    <xsl:variable name="object">
      <xsl:choose>
        <xsl:when test="$entry-point">
          <xsl:call-template name="ed:entry-point"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="ed:collection-page"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:value-of select="xml-to-json($object, map { 'indent': true() })"/>
  </xsl:template>

  <!-- Links from OUT/dts/ (the entry point's folder). -->
  <xsl:template name="ed:entry-point">
    <fn:map>
      <xsl:call-template name="ed:dts-response-head"/>
      <fn:string key="@id">index.json</fn:string>
      <fn:string key="@type">EntryPoint</fn:string>
      <fn:string key="collection">
        <xsl:value-of select="'collection/' || encode-for-uri($collection-id) || '{.page}.json'"/>
      </fn:string>
      <fn:string key="document">document/{resource}.xml</fn:string>
    </fn:map>
  </xsl:template>

  <!-- Links from OUT/dts/collection/. -->
  <xsl:template name="ed:collection-page">
    <fn:map>
      <xsl:call-template name="ed:dts-response-head"/>
      <fn:string key="@id">
        <xsl:value-of select="$collection-id"/>
      </fn:string>
      <fn:string key="@type">Collection</fn:string>
      <fn:string key="title">
        <xsl:value-of select="$edition-title"/>
      </fn:string>
      <xsl:call-template name="ed:json-string">
        <xsl:with-param name="key" select="'description'"/>
        <xsl:with-param name="value" select="$description"/>
      </xsl:call-template>
      <fn:number key="totalParents">0</fn:number>
      <fn:number key="totalChildren">
        <xsl:value-of select="$total"/>
      </fn:number>
      <fn:string key="collection">
        <xsl:value-of select="encode-for-uri($collection-id) || '{.page}.json'"/>
      </fn:string>
      <xsl:call-template name="ed:edition-dublin-core"/>
      <fn:array key="member">
        <fn:string>
          <xsl:value-of select="$ed:members-marker"/>
        </fn:string>
      </fn:array>
      <xsl:if test="$pages gt 1">
        <fn:map key="view">
          <fn:string key="@id">
            <xsl:value-of select="ed:dts-page-file($page)"/>
          </fn:string>
          <fn:string key="@type">Pagination</fn:string>
          <fn:string key="first">
            <xsl:value-of select="ed:dts-page-file(1)"/>
          </fn:string>
          <xsl:if test="$page gt 1">
            <fn:string key="previous">
              <xsl:value-of select="ed:dts-page-file($page - 1)"/>
            </fn:string>
          </xsl:if>
          <xsl:if test="$page lt $pages">
            <fn:string key="next">
              <xsl:value-of select="ed:dts-page-file($page + 1)"/>
            </fn:string>
          </xsl:if>
          <fn:string key="last">
            <xsl:value-of select="ed:dts-page-file($pages)"/>
          </fn:string>
        </fn:map>
      </xsl:if>
    </fn:map>
  </xsl:template>

</xsl:stylesheet>
