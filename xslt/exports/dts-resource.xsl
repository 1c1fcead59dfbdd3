<?xml version="1.0" encoding="UTF-8"?>
<!--
  exports/dts-resource.xsl: one TEI document → its DTS "Resource" object
  (one line of JSON-LD): a member of the root collection, and, with
  standalone=true, the collection response for the document itself
  (OUT/dts/collection/{id}.json).

  Dublin Core terms (dublinCore): title, creator (the senders), date,
  language, description (the summary), identifier (the edition page and the
  catalogue record), source (the catalogue record), publisher, license,
  type.  The document endpoint is the static TEI file; its media type is
  application/tei+xml.

  Parameters:
    standalone  true: a full response (@context, dtsVersion); false: a member
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

  <xsl:param name="standalone" as="xs:boolean" select="false()"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:template match="/">
    <xsl:apply-templates select="*" mode="dts"/>
  </xsl:template>

  <xsl:template match="/*" mode="dts" priority="-1">
    <xsl:message terminate="yes" expand-text="yes">Not a TEI document: the root element is {name()} in namespace "{namespace-uri()}".</xsl:message>
  </xsl:template>

  <xsl:template match="/tei:TEI" mode="dts">
    <xsl:variable name="object">
      <xsl:apply-templates select="." mode="dts-resource"/>
    </xsl:variable>
    <xsl:value-of select="xml-to-json($object)"/>
  </xsl:template>

  <xsl:template match="tei:TEI" mode="dts-resource">
    <xsl:variable name="id" select="ed:document-id(.)"/>
    <xsl:variable name="actions" select="tei:teiHeader/tei:profileDesc/tei:correspDesc/tei:correspAction"/>
    <xsl:variable name="title" select="ed:title(.)"/>
    <fn:map>
      <xsl:if test="$standalone">
        <xsl:call-template name="ed:dts-response-head"/>
      </xsl:if>
      <fn:string key="@id">
        <xsl:value-of select="$id"/>
      </fn:string>
      <fn:string key="@type">Resource</fn:string>
      <fn:string key="title">
        <xsl:value-of select="if ($title) then $title else $id"/>
      </fn:string>
      <xsl:call-template name="ed:json-string">
        <xsl:with-param name="key" select="'description'"/>
        <xsl:with-param name="value" select="string(tei:teiHeader/tei:profileDesc/tei:abstract)"/>
      </xsl:call-template>
      <fn:number key="totalParents">1</fn:number>
      <fn:number key="totalChildren">0</fn:number>
      <fn:string key="collection">
        <xsl:value-of select="ed:dts-collection-file($id)"/>
      </fn:string>
      <fn:string key="document">
        <xsl:value-of select="ed:dts-document-file($id)"/>
      </fn:string>
      <fn:array key="mediaTypes">
        <fn:string>
          <xsl:value-of select="$ed:tei-media-type"/>
        </fn:string>
      </fn:array>
      <fn:map key="dublinCore">
        <xsl:call-template name="ed:json-string">
          <xsl:with-param name="key" select="'title'"/>
          <xsl:with-param name="value" select="$title"/>
        </xsl:call-template>
        <xsl:call-template name="ed:json-strings">
          <xsl:with-param name="key" select="'creator'"/>
          <xsl:with-param name="values" select="ed:agent-names($actions[@type = 'sent'])"/>
        </xsl:call-template>
        <xsl:call-template name="ed:json-string">
          <xsl:with-param name="key" select="'date'"/>
          <xsl:with-param name="value" select="ed:document-date(.)[ed:is-iso-date(.)]"/>
        </xsl:call-template>
        <xsl:call-template name="ed:json-strings">
          <xsl:with-param name="key" select="'language'"/>
          <xsl:with-param name="values" select="ed:distinct-strings(
              tei:teiHeader/tei:profileDesc/tei:langUsage/tei:language/@ident)"/>
        </xsl:call-template>
        <xsl:call-template name="ed:json-string">
          <xsl:with-param name="key" select="'description'"/>
          <xsl:with-param name="value" select="string(tei:teiHeader/tei:profileDesc/tei:abstract)"/>
        </xsl:call-template>
        <xsl:call-template name="ed:json-strings">
          <xsl:with-param name="key" select="'identifier'"/>
          <xsl:with-param name="values" select="(ed:document-url($id), ed:record-address(.))"/>
        </xsl:call-template>
        <xsl:call-template name="ed:json-string">
          <xsl:with-param name="key" select="'source'"/>
          <xsl:with-param name="value" select="ed:record-address(.)"/>
        </xsl:call-template>
        <xsl:call-template name="ed:json-string">
          <xsl:with-param name="key" select="'publisher'"/>
          <xsl:with-param name="value" select="$publisher"/>
        </xsl:call-template>
        <xsl:call-template name="ed:json-string">
          <xsl:with-param name="key" select="'license'"/>
          <xsl:with-param name="value" select="$licence-url"/>
        </xsl:call-template>
        <fn:string key="type">Text</fn:string>
      </fn:map>
    </fn:map>
  </xsl:template>

</xsl:stylesheet>
