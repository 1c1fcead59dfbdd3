<?xml version="1.0" encoding="UTF-8"?>
<!--
  print/document.xsl: one TEI document (shared/ENCODING.md) → its part of the
  printed volume, an <ed:print-document> fragment.

  The fragment carries what print/volume.xsl needs to assemble the volume
  without the TEI: the document's id, ISO date, title and a short running
  title (attributes), one <ed:occurrence> per person or place named in the
  text (kind, register key, preferred name, index heading and sort key:
  the entry's index form and @sortKey if the register gives them, else the
  name; the id of the anchor where it
  is named: the index points there), and the document as an HTML <section>
  for paged media: a header block (date, title, numbers, marks, archival
  copies, transmission, distribution, summary), then each text under its
  heading, notes as footnotes (class "footnote", placed at the foot of the
  page by print/print.css), names as anchors.

  Phrase-level TEI is rendered by the web edition's templates (it imports
  ../html/document.xsl, which imports ../common.xsl, so the web and the print
  editions show the editors' marks the same way); this stylesheet overrides
  only what paper needs: footnotes in the flow, names as anchors with ids
  unique in the whole volume, no columns, no links, no scripts.

  Parameters:
    running-title-length  maximum characters of the running title before it
                          is cut at a word and ends in "…" (default 70).
    heading-only          true: the <ed:print-document> element with its
                          attributes and no content (all the plain-text
                          volume needs; the build asks for no more when the
                          PDF volume is not made).  Default false.
  (The web edition's parameters are declared by ../html/document.xsl and
  not used on paper.)
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="https://example.org/ns/edition"
  exclude-result-prefixes="#all"
  expand-text="yes">

  <xsl:import href="../html/document.xsl"/>

  <xsl:param name="running-title-length" as="xs:integer" select="70"/>
  <xsl:param name="heading-only" as="xs:boolean" select="false()"/>

  <xsl:output method="xml" encoding="UTF-8" omit-xml-declaration="yes" indent="no"/>

  <xsl:template match="/">
    <xsl:variable name="root" select="tei:TEI"/>
    <xsl:if test="empty($root)">
      <xsl:message terminate="yes">Not a TEI document: the root element is {name(*)} in namespace "{namespace-uri(*)}", expected TEI in http://www.tei-c.org/ns/1.0.</xsl:message>
    </xsl:if>
    <xsl:apply-templates select="$root" mode="print-document"/>
  </xsl:template>

  <xsl:template match="tei:TEI" mode="print-document">
    <xsl:variable name="id" select="ed:document-id(.)"/>
    <xsl:variable name="date" select="ed:document-date(.)"/>
    <ed:print-document id="{$id}" date="{$date}" title="{ed:title(.)}"
      running-title="{ed:running-title(.)}">
      <xsl:if test="not($heading-only)">
        <xsl:for-each select="tei:text//*[@ref][ed:is-indexed(.)]">
          <xsl:variable name="entry" select="ed:register-entry(@ref, .)"/>
          <ed:occurrence kind="{ed:entry-kind($entry)}" key="{$entry/@xml:id}"
            name="{ed:preferred-name($entry)}" sort="{ed:sort-key($entry)}" index="{ed:index-name($entry)}"
            anchor="{ed:print-anchor(.)}"/>
        </xsl:for-each>
        <section class="document" id="{ed:print-id($id)}" lang="{(@xml:lang, 'en')[1]}">
          <xsl:call-template name="ed:print-header"/>
          <xsl:for-each select="(ed:divisions(.), tei:text/tei:body[empty(tei:div)])">
            <section class="text text-{(@type, 'text')[1]}">
              <xsl:for-each select="ed:language-of(.)">
                <xsl:attribute name="lang" select="."/>
              </xsl:for-each>
              <h3 class="text-heading" lang="en">{ed:division-heading(.)}</h3>
              <xsl:apply-templates/>
            </section>
          </xsl:for-each>
        </section>
      </xsl:if>
    </ed:print-document>
  </xsl:template>


  <!-- ===================================================================
       Ids and index
       =================================================================== -->

  <!-- Ids of the volume are prefixed by the document id, so they stay unique
       when all documents share one HTML file. -->
  <xsl:function name="ed:print-id" as="xs:string">
    <xsl:param name="document-id" as="xs:string"/>
    <xsl:sequence select="'doc-' || $document-id"/>
  </xsl:function>

  <!-- The anchor of a name: its place among the @ref elements of the document. -->
  <xsl:function name="ed:print-anchor" as="xs:string">
    <xsl:param name="name" as="element()"/>
    <xsl:sequence select="ed:print-id(ed:document-id($name)) || '-n'
                          || count($name/preceding::*[@ref] | $name/ancestor::*[@ref]) + 1"/>
  </xsl:function>

  <!-- Persons and places of the document's register are indexed. -->
  <xsl:function name="ed:is-indexed" as="xs:boolean">
    <xsl:param name="name" as="element()"/>
    <xsl:variable name="entry" select="ed:register-entry($name/@ref, $name)"/>
    <xsl:sequence select="exists($entry) and ed:entry-kind($entry) = ('person', 'place')"/>
  </xsl:function>

  <!-- "5 July 1950 · Ciphered Telegram No. 4711, Filippov to …" cut at a word. -->
  <xsl:function name="ed:running-title" as="xs:string">
    <xsl:param name="root" as="element()"/>
    <xsl:variable name="title" select="ed:title($root)"/>
    <xsl:sequence select="if (string-length($title) le $running-title-length) then $title
        else replace(substring($title, 1, $running-title-length), '[\s,;:.]+\S*$', '') || ' …'"/>
  </xsl:function>


  <!-- ===================================================================
       Header block
       =================================================================== -->

  <xsl:template name="ed:print-header">
    <xsl:variable name="date" select="ed:document-date(.)"/>
    <header class="document-header">
      <p class="document-date">{if ($date) then ed:format-date($date) else 'Date not given'}</p>
      <h2 class="document-title" id="{ed:print-id(ed:document-id(.))}-title"
        data-running-date="{if ($date) then ed:format-date($date) else 'Date not given'}"
        data-running-title="{ed:running-title(.)}">{ed:title(.)}</h2>
      <dl class="facts">
        <xsl:for-each select="ed:document-numbers(.)">
          <xsl:call-template name="ed:print-fact">
            <xsl:with-param name="label" select="ed:number-label(map:keys(.))"/>
            <xsl:with-param name="value" select="string-join(?*, ', ')"/>
          </xsl:call-template>
        </xsl:for-each>
        <xsl:call-template name="ed:print-fact">
          <xsl:with-param name="label" select="'Marks'"/>
          <xsl:with-param name="value" select="string-join(ed:marks(.) ! normalize-space(.), '; ')"/>
        </xsl:call-template>
        <xsl:for-each select="tei:teiHeader/tei:profileDesc/tei:langUsage[tei:language]">
          <xsl:call-template name="ed:print-fact">
            <xsl:with-param name="label" select="'Languages'"/>
            <xsl:with-param name="value" select="string-join(tei:language !
                (if (@ident) then ed:language-name(@ident) else normalize-space(.)), ', ')"/>
          </xsl:call-template>
        </xsl:for-each>
        <xsl:for-each select="tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:respStmt[tei:resp/@key = 'trl']">
          <xsl:call-template name="ed:print-fact">
            <xsl:with-param name="label" select="normalize-space(tei:resp)"/>
            <xsl:with-param name="value" select="string-join((tei:persName | tei:name | tei:orgName) ! normalize-space(), ', ')"/>
          </xsl:call-template>
        </xsl:for-each>
        <xsl:for-each select="tei:teiHeader//tei:correspContext/tei:ref[normalize-space()]">
          <xsl:call-template name="ed:print-fact">
            <xsl:with-param name="label" select="'In reply to'"/>
            <xsl:with-param name="value" select="normalize-space(.)"/>
          </xsl:call-template>
        </xsl:for-each>
        <xsl:call-template name="ed:print-fact">
          <xsl:with-param name="label" select="'Archival copies'"/>
          <xsl:with-param name="values" select="tei:teiHeader//tei:sourceDesc//tei:msDesc ! ed:archival-reference(.)"/>
        </xsl:call-template>
        <xsl:call-template name="ed:print-fact">
          <xsl:with-param name="label" select="'Transmission'"/>
          <xsl:with-param name="values" as="xs:string*">
            <xsl:for-each select="ed:transmission-events(.)">
              <xsl:variable name="when" select="ed:date-of(tei:date[1])"/>
              <xsl:variable name="agents" select="(tei:persName | tei:orgName | tei:name | tei:placeName) ! normalize-space()"/>
              <xsl:sequence select="ed:event-label(@type) || ': '
                                    || (if ($when) then ed:format-date($when) else 'time not given')
                                    || string-join($agents[. ne ''], ', ')[. ne ''] ! (' — ' || .)"/>
            </xsl:for-each>
          </xsl:with-param>
        </xsl:call-template>
        <xsl:variable name="lists" select="tei:text//tei:list[@type = 'distribution'][tei:item]"/>
        <xsl:for-each select="$lists">
          <xsl:call-template name="ed:print-fact">
            <xsl:with-param name="label" select="'Distribution' ||
                (if (count($lists) gt 1) then ' (' || ed:division-heading(ancestor::tei:div[last()]) || ')' else '')"/>
            <xsl:with-param name="values" select="tei:item ! (normalize-space(.) || ' — ' || ed:copies-label(ed:copies(.)))"/>
          </xsl:call-template>
        </xsl:for-each>
        <xsl:call-template name="ed:print-fact">
          <xsl:with-param name="label" select="'Record'"/>
          <xsl:with-param name="value" select="ed:record-address(.)"/>
        </xsl:call-template>
      </dl>
      <xsl:for-each select="tei:teiHeader/tei:profileDesc/tei:abstract[normalize-space()]">
        <div class="summary">
          <p><span class="summary-label">Summary. </span>{normalize-space(.)}</p>
        </div>
      </xsl:for-each>
    </header>
  </xsl:template>

  <!-- One fact of the header: a label and one value or several (one per line). -->
  <xsl:template name="ed:print-fact">
    <xsl:param name="label" as="xs:string"/>
    <xsl:param name="value" as="xs:string?" select="()"/>
    <xsl:param name="values" as="xs:string*" select="$value"/>
    <xsl:variable name="shown" select="$values[normalize-space()]"/>
    <xsl:if test="exists($shown)">
      <dt>{$label}</dt>
      <xsl:for-each select="$shown">
        <dd>{.}</dd>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>


  <!-- ===================================================================
       Overrides of ../html/textstructure.xsl for paper
       =================================================================== -->

  <!-- A name is an anchor the index points to (no link: paper has no register page). -->
  <xsl:template name="ed:name">
    <xsl:param name="content" as="node()*"/>
    <span class="{string-join(('name', 'name-' || local-name(), @type ! ('name-' || .)), ' ')}">
      <xsl:if test="@ref">
        <xsl:attribute name="id" select="ed:print-anchor(.)"/>
      </xsl:if>
      <xsl:apply-templates select="@xml:lang" mode="attributes"/>
      <xsl:sequence select="$content"/>
    </span>
  </xsl:template>

  <!-- A note is a footnote: print.css floats it to the foot of the page; the
       call and the note carry the document's own note number. -->
  <xsl:template match="tei:note[ed:is-footnote(.)]">
    <xsl:variable name="language" select="ed:language-of(.)"/>
    <span class="footnote" data-number="{ed:footnote-number(.)}">
      <xsl:if test="$language">
        <xsl:attribute name="lang" select="$language"/>
      </xsl:if>
      <xsl:apply-templates/>
    </span>
  </xsl:template>

  <!-- A note that is all its paragraph holds (a stamp) stays where it is, with
       its number: floated alone, it would leave an empty line behind. -->
  <xsl:template match="tei:note[ed:is-footnote(.)][ed:is-alone(.)]" priority="1">
    <span class="note-in-place editorial">
      <xsl:for-each select="ed:language-of(.)">
        <xsl:attribute name="lang" select="."/>
      </xsl:for-each>
      <xsl:text>[{ed:footnote-number(.)}] </xsl:text>
      <xsl:apply-templates/>
    </span>
  </xsl:template>

  <xsl:function name="ed:is-alone" as="xs:boolean">
    <xsl:param name="node" as="element()"/>
    <xsl:sequence select="$node/parent::tei:p and empty($node/../(node() except $node)[normalize-space()])"/>
  </xsl:function>

  <xsl:template match="tei:pb">
    <span class="pb editorial">
      <xsl:text>[{if (normalize-space(@n)) then 'page&#160;' || normalize-space(@n) else 'page&#160;break'}]</xsl:text>
    </span>
  </xsl:template>

  <!-- Blocks inside a footnote stay phrases: a footnote is one run of text. -->
  <xsl:template match="tei:note[ed:is-footnote(.)]//tei:p">
    <span class="note-paragraph"><xsl:apply-templates/></span>
    <xsl:text> </xsl:text>
  </xsl:template>

</xsl:stylesheet>
