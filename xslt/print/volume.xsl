<?xml version="1.0" encoding="UTF-8"?>
<!--
  print/volume.xsl: the <ed:print-document> fragments of print/document.xsl,
  wrapped in <ed:volume>, → one HTML file for paged media (WeasyPrint,
  styled by print/print.css).

  Input:
    <ed:volume>
      <ed:print-document …/> …          in any order; sorted here by date
      <ed:layout>                        only for part="index": where the
        <ed:page n="3"><ed:anchor id="…"/> …</ed:page> …   first layout put
      </ed:layout>                       each anchor (pipeline/pdf.py)
    </ed:volume>

  The volume is typeset in two parts because an index needs the page numbers
  of every place a name occurs, one number per page: part "main" is the title
  page, the contents (page numbers by target-counter) and the documents in
  chronological order, each on a new page; its last page only carries the
  anchor "indexes" so the contents can give the index's first page, and is
  replaced by part "index": the index of persons and the index of places,
  their page references linking to the anchors where the names occur.

  Parameters:
    part           "main" or "index" (see above).
    front-matter   true: title page and contents (the volume); false: the
                   documents only (one document's PDF).
    volume-title   title on the title page.
    volume-subtitle  line under it.
    first-page     number of the first page of part "index".
    css-href       the stylesheet, relative to the HTML's base (print.css).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="https://example.org/ns/edition"
  exclude-result-prefixes="#all"
  expand-text="yes">

  <xsl:import href="../common.xsl"/>

  <xsl:param name="part" as="xs:string" select="'main'"/>
  <xsl:param name="front-matter" as="xs:boolean" select="true()"/>
  <xsl:param name="volume-title" as="xs:string" select="'Soviet Ciphered Telegrams'"/>
  <xsl:param name="volume-subtitle" as="xs:string"
    select="'A digital edition in English translation and Russian original'"/>
  <xsl:param name="first-page" as="xs:integer" select="1"/>
  <xsl:param name="css-href" as="xs:string" select="'print.css'"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" include-content-type="no" indent="no"/>

  <xsl:mode on-no-match="shallow-copy"/>
  <xsl:mode name="contents" on-no-match="shallow-skip"/>

  <!-- Page numbers of the first layout, by anchor id. -->
  <xsl:key name="ed:page-of-anchor" match="ed:page" use="ed:anchor/@id"/>

  <xsl:variable name="ed:index-kinds" as="map(xs:string, xs:string)"
    select="map { 'person': 'Index of persons', 'place': 'Index of places' }"/>

  <xsl:template match="/">
    <xsl:variable name="documents" as="element(ed:print-document)*">
      <xsl:perform-sort select="ed:volume/ed:print-document">
        <xsl:sort select="if (ed:is-iso-date(@date)) then 0 else 1"/>
        <xsl:sort select="string(@date)"/>
        <xsl:sort select="string(@id)"/>
      </xsl:perform-sort>
    </xsl:variable>
    <html lang="en">
      <head>
        <meta charset="UTF-8"/>
        <title>{$volume-title}</title>
        <link rel="stylesheet" href="{$css-href}"/>
        <xsl:if test="$part eq 'index'">
          <!-- the index continues the page numbers of the main part -->
          <style>@page :first {{ counter-reset: page {$first-page} }}</style>
        </xsl:if>
      </head>
      <body class="part-{$part} {if ($front-matter) then 'volume' else 'single'}">
        <xsl:choose>
          <xsl:when test="$part eq 'index'">
            <xsl:call-template name="ed:indexes">
              <xsl:with-param name="documents" select="$documents"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <xsl:if test="$front-matter">
              <xsl:call-template name="ed:title-page">
                <xsl:with-param name="documents" select="$documents"/>
              </xsl:call-template>
              <xsl:call-template name="ed:contents">
                <xsl:with-param name="documents" select="$documents"/>
              </xsl:call-template>
            </xsl:if>
            <!-- for-each, not a path: a path would bring back document order -->
            <xsl:for-each select="$documents">
              <xsl:apply-templates select="section"/>
            </xsl:for-each>
            <div class="indexes-start" id="indexes"/>
          </xsl:otherwise>
        </xsl:choose>
      </body>
    </html>
  </xsl:template>


  <!-- ===================================================================
       Front matter
       =================================================================== -->

  <xsl:template name="ed:title-page">
    <xsl:param name="documents" as="element(ed:print-document)*"/>
    <xsl:variable name="dates" select="$documents/@date[ed:is-iso-date(.)] ! substring(., 1, 4)"/>
    <section class="title-page">
      <h1 class="volume-title">{$volume-title}</h1>
      <p class="volume-subtitle">{$volume-subtitle}</p>
      <xsl:if test="exists($dates)">
        <p class="volume-years">{string-join(distinct-values((min($dates), max($dates))), '–')}</p>
      </xsl:if>
      <p class="volume-extent">{count($documents)} {if (count($documents) eq 1) then 'document' else 'documents'}</p>
    </section>
  </xsl:template>

  <xsl:template name="ed:contents">
    <xsl:param name="documents" as="element(ed:print-document)*"/>
    <nav class="contents">
      <h1>Contents</h1>
      <ol class="contents-list">
        <xsl:for-each select="$documents">
          <li>
            <a href="#{section/@id}">
              <span class="contents-date">{if (ed:is-iso-date(@date)) then ed:format-date(@date) else 'Date not given'}</span>
              <span class="contents-title">{@title}</span>
            </a>
          </li>
        </xsl:for-each>
        <li class="contents-indexes">
          <a href="#indexes"><span class="contents-title">Index of persons; index of places</span></a>
        </li>
      </ol>
    </nav>
  </xsl:template>

  <!-- The documents' HTML is copied as it is (it is made by document.xsl). -->
  <xsl:template match="ed:print-document/section">
    <xsl:copy-of select="." copy-namespaces="no"/>
  </xsl:template>


  <!-- ===================================================================
       Indexes
       =================================================================== -->

  <xsl:template name="ed:indexes">
    <xsl:param name="documents" as="element(ed:print-document)*"/>
    <xsl:variable name="layout" select="/ed:volume/ed:layout"/>
    <div class="indexes" id="indexes">
      <xsl:for-each select="('person', 'place')">
        <xsl:variable name="kind" select="."/>
        <xsl:variable name="occurrences" select="$documents/ed:occurrence[@kind = $kind]"/>
        <section class="index index-{$kind}">
          <h1 class="index-heading">{$ed:index-kinds($kind)}</h1>
          <xsl:if test="empty($occurrences)">
            <p class="index-empty">No entries.</p>
          </xsl:if>
          <ul class="index-list">
            <xsl:for-each-group select="$occurrences" group-by="@key">
              <xsl:sort select="(current-group()[1]/@sort[normalize-space()], lower-case(current-group()[1]/@name))[1]"/>
              <xsl:sort select="current-grouping-key()"/>
              <li class="index-entry">
                <span class="index-name">{(current-group()[1]/@index[normalize-space()], current-group()[1]/@name)[1]}</span>
                <xsl:text> </xsl:text>
                <xsl:call-template name="ed:page-references">
                  <xsl:with-param name="occurrences" select="current-group()"/>
                  <xsl:with-param name="layout" select="$layout"/>
                </xsl:call-template>
              </li>
            </xsl:for-each-group>
          </ul>
        </section>
      </xsl:for-each>
    </div>
  </xsl:template>

  <!-- One reference per page, in page order, linked to the first occurrence
       on that page. -->
  <xsl:template name="ed:page-references">
    <xsl:param name="occurrences" as="element(ed:occurrence)*"/>
    <xsl:param name="layout" as="element(ed:layout)?"/>
    <xsl:variable name="placed" as="map(*)*">
      <xsl:for-each select="$occurrences">
        <xsl:variable name="page" select="$layout ! key('ed:page-of-anchor', current()/@anchor, root(.))[1]"/>
        <xsl:if test="exists($page)">
          <xsl:sequence select="map { 'page': xs:integer($page/@n), 'anchor': string(@anchor) }"/>
        </xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <span class="index-pages">
      <xsl:for-each-group select="$placed" group-by="?page">
        <xsl:sort select="current-grouping-key()"/>
        <xsl:if test="position() gt 1">, </xsl:if>
        <a class="index-page" href="#{current-group()[1]?anchor}">{current-grouping-key()}</a>
      </xsl:for-each-group>
    </span>
  </xsl:template>

</xsl:stylesheet>
