<?xml version="1.0" encoding="UTF-8"?>
<!--
  exports/corpus.xsl: the frame of OUT/edition.xml, a TEI <teiCorpus> holding
  every document of the edition under a corpus-level header (valid against
  tei_all).

  Called by its initial template (no input document).  Where the documents
  go it writes the processing instruction <?edition-documents?>:
  pipeline/exports.py streams the documents (as corpus-member.xsl makes
  them) into its place, one file at a time, so the corpus is never held in
  memory.

  Parameters: document-count (how many documents follow), and those of
  exports.xsl (edition-title, editors, publisher, base-url, release-date,
  licence, licence-url, description).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="https://example.org/ns/edition"
  xmlns="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <xsl:import href="exports.xsl"/>

  <xsl:param name="document-count" as="xs:integer" select="0"/>

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:template name="xsl:initial-template">
    <teiCorpus xml:lang="en">
      <teiHeader>
        <fileDesc>
          <titleStmt>
            <title type="main">
              <xsl:value-of select="$edition-title"/>
            </title>
            <xsl:for-each select="tokenize($editors, '&#10;')[normalize-space()]">
              <editor>
                <xsl:value-of select="normalize-space(.)"/>
              </editor>
            </xsl:for-each>
          </titleStmt>
          <extent>
            <measure unit="documents" quantity="{$document-count}">
              <xsl:value-of select="$document-count || (if ($document-count eq 1) then ' document' else ' documents')"/>
            </measure>
          </extent>
          <publicationStmt>
            <publisher>
              <xsl:value-of select="$publisher"/>
            </publisher>
            <idno type="URI">
              <xsl:value-of select="$base-url || 'edition.xml'"/>
            </idno>
            <date when="{$release-date}"/>
            <availability>
              <licence target="{$licence-url}">
                <xsl:value-of select="$licence"/>
              </licence>
            </availability>
          </publicationStmt>
          <sourceDesc>
            <p>A corpus of the edition's TEI documents; each describes its own source in its header.</p>
          </sourceDesc>
        </fileDesc>
        <encodingDesc>
          <p>
            <xsl:value-of select="$description"/>
          </p>
          <p>In this file every xml:id inside a document is prefixed with the document's id and a full stop
            (w1 becomes wca-114902.w1), and the document's own pointers follow, so that the identifiers stay
            unique in the corpus; the files of the edition keep the short forms.</p>
        </encodingDesc>
      </teiHeader>
      <xsl:processing-instruction name="edition-documents"/>
    </teiCorpus>
  </xsl:template>

</xsl:stylesheet>
