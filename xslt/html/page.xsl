<?xml version="1.0" encoding="UTF-8"?>
<!--
  html/page.xsl: the frame every HTML page of the edition shares (document
  pages and the index): head, site banner with navigation, main, footer.

  Included by html/document.xsl and html/index.xsl; it never looks at TEI.

  Parameters (shared by all HTML pages):
    css-href    address of the edition's style sheet, relative to the page
                (the build copies xslt/html/edition.css to OUT/html/assets/).
    index-href  address of the list of all documents, relative to the page.
    site-title  name of the edition, shown in the banner and page titles.
    archive-name  the archive the source texts come from (footer, citations).
    assets-href   address of the folder of scripts and fonts (OUT/html/assets/).
    search-href   address of the search page; '' (the default, for a page
                  rendered on its own) leaves search out of the navigation.
    register-pages  true (the site): the banner links to the register pages
                  (persons.html, places.html, organisations.html) and names
                  link to their entries there; false (a page rendered on its
                  own): names link to the page's own register section.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:ed="https://example.org/ns/edition"
  exclude-result-prefixes="#all"
  expand-text="yes">

  <xsl:param name="css-href" as="xs:string" select="'assets/edition.css'"/>
  <xsl:param name="index-href" as="xs:string" select="'index.html'"/>
  <xsl:param name="site-title" as="xs:string" select="'Soviet Ciphered Telegrams, 1949–1952'"/>
  <xsl:param name="archive-name" as="xs:string" select="'Wilson Center Digital Archive'"/>
  <xsl:param name="assets-href" as="xs:string" select="'assets/'"/>
  <xsl:param name="search-href" as="xs:string" select="''"/>
  <xsl:param name="register-pages" as="xs:boolean" select="false()"/>

  <!-- The register pages of the edition: kind → (file, heading). -->
  <xsl:variable name="ed:register-pages" as="map(xs:string, xs:string+)" select="map {
      'person': ('persons.html', 'Persons'),
      'place': ('places.html', 'Places'),
      'organisation': ('organisations.html', 'Organisations')
    }"/>

  <!-- The address of a register entry on the register page of its kind. -->
  <xsl:function name="ed:register-page-href" as="xs:string">
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="kind" as="xs:string"/>
    <xsl:sequence select="($ed:register-pages($kind)[1], 'persons.html')[1] || '#reg-' || $id"/>
  </xsl:function>

  <!-- One HTML5 page.  $navigation: extra <li> links for the banner;
       $content: what goes into <main>; $footer: extra footer paragraphs;
       $scripts: static behaviour (never built from document text). -->
  <xsl:template name="ed:page">
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="navigation" as="element()*"/>
    <xsl:param name="content" as="node()*"/>
    <xsl:param name="footer" as="node()*"/>
    <xsl:param name="scripts" as="element()*"/>
    <xsl:param name="head" as="element()*"/>
    <xsl:param name="current" as="xs:string" select="''"/>
    <html lang="en">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>{string-join(($title[normalize-space()], $site-title), ' · ')}</title>
        <link rel="stylesheet" href="{$css-href}"/>
        <!-- the edition's own icon: browsers would otherwise ask for /favicon.ico -->
        <link rel="icon" href="{$assets-href}favicon.svg" type="image/svg+xml"/>
        <xsl:sequence select="$head"/>
      </head>
      <body>
        <a class="skip-link" href="#main">Skip to content</a>
        <header class="site-header">
          <p class="site-name"><a href="{$index-href}">{$site-title}</a></p>
          <nav class="site-navigation" aria-label="Edition">
            <ul>
              <li><a href="{$index-href}">
                <xsl:if test="$current eq 'index'"><xsl:attribute name="aria-current" select="'page'"/></xsl:if>
                <xsl:text>All documents</xsl:text></a></li>
              <xsl:if test="$register-pages">
                <xsl:for-each select="('person', 'place', 'organisation')">
                  <li><a href="{$ed:register-pages(.)[1]}">
                    <xsl:if test="$current eq ."><xsl:attribute name="aria-current" select="'page'"/></xsl:if>
                    <xsl:text>{$ed:register-pages(.)[2]}</xsl:text></a></li>
                </xsl:for-each>
              </xsl:if>
              <xsl:if test="$search-href">
                <li><a href="{$search-href}">
                  <xsl:if test="$current eq 'search'"><xsl:attribute name="aria-current" select="'page'"/></xsl:if>
                  <xsl:text>Search</xsl:text></a></li>
              </xsl:if>
              <xsl:sequence select="$navigation"/>
            </ul>
          </nav>
        </header>
        <main id="main" tabindex="-1">
          <xsl:sequence select="$content"/>
        </main>
        <footer class="site-footer">
          <xsl:sequence select="$footer"/>
          <p>Source texts: {$archive-name}. Encoded in TEI P5; every page of this edition is generated from the TEI files.</p>
        </footer>
        <xsl:sequence select="$scripts"/>
      </body>
    </html>
  </xsl:template>

</xsl:stylesheet>
