<?xml version="1.0" encoding="UTF-8"?>
<!--
  html/registers.xsl: a register page of the edition (persons.html,
  places.html, organisations.html).

  Input: <ed:documents> holding one <ed:doc/> per document, as made by
  ../summary.xsl; each doc lists the register entries it names as
  <ed:entry id kind name wikidata role><ed:variant lang/>…</ed:entry>.
  Output: every entry of one kind, alphabetically, with its names in
  English, Russian (and other languages), its authority link and every
  document that names it in chronological order, marked as sender or
  recipient where it is one.  Document pages link to the entries as
  {page}#reg-{id} (page.xsl, ed:register-page-href).

  Parameters (besides those of page.xsl):
    kind   'person', 'place' or 'organisation': which register to write.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:ed="https://example.org/ns/edition"
  exclude-result-prefixes="#all"
  expand-text="yes">

  <xsl:import href="../common.xsl"/>
  <xsl:include href="page.xsl"/>

  <xsl:param name="kind" as="xs:string" select="'person'"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" include-content-type="no"
    indent="no"/>

  <xsl:template match="/">
    <xsl:apply-templates select="*"/>
  </xsl:template>

  <xsl:template match="/*" priority="-1">
    <xsl:message terminate="yes">Not a list of document summaries: the root element is {name()} in namespace "{namespace-uri()}", expected ed:documents in https://example.org/ns/edition.</xsl:message>
  </xsl:template>

  <xsl:template match="/ed:documents">
    <xsl:variable name="heading" select="($ed:register-pages($kind)[2], 'Register')[1]"/>
    <xsl:variable name="entries" select="ed:doc/ed:entry[@kind = $kind]"/>
    <xsl:call-template name="ed:page">
      <xsl:with-param name="title" select="$heading"/>
      <xsl:with-param name="current" select="$kind"/>
      <xsl:with-param name="content" as="node()*">
        <h1>{$heading}</h1>
        <xsl:variable name="count" select="count(distinct-values($entries/@id))"/>
        <p class="index-count">{$count} {if ($count eq 1) then 'entry' else 'entries'}, each with the documents of the edition that name it.</p>
        <ul class="register-page">
          <xsl:for-each-group select="$entries" group-by="@id">
            <!-- index order: family name first ("Stalin, Joseph"), as the register's sort key says -->
            <xsl:sort select="(@sort[normalize-space()], lower-case(@name))[1]" lang="en"/>
            <xsl:sort select="current-grouping-key()"/>
            <xsl:call-template name="ed:register-page-entry"/>
          </xsl:for-each-group>
        </ul>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="ed:register-page-entry">
    <xsl:variable name="first" select="current-group()[1]"/>
    <xsl:variable name="authority" select="(current-group()/@wikidata[ed:is-web-address(.)])[1]"/>
    <xsl:variable name="gazetteer" select="(current-group()/@geonames[ed:is-web-address(.)])[1]"/>
    <li class="register-entry" id="reg-{current-grouping-key()}">
      <h2 class="register-heading">{($first/@index[normalize-space()], $first/@name)[1]}</h2>
      <dl class="register-names">
        <xsl:for-each-group select="current-group()/ed:variant[normalize-space()]" group-by="string(@lang)">
          <xsl:sort select="if (current-grouping-key() eq 'en') then 0 else if (current-grouping-key() eq 'ru') then 1 else 2"/>
          <xsl:sort select="current-grouping-key()"/>
          <dt>{if (current-grouping-key()) then ed:language-name(current-grouping-key()) else 'Name'}</dt>
          <dd>
            <xsl:if test="current-grouping-key()">
              <xsl:attribute name="lang" select="current-grouping-key()"/>
            </xsl:if>
            <xsl:text>{string-join(distinct-values(current-group() ! normalize-space(.)), ' · ')}</xsl:text>
          </dd>
        </xsl:for-each-group>
        <xsl:if test="exists(($authority, $gazetteer))">
          <dt>Authority</dt>
          <dd>
            <xsl:for-each select="$authority">
              <a class="authority" href="{.}" rel="external">Wikidata {replace(., '^.*/', '')}</a>
            </xsl:for-each>
            <xsl:if test="exists($authority) and exists($gazetteer)"> · </xsl:if>
            <xsl:for-each select="$gazetteer">
              <a class="authority authority-geonames" href="{.}" rel="external">GeoNames {replace(., '^.*/', '')}</a>
            </xsl:for-each>
          </dd>
        </xsl:if>
      </dl>
      <xsl:variable name="count" select="count(current-group()/..)"/>
      <p class="register-documents-label">Named in {$count} {if ($count eq 1) then 'document' else 'documents'}:</p>
      <ol class="register-documents">
        <!-- one entry per document (a document's entries have distinct ids: they are its standOff's xml:ids) -->
        <xsl:for-each select="current-group()">
          <xsl:sort select="if (normalize-space(../@date)) then 0 else 1"/>
          <xsl:sort select="string(../@date)"/>
          <xsl:sort select="string(../@id)"/>
          <xsl:variable name="roles" select="tokenize(@role, ' ')[. = ('sender', 'recipient', 'archive')]
                                             ! (if (. eq 'archive') then 'holds a copy' else .)"/>
          <xsl:variable name="document" select=".."/>
          <li>
            <xsl:choose>
              <xsl:when test="ed:is-iso-date($document/@date)">
                <time datetime="{$document/@date}">{ed:format-date($document/@date)}</time>
              </xsl:when>
              <xsl:otherwise><span class="not-given">undated</span></xsl:otherwise>
            </xsl:choose>
            <xsl:text> · </xsl:text>
            <a href="{$document/@href}">{(normalize-space($document/@title)[. ne ''], $document/@id)[1]}</a>
            <xsl:if test="exists($roles)">
              <span class="register-role"> ({string-join($roles, ', ')})</span>
            </xsl:if>
          </li>
        </xsl:for-each>
      </ol>
    </li>
  </xsl:template>

</xsl:stylesheet>
