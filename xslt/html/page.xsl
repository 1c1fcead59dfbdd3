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

  <!-- One HTML5 page.  $navigation: extra <li> links for the banner;
       $content: what goes into <main>; $footer: extra footer paragraphs;
       $scripts: static behaviour (never built from document text). -->
  <xsl:template name="ed:page">
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="navigation" as="element()*"/>
    <xsl:param name="content" as="node()*"/>
    <xsl:param name="footer" as="node()*"/>
    <xsl:param name="scripts" as="element()*"/>
    <html lang="en">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>{string-join(($title[normalize-space()], $site-title), ' · ')}</title>
        <link rel="stylesheet" href="{$css-href}"/>
      </head>
      <body>
        <a class="skip-link" href="#main">Skip to content</a>
        <header class="site-header">
          <p class="site-name"><a href="{$index-href}">{$site-title}</a></p>
          <nav class="site-navigation" aria-label="Edition">
            <ul>
              <li><a href="{$index-href}">All documents</a></li>
              <xsl:sequence select="$navigation"/>
            </ul>
          </nav>
        </header>
        <main id="main">
          <xsl:sequence select="$content"/>
        </main>
        <footer class="site-footer">
          <xsl:sequence select="$footer"/>
          <p>Source texts: {$archive-name}. Encoded in TEI P5; this page is generated from the TEI file.</p>
        </footer>
        <xsl:sequence select="$scripts"/>
      </body>
    </html>
  </xsl:template>

</xsl:stylesheet>
