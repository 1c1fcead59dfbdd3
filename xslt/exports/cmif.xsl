<?xml version="1.0" encoding="UTF-8"?>
<!--
  exports/cmif.xsl: the frame of OUT/cmif.xml, a CMIF 1.1 file (TEI
  Correspondence SIG; schema cmi-customization.rng) for correspSearch.

  Called by its initial template (no input document).  It writes the header
  (title, editors, publisher, the file's own address, release date, licence,
  and the bibl describing the edition that every correspDesc/@source points
  to) and, where the entries go, the processing instruction
  <?edition-entries?>: pipeline/exports.py streams the <correspDesc> of each
  document (cmif-entry.xsl) into its place, one at a time.

  Parameters: bibl-id (xml:id of the bibl; CMIF recommends a UUID), and
  those of exports.xsl (edition-title, editors, publisher, base-url,
  release-date, licence, licence-url).
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

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:template name="xsl:initial-template">
    <TEI>
      <teiHeader>
        <fileDesc>
          <titleStmt>
            <title>
              <xsl:value-of select="'Correspondence metadata of the ' || $edition-title"/>
            </title>
            <xsl:for-each select="tokenize($editors, '&#10;')[normalize-space()]">
              <editor>
                <xsl:value-of select="normalize-space(.)"/>
              </editor>
            </xsl:for-each>
          </titleStmt>
          <publicationStmt>
            <publisher>
              <ref target="{$base-url}">
                <xsl:value-of select="$publisher"/>
              </ref>
            </publisher>
            <idno type="url">
              <xsl:value-of select="$base-url || 'cmif.xml'"/>
            </idno>
            <date when="{$release-date}"/>
            <availability>
              <licence target="{$licence-url}">
                <xsl:value-of select="$licence"/>
              </licence>
            </availability>
          </publicationStmt>
          <sourceDesc>
            <bibl type="online" xml:id="{$bibl-id}">
              <xsl:value-of select="$edition-title || ', '"/>
              <ref target="{$base-url}">
                <xsl:value-of select="$base-url"/>
              </ref>
            </bibl>
          </sourceDesc>
        </fileDesc>
        <profileDesc>
          <xsl:processing-instruction name="edition-entries"/>
        </profileDesc>
      </teiHeader>
      <text>
        <body>
          <p/>
        </body>
      </text>
    </TEI>
  </xsl:template>

</xsl:stylesheet>
