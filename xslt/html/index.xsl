<?xml version="1.0" encoding="UTF-8"?>
<!--
  html/index.xsl: the list of all documents (index.html).

  Input: <ed:documents> holding one <ed:doc/> per document, as made by
  ../summary.xsl.  Output: an HTML5 page with a table in chronological
  order (undated documents last): date, title linked to the document's page,
  sender → recipients, cipher number, archives, languages.

  Filtering and sorting: each row carries its facts in data-* attributes
  (persons, places, organisations, year, archives, languages, date); the
  filter form (select lists made here from the summaries) and the sort
  buttons are switched on by assets/index.js.  Without scripts the form stays
  hidden and the page is a plain table in chronological order.

  Parameters: those of page.xsl (css-href, index-href, site-title,
  archive-name, assets-href, search-href, register-pages), and
    downloads-base  where the edition-wide files lie, relative to this page
                    (default "../": the build writes them beside html/);
                    empty: no download list
    with-pdf        whether the PDF volume was built (default true)
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:ed="https://example.org/ns/edition"
  exclude-result-prefixes="#all"
  expand-text="yes">

  <xsl:import href="../common.xsl"/>
  <xsl:include href="page.xsl"/>

  <xsl:param name="downloads-base" as="xs:string" select="'../'"/>
  <xsl:param name="with-pdf" as="xs:boolean" select="true()"/>

  <!-- The edition-wide files: (path under downloads-base, label, format). -->
  <xsl:variable name="ed:downloads" as="array(xs:string)*" select="
      (['pdf/edition.pdf', 'The edition as a printable volume', 'PDF'])[$with-pdf],
      ['text/edition.txt', 'The edition as plain text', 'UTF-8 text'],
      ['edition.xml', 'All documents in one TEI corpus file', 'TEI P5 teiCorpus'],
      ['cmif.xml', 'Correspondence metadata for correspSearch', 'CMIF 1.1'],
      ['documents.csv', 'One row per document, for spreadsheets', 'CSV'],
      ['documents.json', 'The same table for programs', 'JSON'],
      ['dts/index.json', 'Distributed Text Services entry point', 'DTS 1.0, static']"/>

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
      <xsl:with-param name="current" select="'index'"/>
      <xsl:with-param name="scripts" as="element()*">
        <script src="{$assets-href}index.js" defer=""/>
      </xsl:with-param>
      <xsl:with-param name="content" as="node()*">
        <h1>All documents</h1>
        <p class="index-count">{count($documents)} {if (count($documents) eq 1) then 'document' else 'documents'}, in chronological order.</p>
        <xsl:call-template name="ed:filters">
          <xsl:with-param name="documents" select="$documents"/>
        </xsl:call-template>
        <div class="table-scroll">
          <table class="index" id="documents">
            <caption class="visually-hidden">All documents of the edition in chronological order</caption>
            <thead>
              <tr>
                <th scope="col" data-sort="date">Date</th>
                <th scope="col" data-sort="text">Title</th>
                <th scope="col" data-sort="text">From → to</th>
                <th scope="col" data-sort="number">Cipher no.</th>
                <th scope="col" data-sort="text">Archives</th>
                <th scope="col" data-sort="text">Languages</th>
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
        <xsl:if test="normalize-space($downloads-base)">
          <section class="downloads" aria-labelledby="downloads-heading">
            <h2 id="downloads-heading">Download the edition</h2>
            <p>Each document page offers its own TEI file. The whole edition:</p>
            <ul>
              <xsl:for-each select="$ed:downloads">
                <li><a href="{$downloads-base}{?1}">{?2}</a> ({?3})</li>
              </xsl:for-each>
            </ul>
          </section>
        </xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="ed:doc">
    <xsl:variable name="date" select="normalize-space(@date)"/>
    <tr id="doc-{@id}" data-date="{if (ed:is-iso-date($date)) then $date else '9999'}"
      data-person="{ed:entry-ids(., 'person')}" data-place="{ed:entry-ids(., 'place')}"
      data-organisation="{ed:entry-ids(., 'organisation')}" data-year="{normalize-space(@year)}"
      data-archive="{normalize-space(@repositories)}" data-language="{normalize-space(@languages)}">
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
      <td class="index-cipher" data-value="{(tokenize(@cipher, '\D+')[. ne ''])[1]}">{normalize-space(@cipher)}</td>
      <td class="index-archives">
        <xsl:for-each select="tokenize(@archives, ';\s*')[normalize-space()]">
          <xsl:if test="position() gt 1"><br/></xsl:if>
          <xsl:text>{normalize-space(.)}</xsl:text>
        </xsl:for-each>
      </td>
      <td class="index-languages">{string-join(tokenize(normalize-space(@languages), ' ') ! ed:language-name(.), ', ')}</td>
    </tr>
  </xsl:template>


  <!-- ===================================================================
       Filters (shown by assets/index.js; hidden without scripts)
       =================================================================== -->

  <xsl:function name="ed:entry-ids" as="xs:string">
    <xsl:param name="doc" as="element()"/>
    <xsl:param name="kind" as="xs:string"/>
    <xsl:sequence select="string-join($doc/ed:entry[@kind = $kind]/@id, ' ')"/>
  </xsl:function>

  <xsl:template name="ed:filters">
    <xsl:param name="documents" as="element()*"/>
    <form class="index-filters" id="filters" aria-label="Filter the documents" hidden="">
      <xsl:for-each select="('person', 'place', 'organisation')">
        <xsl:variable name="kind" select="."/>
        <xsl:call-template name="ed:filter">
          <xsl:with-param name="name" select="$kind"/>
          <xsl:with-param name="label" select="$ed:register-pages($kind)[2] ! replace(., 's$', '')"/>
          <xsl:with-param name="options" as="element()*">
            <xsl:for-each-group select="$documents/ed:entry[@kind = $kind]" group-by="@id">
              <xsl:sort select="lower-case(@name)" lang="en"/>
              <option value="{current-grouping-key()}">{@name} ({count(current-group())})</option>
            </xsl:for-each-group>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:call-template name="ed:filter">
        <xsl:with-param name="name" select="'year'"/>
        <xsl:with-param name="label" select="'Year'"/>
        <xsl:with-param name="options" as="element()*">
          <xsl:for-each-group select="$documents[normalize-space(@year)]" group-by="normalize-space(@year)">
            <xsl:sort select="current-grouping-key()"/>
            <option value="{current-grouping-key()}">{current-grouping-key()} ({count(current-group())})</option>
          </xsl:for-each-group>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="ed:filter">
        <xsl:with-param name="name" select="'archive'"/>
        <xsl:with-param name="label" select="'Archive'"/>
        <xsl:with-param name="options" as="element()*">
          <xsl:for-each-group select="$documents" group-by="tokenize(normalize-space(@repositories), ' ')">
            <xsl:sort select="current-grouping-key()"/>
            <option value="{current-grouping-key()}">{current-grouping-key()} ({count(current-group())})</option>
          </xsl:for-each-group>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="ed:filter">
        <xsl:with-param name="name" select="'language'"/>
        <xsl:with-param name="label" select="'Language'"/>
        <xsl:with-param name="options" as="element()*">
          <xsl:for-each-group select="$documents" group-by="tokenize(normalize-space(@languages), ' ')">
            <xsl:sort select="ed:language-name(current-grouping-key())"/>
            <option value="{current-grouping-key()}">{ed:language-name(current-grouping-key())} ({count(current-group())})</option>
          </xsl:for-each-group>
        </xsl:with-param>
      </xsl:call-template>
      <p class="filter-field filter-words">
        <label for="filter-words">Words in the row</label>
        <input type="search" id="filter-words" name="words" autocomplete="off"/>
      </p>
      <p class="filter-actions">
        <button type="reset">Show all</button>
        <output id="filter-status" for="filter-words" aria-live="polite"/>
      </p>
    </form>
  </xsl:template>

  <xsl:template name="ed:filter">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="label" as="xs:string"/>
    <xsl:param name="options" as="element()*"/>
    <xsl:if test="exists($options)">
      <p class="filter-field">
        <label for="filter-{$name}">{$label}</label>
        <select id="filter-{$name}" name="{$name}" data-filter="{$name}">
          <option value="">all</option>
          <xsl:sequence select="$options"/>
        </select>
      </p>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
