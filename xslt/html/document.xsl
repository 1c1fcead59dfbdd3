<?xml version="1.0" encoding="UTF-8"?>
<!--
  html/document.xsl: one TEI document (shared/ENCODING.md) → one HTML5 page.

  The page: a banner with navigation, the header card (title, date, marks,
  summary, numbers, archival copies, transmission timeline, distribution),
  the texts side by side, the notes, the register of names, the credits and
  a "Cite this document" box.  Modules, like the TEIC Stylesheets:
    ../common.xsl          shared functions and label tables (imported)
    page.xsl               the page frame shared with index.xsl
    header.xsl             header card, "About this edition", citation
    textstructure.xsl      the texts, phrase-level rendering, footnotes
    register.xsl           persons, places, organisations of the standOff

  Parameters (besides css-href, index-href, site-title and archive-name of
  page.xsl):
    tei-base       address of the folder holding the TEI files, relative to
                   the page; the "Download TEI" link is {tei-base}{@xml:id}.xml.
    register-base  empty: names link to the register section of the same page
                   (#reg-{id}); otherwise they link to {register-base}{id}.html
                   (register pages of their own).  Ignored when register-pages
                   (page.xsl) is true: then names link to persons.html#reg-{id} …
    site-base      absolute address the site is published at (ending in "/"),
                   for the "url" of the JSON-LD; '' (default) leaves it out.

  Search: the <article> is the part Pagefind indexes (data-pagefind-body);
  the date is given to it as metadata.  (No data-pagefind-filter: Pagefind
  1.5 writes filter files with names that change from run to run, and the
  build must be byte-identical.)
  Metadata: schema.org JSON-LD in the head, made from the header facts.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="https://example.org/ns/edition"
  exclude-result-prefixes="#all"
  expand-text="yes">

  <xsl:import href="../common.xsl"/>
  <xsl:include href="page.xsl"/>
  <xsl:include href="header.xsl"/>
  <xsl:include href="textstructure.xsl"/>
  <xsl:include href="register.xsl"/>

  <xsl:param name="tei-base" as="xs:string" select="'../tei/'"/>
  <xsl:param name="register-base" as="xs:string" select="''"/>
  <xsl:param name="site-base" as="xs:string" select="''"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" include-content-type="no"
    indent="no"/>

  <xsl:template match="/">
    <xsl:apply-templates select="*" mode="page"/>
  </xsl:template>

  <xsl:template match="/*" mode="page" priority="-1">
    <xsl:message terminate="yes">Not a TEI document: the root element is {name()} in namespace "{namespace-uri()}", expected TEI in http://www.tei-c.org/ns/1.0.</xsl:message>
  </xsl:template>

  <xsl:template match="tei:TEI" mode="page">
    <xsl:variable name="has-notes" select="exists(ed:footnotes(.))"/>
    <xsl:variable name="has-register" select="exists(tei:standOff//*[@xml:id]
                                              [tei:persName | tei:placeName | tei:orgName | tei:name])"/>
    <xsl:variable name="columns" select="count(ed:divisions(.))"/>
    <xsl:call-template name="ed:page">
      <xsl:with-param name="title" select="ed:title(.)"/>
      <xsl:with-param name="head" as="element()*">
        <script type="application/ld+json">{ed:json-ld(.)}</script>
      </xsl:with-param>
      <xsl:with-param name="navigation" as="element()*">
        <li><a href="#texts">Texts</a></li>
        <xsl:if test="$has-notes"><li><a href="#notes">Notes</a></li></xsl:if>
        <xsl:if test="$has-register"><li><a href="#register">Register</a></li></xsl:if>
        <li><a href="#cite">Cite</a></li>
        <li><a href="{$tei-base}{ed:document-id(.)}.xml" type="application/tei+xml">TEI</a></li>
      </xsl:with-param>
      <xsl:with-param name="content" as="node()*">
        <article class="document" aria-labelledby="document-title" data-pagefind-body=""
          data-pagefind-meta="date:{ed:format-date(ed:document-date(.))}">
          <xsl:apply-templates select="." mode="header"/>
          <xsl:call-template name="ed:texts"/>
          <xsl:call-template name="ed:footnotes"/>
          <xsl:apply-templates select="tei:standOff" mode="register"/>
          <xsl:call-template name="ed:about"/>
          <xsl:call-template name="ed:cite"/>
        </article>
      </xsl:with-param>
      <xsl:with-param name="footer" as="node()*">
        <xsl:for-each select="tei:teiHeader//tei:publicationStmt/tei:availability[normalize-space()]">
          <p class="rights">{normalize-space(.)}</p>
        </xsl:for-each>
      </xsl:with-param>
      <xsl:with-param name="scripts" as="element()*">
        <xsl:if test="$columns gt 1">
          <xsl:call-template name="ed:column-script"/>
        </xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- schema.org metadata of the document, serialised as JSON by Saxon (so
       every string is escaped, "/" included: no "</script>" can occur). -->
  <xsl:function name="ed:json-ld" as="xs:string">
    <xsl:param name="root" as="element()"/>
    <xsl:variable name="header" select="$root/tei:teiHeader"/>
    <xsl:variable name="id" select="ed:document-id($root)"/>
    <xsl:variable name="actions" select="$header//tei:correspDesc/tei:correspAction"/>
    <xsl:variable name="date" select="ed:document-date($root)[ed:is-iso-date(.)]"/>
    <xsl:variable name="licence" select="($header//tei:availability/tei:licence/@target)[ed:is-web-address(.)][1]"/>
    <xsl:variable name="mentioned" select="$root/tei:standOff//(tei:person | tei:place | tei:org)[@xml:id]"/>
    <xsl:variable name="metadata" select="map:merge((
        map { '@context': 'https://schema.org', '@type': 'ArchiveComponent',
              'name': ed:title($root), 'identifier': $id,
              'inLanguage': array { distinct-values($header//tei:langUsage/tei:language/@ident ! string(.)) },
              'isPartOf': map { '@type': 'Collection', 'name': $site-title },
              'encoding': map { '@type': 'MediaObject', 'encodingFormat': 'application/tei+xml',
                                'contentUrl': $site-base || $tei-base || $id || '.xml' } },
        $date ! map { 'dateCreated': . },
        $header//tei:profileDesc/tei:abstract[normalize-space()][1] ! map { 'description': normalize-space(.) },
        ed:record-address($root) ! map { 'sameAs': . },
        $site-base[. ne ''] ! map { 'url': . || encode-for-uri($id) || '.html' },
        $licence ! map { 'license': normalize-space(.) },
        ($header//tei:availability[normalize-space()])[1] ! map { 'copyrightNotice': normalize-space(.) },
        ed:json-agents($actions[@type = 'sent']/tei:persName)[exists(.)] ! map { 'author': array { . } },
        ed:json-agents($actions[@type = 'received']/tei:persName)[exists(.)] ! map { 'recipient': array { . } },
        ($header//tei:titleStmt/tei:respStmt[tei:resp/@key = 'trl']/tei:persName)[1]
           ! map { 'translator': map { '@type': 'Person', 'name': normalize-space(.) } },
        $header//tei:sourceDesc//tei:msDesc[1] ! map { 'holdingArchive':
           map { '@type': 'ArchiveOrganization', 'name': ed:repository(.) } },
        $mentioned[1] ! map { 'mentions': array { $mentioned ! ed:json-entry(.) } }
      ))"/>
    <xsl:sequence select="serialize($metadata, map { 'method': 'json', 'indent': false() })"/>
  </xsl:function>

  <xsl:function name="ed:json-agents" as="map(*)*">
    <xsl:param name="names" as="element()*"/>
    <xsl:for-each-group select="$names" group-by="ed:person-name(.)">
      <xsl:variable name="entry" select="ed:register-entry(@ref, .)"/>
      <xsl:sequence select="if (exists($entry)) then ed:json-entry($entry)
                            else map { '@type': 'Person', 'name': current-grouping-key() }"/>
    </xsl:for-each-group>
  </xsl:function>

  <xsl:function name="ed:json-entry" as="map(*)">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="type" select="map { 'person': 'Person', 'place': 'Place',
                                            'organisation': 'Organization' }(ed:entry-kind($entry))"/>
    <xsl:sequence select="map:merge((
        map { '@type': ($type, 'Thing')[1], 'name': ed:preferred-name($entry) },
        ($entry/tei:idno[@type = 'wikidata'] ! ed:authority-address(.))[1] ! map { 'sameAs': . }))"/>
  </xsl:function>

  <!-- Static behaviour for the column buttons (progressive enhancement: the
       buttons stay hidden without scripts).  Never built from document text. -->
  <xsl:template name="ed:column-script">
    <script xsl:expand-text="no">
(function () {
  var layout = document.querySelector('.layout-toggle');
  var columns = document.querySelector('.columns');
  if (layout &amp;&amp; columns) {
    layout.hidden = false;
    layout.addEventListener('click', function () {
      var parallel = layout.getAttribute('aria-pressed') !== 'true';
      layout.setAttribute('aria-pressed', parallel ? 'true' : 'false');
      columns.classList.toggle('columns-stacked', !parallel);
    });
  }
  var buttons = document.querySelectorAll('.column-toggle');
  function visibleColumns() {
    return document.querySelectorAll('.text-column:not([hidden])').length;
  }
  buttons.forEach(function (button) {
    var column = document.getElementById(button.getAttribute('aria-controls'));
    if (!column) { return; }
    button.hidden = false;
    button.addEventListener('click', function () {
      var hide = !column.hidden;
      if (hide &amp;&amp; visibleColumns() &lt;= 1) { return; }
      column.hidden = hide;
      button.setAttribute('aria-pressed', hide ? 'false' : 'true');
    });
  });
}());
    </script>
  </xsl:template>

</xsl:stylesheet>
