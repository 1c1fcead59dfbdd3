<?xml version="1.0" encoding="UTF-8"?>
<!--
  exports/cmif-entry.xsl: one TEI document → its <correspDesc> for the CMIF
  file (Correspondence Metadata Interchange Format 1.1, read by correspSearch).

  Runs per document in the build's workers; pipeline/exports.py puts the
  entries of all documents into the frame that cmif.xsl writes.

  What CMIF gets (see ENCODING.md, Contract):
    correspDesc/@ref     the document's page in the edition (base-url)
    correspDesc/@source  "#" + bibl-id: the bibl in the CMIF header
    sent / received      persons and organisations of correspAction[@type='sent'
                         | 'received'], named by the register's preferred name,
                         @ref = their authority URIs (GeoNames, VIAF, GND,
                         Wikidata entity URIs) where the standOff has them;
                         places likewise; the date of the event (a date-time
                         gives its calendar date).  The sent date falls back
                         to the document's date (profileDesc/creation/date/@when;
                         never @notBefore or the like: CMIF's @when would
                         claim more than the source says).
    intermediaries       correspAction[@type='transmitted'] has no CMIF
                         equivalent; it becomes a note of the correspDesc.
  An action the source says nothing about keeps a note saying so (CMIF
  requires both actions; a guessed name would be worse).

  Parameters: bibl-id (xml:id of the header's bibl), and those of exports.xsl.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="https://example.org/ns/edition"
  xmlns="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <xsl:import href="exports.xsl"/>

  <xsl:param name="bibl-id" as="xs:string" select="'edition'"/>

  <xsl:output method="xml" encoding="UTF-8" omit-xml-declaration="yes" indent="yes"/>

  <xsl:variable name="ed:missing-party" as="map(xs:string, xs:string)" select="map {
      'sent': 'The source does not name the sender.',
      'received': 'The source does not name the recipient.'
    }"/>

  <xsl:template match="/">
    <xsl:apply-templates select="*" mode="cmif"/>
  </xsl:template>

  <xsl:template match="/*" mode="cmif" priority="-1">
    <xsl:message terminate="yes" expand-text="yes">Not a TEI document: the root element is {name()} in namespace "{namespace-uri()}".</xsl:message>
  </xsl:template>

  <xsl:template match="/tei:TEI" mode="cmif">
    <xsl:variable name="correspDesc" select="tei:teiHeader/tei:profileDesc/tei:correspDesc[1]"/>
    <xsl:variable name="id" select="ed:document-id(.)"/>
    <correspDesc source="#{$bibl-id}">
      <xsl:if test="$id">
        <xsl:attribute name="ref" select="ed:document-url($id)"/>
      </xsl:if>
      <xsl:call-template name="ed:cmif-action">
        <xsl:with-param name="type" select="'sent'"/>
        <xsl:with-param name="actions" select="$correspDesc/tei:correspAction[@type = 'sent']"/>
        <xsl:with-param name="fallback-date"
          select="string(tei:teiHeader/tei:profileDesc/tei:creation/tei:date[1]/@when)"/>
      </xsl:call-template>
      <xsl:call-template name="ed:cmif-action">
        <xsl:with-param name="type" select="'received'"/>
        <xsl:with-param name="actions" select="$correspDesc/tei:correspAction[@type = 'received']"/>
      </xsl:call-template>
      <xsl:variable name="intermediaries" select="ed:agent-names($correspDesc/tei:correspAction[@type = 'transmitted'])"/>
      <xsl:if test="exists($intermediaries)">
        <note>
          <xsl:value-of select="'Transmitted by ' || string-join($intermediaries, ', ')"/>
        </note>
      </xsl:if>
    </correspDesc>
  </xsl:template>

  <xsl:template name="ed:cmif-action">
    <xsl:param name="type" as="xs:string"/>
    <xsl:param name="actions" as="element()*"/>
    <xsl:param name="fallback-date" as="xs:string?" select="()"/>
    <xsl:variable name="date"
      select="(($actions/tei:date/@when, $fallback-date) ! ed:calendar-date(.))[1]"/>
    <correspAction type="{$type}">
      <xsl:apply-templates select="ed:agents($actions) | $actions/tei:placeName" mode="cmif"/>
      <xsl:if test="exists($date)">
        <date when="{$date}"/>
      </xsl:if>
      <xsl:if test="empty(ed:agents($actions) | $actions/tei:placeName) and empty($date)">
        <note>
          <xsl:value-of select="$ed:missing-party($type)"/>
        </note>
      </xsl:if>
    </correspAction>
  </xsl:template>

  <xsl:template match="tei:persName | tei:name" mode="cmif">
    <persName>
      <xsl:call-template name="ed:authority-reference"/>
      <xsl:value-of select="ed:person-name(.)"/>
    </persName>
  </xsl:template>

  <xsl:template match="tei:orgName" mode="cmif">
    <orgName>
      <xsl:call-template name="ed:authority-reference"/>
      <xsl:value-of select="ed:person-name(.)"/>
    </orgName>
  </xsl:template>

  <xsl:template match="tei:placeName" mode="cmif">
    <placeName>
      <xsl:call-template name="ed:authority-reference"/>
      <xsl:value-of select="ed:person-name(.)"/>
    </placeName>
  </xsl:template>

  <!-- @ref with the authority URIs of the register entry the name points to. -->
  <xsl:template name="ed:authority-reference">
    <xsl:variable name="uris" select="ed:authority-uris(ed:register-entry(@ref, .))"/>
    <xsl:if test="exists($uris)">
      <xsl:attribute name="ref" select="string-join($uris, ' ')"/>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
