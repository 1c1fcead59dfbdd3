<?xml version="1.0" encoding="UTF-8"?>
<!--
  html/register.xsl: the persons, places and organisations of a document
  (its /TEI/standOff), as a section of the page that names in the text link
  to (mode "register").  Each entry shows the preferred name, the variants,
  authority identifiers and the forms the document itself uses; in the site
  (page.xsl register-pages) a link to the entry's register page with every
  document that names it.
  Parameters are declared in html/document.xsl.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="https://example.org/ns/edition"
  exclude-result-prefixes="#all"
  expand-text="yes">

  <xsl:mode name="register" on-no-match="shallow-skip"/>

  <!-- Forms of a name in this document's text and header, by the @ref pointing at it. -->
  <xsl:key name="ed:references" match="tei:TEI//*[@ref]"
    use="tokenize(normalize-space(@ref), ' ')[starts-with(., '#')] ! substring(., 2)"/>

  <xsl:template match="tei:standOff" mode="register">
    <xsl:variable name="groups" select="(tei:listPerson, tei:listPlace, tei:listOrg)
                                        [.//*[@xml:id][tei:persName | tei:placeName | tei:orgName | tei:name]]"/>
    <xsl:if test="exists($groups)">
      <section class="register" id="register" aria-labelledby="register-heading">
        <h2 id="register-heading">Persons, places and organisations</h2>
        <xsl:apply-templates select="$groups" mode="register"/>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:listPerson | tei:listPlace | tei:listOrg" mode="register">
    <section class="register-group register-{local-name()}">
      <h3>{if (self::tei:listPerson) then 'Persons' else if (self::tei:listPlace) then 'Places'
           else 'Organisations'}</h3>
      <ul class="register-entries">
        <xsl:apply-templates select=".//(tei:person | tei:personGrp | tei:place | tei:org)[@xml:id]"
          mode="register">
          <xsl:sort select="lower-case(ed:preferred-name(.))" lang="en"/>
        </xsl:apply-templates>
      </ul>
    </section>
  </xsl:template>

  <xsl:template match="tei:person | tei:personGrp | tei:place | tei:org" mode="register">
    <xsl:variable name="preferred" select="ed:preferred-name(.)"/>
    <xsl:variable name="variants" select="(tei:persName | tei:placeName | tei:orgName | tei:name)
                                          [not(@type = 'index')][normalize-space() ne $preferred]"/>
    <xsl:variable name="forms" select="key('ed:references', string(@xml:id))[ancestor::tei:text][normalize-space()]"/>
    <li class="register-entry entry-{ed:entry-kind(.)}" id="{ed:register-id(.)}">
      <span class="register-name">{$preferred}</span>
      <xsl:if test="exists($variants)">
        <span class="variants">
          <xsl:text> · also </xsl:text>
          <xsl:for-each select="$variants">
            <xsl:if test="position() gt 1">, </xsl:if>
            <span class="variant">
              <xsl:apply-templates select="@xml:lang" mode="attributes"/>
              <xsl:text>{normalize-space(.)}</xsl:text>
            </span>
            <xsl:for-each select="@type[. = ('pseudonym', 'alias', 'abbreviation')]">
              <span class="variant-type"> ({.})</span>
            </xsl:for-each>
          </xsl:for-each>
        </span>
      </xsl:if>
      <xsl:for-each select="tei:idno[ed:authority-address(.)]">
        <xsl:text> · </xsl:text>
        <a class="authority" href="{ed:authority-address(.)}" rel="external">
          <xsl:text>{if (@type = 'wikidata') then 'Wikidata ' else ''}{normalize-space(.)}</xsl:text>
        </a>
      </xsl:for-each>
      <xsl:if test="exists($forms)">
        <span class="forms">
          <xsl:text> · in this document: </xsl:text>
          <xsl:for-each-group select="$forms" group-by="normalize-space(.)">
            <xsl:if test="position() gt 1">, </xsl:if>
            <q class="form">
              <xsl:for-each select="ed:language-of(.)">
                <xsl:attribute name="lang" select="."/>
              </xsl:for-each>
              <xsl:text>{current-grouping-key()}</xsl:text>
            </q>
          </xsl:for-each-group>
        </span>
      </xsl:if>
      <xsl:for-each select="tei:note[normalize-space()]">
        <span class="register-note"> · {normalize-space(.)}</span>
      </xsl:for-each>
      <xsl:if test="$register-pages">
        <xsl:text> · </xsl:text>
        <a class="register-all" href="{ed:register-page-href(@xml:id, ed:entry-kind(.))}">all documents naming {if (ed:entry-kind(.) eq 'person') then 'this person' else if (ed:entry-kind(.) eq 'place') then 'this place' else 'it'}</a>
      </xsl:if>
    </li>
  </xsl:template>

</xsl:stylesheet>
