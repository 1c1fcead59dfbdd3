<?xml version="1.0" encoding="UTF-8"?>
<!--
  summary.xsl: one TEI document → one <ed:doc/> element with the facts the
  index of the edition lists (html/index.xsl reads a sequence of them wrapped
  in <ed:documents>).  Attribute values are plain strings:
    id          /TEI/@xml:id
    date        ISO date of the document ('' when the source does not say)
    title       the main title
    sender      preferred names of the senders, "; "-separated
    recipients  preferred names of the recipients, "; "-separated
    cipher      distinct cipher telegram numbers, ", "-separated
    archives    the archival copies, "; "-separated ("RGASPI, f. 558, op. 11, d. 334, folio 79")
    languages   language codes of langUsage, space-separated ("ru en")
    href        address of the document's HTML page: {id}{html-suffix}
    year        the year of the document ('' when undated)
    repositories  distinct archives holding a copy, space-separated ("RGASPI APRF")
  and one child per register entry of the document's standOff that the
  document names (in the header or the text), for the index filters and the
  register pages:
    <ed:entry id="per-mao" kind="person|place|organisation" name="preferred name"
              wikidata="https://www.wikidata.org/wiki/Q…"
              geonames="https://www.geonames.org/…" (places) role="sender recipient named archive">
      <ed:variant lang="ru">Мао Цзэдун</ed:variant> (English and Russian, one name each)
    </ed:entry>

  Parameters:
    html-suffix  what follows the id in the page address (default ".html").
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="https://example.org/ns/edition"
  exclude-result-prefixes="#all"
  expand-text="yes">

  <xsl:import href="common.xsl"/>

  <xsl:param name="html-suffix" as="xs:string" select="'.html'"/>

  <xsl:output method="xml" encoding="UTF-8" omit-xml-declaration="yes" indent="no"/>

  <xsl:template match="/">
    <xsl:apply-templates select="*"/>
  </xsl:template>

  <xsl:template match="/*" priority="-1">
    <xsl:message terminate="yes" expand-text="yes">Not a TEI document: the root element is {name()} in namespace "{namespace-uri()}", expected TEI in http://www.tei-c.org/ns/1.0.</xsl:message>
  </xsl:template>

  <xsl:template match="/tei:TEI">
    <xsl:variable name="actions" select="tei:teiHeader//tei:correspDesc/tei:correspAction"/>
    <xsl:variable name="id" select="ed:document-id(.)"/>
    <ed:doc id="{$id}"
      date="{ed:document-date(.)[ed:is-iso-date(.)]}"
      title="{ed:title(.)}"
      sender="{ed:correspondents($actions[@type = 'sent'])}"
      recipients="{ed:correspondents($actions[@type = 'received'])}"
      cipher="{string-join(ed:distinct-strings(.//tei:idno[@type = 'cipher']), ', ')}"
      archives="{string-join(tei:teiHeader//tei:sourceDesc//tei:msDesc ! ed:archival-reference(.), '; ')}"
      languages="{string-join(distinct-values(tei:teiHeader/tei:profileDesc/tei:langUsage/tei:language/@ident
                                              ! normalize-space(.)), ' ')}"
      href="{if ($id) then encode-for-uri($id) || $html-suffix else ''}"
      year="{substring(ed:document-date(.)[ed:is-iso-date(.)], 1, 4)}"
      repositories="{string-join(ed:distinct-strings(tei:teiHeader//tei:sourceDesc//tei:msDesc ! ed:repository(.)), ' ')}">
      <xsl:apply-templates select="tei:standOff//(tei:person | tei:personGrp | tei:place | tei:org)[@xml:id]"
        mode="entry">
        <xsl:sort select="string(@xml:id)"/>
        <xsl:with-param name="actions" select="$actions"/>
      </xsl:apply-templates>
    </ed:doc>
  </xsl:template>

  <!-- Names pointing at a register entry, by its id. -->
  <xsl:key name="ed:named" match="tei:TEI//*[@ref][not(ancestor::tei:standOff)]"
    use="tokenize(normalize-space(@ref), ' ')[starts-with(., '#')] ! substring(., 2)"/>

  <xsl:template match="*" mode="entry">
    <xsl:param name="actions" as="element()*"/>
    <xsl:variable name="id" select="string(@xml:id)"/>
    <xsl:variable name="names" select="key('ed:named', $id)"/>
    <xsl:variable name="roles" select="(
        'sender'[$names intersect $actions[@type = 'sent']/*],
        'recipient'[$names intersect $actions[@type = 'received']/*],
        'named'[exists($names[ancestor::tei:text])],
        'archive'[exists($names[self::tei:repository])])"/>
    <!-- every entry of the standOff, named or not, so that each register
         link of a document page has its entry on the register page -->
    <ed:entry id="{$id}" kind="{ed:entry-kind(.)}" name="{ed:preferred-name(.)}"
      sort="{ed:sort-key(.)}" index="{ed:index-name(.)}"
      wikidata="{(tei:idno[@type = 'wikidata'] ! ed:authority-address(.))[1]}"
      geonames="{(tei:idno[@type = 'geonames'][matches(normalize-space(.), '^\d+$')]
                  ! ('https://www.geonames.org/' || normalize-space(.)))[1]}"
      role="{$roles}">
      <!-- one name per language (the preferred one where marked) keeps the
           fragment small: the full variant lists stay in each TEI file -->
      <xsl:variable name="own-names" select="(tei:persName | tei:placeName | tei:orgName | tei:name)[normalize-space()]"/>
      <xsl:for-each-group select="$own-names[@xml:lang = ('en', 'ru')]" group-by="string(@xml:lang)">
        <ed:variant lang="{current-grouping-key()}">{normalize-space((current-group()[@type = 'preferred'], current-group())[1])}</ed:variant>
      </xsl:for-each-group>
    </ed:entry>
  </xsl:template>

  <xsl:function name="ed:correspondents" as="xs:string">
    <xsl:param name="actions" as="element()*"/>
    <xsl:sequence select="string-join(ed:distinct-strings(
        $actions/(tei:persName | tei:orgName | tei:name) ! ed:person-name(.)), '; ')"/>
  </xsl:function>

</xsl:stylesheet>
