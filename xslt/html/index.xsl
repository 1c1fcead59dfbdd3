<?xml version="1.0" encoding="UTF-8"?>
<!--
  html/index.xsl: the list of all documents (index.html).

  Input: <ed:documents> holding one <ed:doc/> per document, as made by
  ../summary.xsl.  Output: an HTML5 page with a table in chronological
  order (undated documents last): date, title linked to the document's page,
  sender → recipients, cipher number, archives, languages.

  Parameters: those of page.xsl (css-href, index-href, site-title,
  archive-name).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:ed="https://example.org/ns/edition"
  exclude-result-prefixes="#all"
  expand-text="yes">

  <xsl:import href="../common.xsl"/>
  <xsl:include href="page.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" include-content-type="no"
    indent="no"/>

  <xsl:template match="/">
    <xsl:apply-templates select="*"/>
  </xsl:template>

  <xsl:template match="/*" priority="-1">
    <xsl:message terminate="yes">Not a list of document summaries: the root element is {name()} in namespace "{namespace-uri()}", expected ed:documents in https://example.org/ns/edition.</xsl:message>
  </xsl:template>

  <xsl:template match="/ed:documents">
    <xsl:variable name="documents" select="ed:doc"/>
    <xsl:call-template name="ed:page">
      <xsl:with-param name="title" select="'All documents'"/>
      <xsl:with-param name="content" as="node()*">
        <h1>All documents</h1>
        <p class="index-count">{count($documents)} {if (count($documents) eq 1) then 'document' else 'documents'}, in chronological order.</p>
        <div class="table-scroll">
          <table class="index">
            <caption class="visually-hidden">All documents of the edition in chronological order</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Title</th>
                <th scope="col">From → to</th>
                <th scope="col">Cipher no.</th>
                <th scope="col">Archives</th>
                <th scope="col">Languages</th>
              </tr>
            </thead>
            <tbody>
              <xsl:apply-templates select="$documents">
                <xsl:sort select="if (normalize-space(@date)) then 0 else 1"/>
                <xsl:sort select="string(@date)"/>
                <xsl:sort select="lower-case(@title)"/>
                <xsl:sort select="string(@id)"/>
              </xsl:apply-templates>
            </tbody>
          </table>
        </div>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="ed:doc">
    <xsl:variable name="date" select="normalize-space(@date)"/>
    <tr id="doc-{@id}">
      <td class="index-date">
        <xsl:choose>
          <xsl:when test="ed:is-iso-date($date)">
            <time datetime="{$date}">{ed:format-date($date)}</time>
          </xsl:when>
          <xsl:otherwise><span class="not-given">undated</span></xsl:otherwise>
        </xsl:choose>
      </td>
      <td class="index-title">
        <xsl:choose>
          <xsl:when test="normalize-space(@href)">
            <a href="{@href}">{(normalize-space(@title)[. ne ''], @id)[1]}</a>
          </xsl:when>
          <xsl:otherwise>{normalize-space(@title)}</xsl:otherwise>
        </xsl:choose>
      </td>
      <td class="index-correspondents">
        <xsl:if test="normalize-space(@sender) or normalize-space(@recipients)">
          <xsl:text>{(normalize-space(@sender)[. ne ''], '?')[1]} → {(normalize-space(@recipients)[. ne ''], '?')[1]}</xsl:text>
        </xsl:if>
      </td>
      <td class="index-cipher">{normalize-space(@cipher)}</td>
      <td class="index-archives">
        <xsl:for-each select="tokenize(@archives, ';\s*')[normalize-space()]">
          <xsl:if test="position() gt 1"><br/></xsl:if>
          <xsl:text>{normalize-space(.)}</xsl:text>
        </xsl:for-each>
      </td>
      <td class="index-languages">{string-join(tokenize(normalize-space(@languages), ' ') ! ed:language-name(.), ', ')}</td>
    </tr>
  </xsl:template>

</xsl:stylesheet>
