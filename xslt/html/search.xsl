<?xml version="1.0" encoding="UTF-8"?>
<!--
  html/search.xsl: the search page of the site (search.html).

  Input: <ed:documents> (../summary.xsl), only for the number of documents.
  The search itself is Pagefind's: the search stage (pipeline/search.py)
  indexes the document pages (their <article data-pagefind-body>) into
  OUT/html/pagefind/, and its bundled interface (pagefind-ui.js/.css) runs
  in the page through assets/search.js.  Pagefind loads its index with
  fetch(), which browsers refuse on file:// pages: there the page says how
  to serve the site instead (the index page's filters work from disk).

  Parameters: those of page.xsl; pagefind-href is the folder of the bundle.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:ed="https://example.org/ns/edition"
  exclude-result-prefixes="#all"
  expand-text="yes">

  <xsl:import href="../common.xsl"/>
  <xsl:include href="page.xsl"/>

  <xsl:param name="pagefind-href" as="xs:string" select="'pagefind/'"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" include-content-type="no"
    indent="no"/>

  <xsl:template match="/">
    <xsl:apply-templates select="*"/>
  </xsl:template>

  <xsl:template match="/*" priority="-1">
    <xsl:message terminate="yes">Not a list of document summaries: the root element is {name()} in namespace "{namespace-uri()}", expected ed:documents in https://example.org/ns/edition.</xsl:message>
  </xsl:template>

  <xsl:template match="/ed:documents">
    <xsl:variable name="count" select="count(ed:doc)"/>
    <xsl:call-template name="ed:page">
      <xsl:with-param name="title" select="'Search'"/>
      <xsl:with-param name="current" select="'search'"/>
      <xsl:with-param name="head" as="element()*">
        <link rel="stylesheet" href="{$pagefind-href}pagefind-ui.css"/>
      </xsl:with-param>
      <xsl:with-param name="scripts" as="element()*">
        <script src="{$pagefind-href}pagefind-ui.js" defer=""/>
        <script src="{$assets-href}search.js" defer=""/>
      </xsl:with-param>
      <xsl:with-param name="content" as="node()*">
        <h1>Search</h1>
        <p class="index-count">Full text of {$count} {if ($count eq 1) then 'document' else 'documents'}, English and Russian: type a word in either language (for example a name as the telegram writes it).</p>
        <div id="search" class="search" data-pagefind-bundle="{$pagefind-href}"/>
        <div class="search-unavailable" id="search-unavailable" hidden="">
          <p>The search runs in the browser but has to load its index from a web server; opened from a
            folder on disk (a <code>file:</code> address) the browser does not allow that.
            Serve the edition with <code>edition serve --out OUT</code> and open
            <code>http://127.0.0.1:8000/html/search.html</code> (or any static web server, for example
            <code>python -m http.server --directory OUT/html</code>); or use the filters of the
            <a href="{$index-href}">list of all documents</a>, which work from disk.</p>
        </div>
        <noscript>
          <p>The search needs JavaScript. The <a href="{$index-href}">list of all documents</a> and the
            register pages work without it.</p>
        </noscript>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
