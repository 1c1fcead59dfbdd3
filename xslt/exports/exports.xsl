<?xml version="1.0" encoding="UTF-8"?>
<!--
  exports/exports.xsl: the layer the exchange formats share (CMIF, the TEI
  corpus file, the CSV and JSON tables, the static DTS API).

  It imports ../common.xsl and adds what only the exports need: the edition's
  publication facts (parameters, filled by pipeline/exports.py from
  pipeline/data/edition.toml), authority URIs in the forms harvesters expect,
  and the facts of one document as a row of named cells.  Like common.xsl it
  produces no output format: functions return strings, URIs or ed:cell
  elements; each export stylesheet serialises them.

  Parameters (all strings; the defaults only keep a stylesheet runnable alone):
    base-url        absolute address the edition is published at, ending in "/"
    document-path   path of a document's page below base-url; "{id}" is the
                    document id (default "html/{id}.html")
    edition-title   title of the edition
    publisher       who publishes the edition
    editors         the editors, one per line
    release-date    ISO date of the release (never the build time)
    licence         name of the licence of the encoding
    licence-url     address of that licence
    description     one paragraph about the edition
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="https://example.org/ns/edition"
  exclude-result-prefixes="#all">

  <xsl:import href="../common.xsl"/>

  <xsl:param name="base-url" as="xs:string" select="'https://edition.example.org/'"/>
  <xsl:param name="document-path" as="xs:string" select="'html/{id}.html'"/>
  <xsl:param name="edition-title" as="xs:string" select="'Digital edition'"/>
  <xsl:param name="publisher" as="xs:string" select="'Digital edition'"/>
  <xsl:param name="editors" as="xs:string" select="'The editors'"/>
  <xsl:param name="release-date" as="xs:string" select="'2026-01-01'"/>
  <xsl:param name="licence" as="xs:string" select="'CC BY 4.0'"/>
  <xsl:param name="licence-url" as="xs:string" select="'https://creativecommons.org/licenses/by/4.0/'"/>
  <xsl:param name="description" as="xs:string" select="''"/>

  <!-- Authority files: idno/@type of the register → the URI prefix harvesters
       (correspSearch, DTS clients) recognise.  Order = order of preference. -->
  <xsl:variable name="ed:authority-prefixes" as="map(xs:string, xs:string)" select="map {
      'geonames': 'http://www.geonames.org/',
      'viaf': 'http://viaf.org/viaf/',
      'gnd': 'http://d-nb.info/gnd/',
      'wikidata': 'http://www.wikidata.org/entity/'
    }"/>
  <xsl:variable name="ed:authority-types" as="xs:string+"
    select="('geonames', 'viaf', 'gnd', 'wikidata')"/>

  <!-- The columns of documents.csv / documents.json, in order.  Multi-valued
       columns are arrays in JSON and " | "-joined in CSV. -->
  <xsl:variable name="ed:table-columns" as="xs:string+" select="(
      'id', 'date', 'title', 'sender', 'sender_places', 'recipients', 'recipient_places',
      'cipher_numbers', 'outgoing_numbers', 'incoming_numbers', 'registration_numbers',
      'sent_at', 'received_at', 'transmitted_at', 'intermediaries',
      'archival_copies', 'distribution', 'languages', 'url', 'source_url', 'record_id')"/>
  <xsl:variable name="ed:single-valued-columns" as="xs:string+"
    select="('id', 'date', 'title', 'url', 'source_url', 'record_id')"/>

  <!-- ===================================================================
       Addresses
       =================================================================== -->

  <!-- The absolute address of a document's page in the published edition. -->
  <xsl:function name="ed:document-url" as="xs:string">
    <xsl:param name="id" as="xs:string"/>
    <xsl:sequence select="$base-url || replace($document-path, '\{id\}', encode-for-uri($id))"/>
  </xsl:function>

  <!-- The authority URIs of a register entry (persons, places, organisations),
       most preferred first; identifiers already given as web addresses are kept. -->
  <xsl:function name="ed:authority-uris" as="xs:string*">
    <xsl:param name="entry" as="element()?"/>
    <xsl:variable name="idnos" select="$entry/tei:idno[normalize-space()]"/>
    <xsl:sequence select="distinct-values((
        for $type in $ed:authority-types
        return $idnos[@type = $type] ! ed:authority-uri(normalize-space(.), $type),
        $idnos[not(@type = $ed:authority-types)] ! normalize-space(.)[ed:is-web-address(.)]))"/>
  </xsl:function>

  <xsl:function name="ed:authority-uri" as="xs:string?">
    <xsl:param name="value" as="xs:string"/>
    <xsl:param name="type" as="xs:string"/>
    <xsl:sequence select="
        if (ed:is-web-address($value)) then $value
        else if ($type eq 'wikidata' and not(matches($value, '^Q\d+$'))) then ()
        else if (matches($value, '^[A-Za-z0-9\-]+$')) then $ed:authority-prefixes($type) || $value
        else ()"/>
  </xsl:function>

  <!-- ===================================================================
       Dates
       =================================================================== -->

  <!-- An ISO date, year-month or year from @when (a date-time gives its date);
       empty when the value is not one. -->
  <xsl:function name="ed:calendar-date" as="xs:string?">
    <xsl:param name="value" as="xs:string?"/>
    <xsl:variable name="date" select="replace(normalize-space($value), 'T.*$', '')"/>
    <xsl:sequence select="$date[ed:is-iso-date(.)][. ne '']"/>
  </xsl:function>

  <!-- The ISO @when values of the transmission events of one type. -->
  <xsl:function name="ed:event-times" as="xs:string*">
    <xsl:param name="root" as="node()"/>
    <xsl:param name="type" as="xs:string"/>
    <xsl:sequence select="ed:distinct-strings(
        root($root)//tei:correspDesc/tei:correspAction[@type = $type]/tei:date/@when[ed:is-iso-date(.)])"/>
  </xsl:function>

  <!-- ===================================================================
       Correspondents
       =================================================================== -->

  <!-- Persons, organisations and other agents of correspondence actions. -->
  <xsl:function name="ed:agents" as="element()*">
    <xsl:param name="actions" as="element()*"/>
    <xsl:sequence select="$actions/(tei:persName | tei:orgName | tei:name)"/>
  </xsl:function>

  <xsl:function name="ed:agent-names" as="xs:string*">
    <xsl:param name="actions" as="element()*"/>
    <xsl:sequence select="ed:distinct-strings(ed:agents($actions) ! ed:person-name(.))"/>
  </xsl:function>

  <xsl:function name="ed:place-names" as="xs:string*">
    <xsl:param name="actions" as="element()*"/>
    <xsl:sequence select="ed:distinct-strings($actions/tei:placeName ! ed:person-name(.))"/>
  </xsl:function>

  <!-- ===================================================================
       Distribution
       =================================================================== -->

  <!-- The copy distribution of the first text that has one (originals and
       translations repeat it), one entry per addressee with the copies summed:
       "Joseph Stalin (2 copies)". -->
  <xsl:function name="ed:distribution" as="xs:string*">
    <xsl:param name="root" as="node()"/>
    <xsl:variable name="division"
      select="(ed:divisions($root)[.//tei:list[@type = 'distribution']/tei:item])[1]"/>
    <xsl:for-each-group select="$division//tei:list[@type = 'distribution']/tei:item"
      group-by="ed:distribution-name(.)">
      <xsl:sequence select="current-grouping-key() || ' ('
                            || ed:copies-label(sum(current-group() ! ed:copies(.))) || ')'"/>
    </xsl:for-each-group>
  </xsl:function>

  <xsl:function name="ed:distribution-name" as="xs:string">
    <xsl:param name="item" as="element()"/>
    <xsl:variable name="names" select="$item//(tei:persName | tei:orgName)"/>
    <xsl:sequence select="if (exists($names))
                          then string-join(ed:distinct-strings($names ! ed:person-name(.)), ', ')
                          else normalize-space($item)"/>
  </xsl:function>

  <!-- ===================================================================
       The row of the tables
       =================================================================== -->

  <!-- One document as cells named after $ed:table-columns, in their order;
       a cell without values means "the source does not say". -->
  <xsl:function name="ed:table-row" as="element(ed:cell)*">
    <xsl:param name="root" as="node()"/>
    <xsl:variable name="tei" select="root($root)/tei:TEI"/>
    <xsl:variable name="actions" select="$tei/tei:teiHeader/tei:profileDesc/tei:correspDesc/tei:correspAction"/>
    <xsl:variable name="numbers" select="$tei//tei:idno"/>
    <xsl:variable name="id" select="ed:document-id($tei)"/>
    <xsl:sequence select="(
        ed:cell('id', $id),
        ed:cell('date', ed:document-date($tei)[ed:is-iso-date(.)]),
        ed:cell('title', ed:title($tei)),
        ed:cell('sender', ed:agent-names($actions[@type = 'sent'])),
        ed:cell('sender_places', ed:place-names($actions[@type = 'sent'])),
        ed:cell('recipients', ed:agent-names($actions[@type = 'received'])),
        ed:cell('recipient_places', ed:place-names($actions[@type = 'received'])),
        ed:cell('cipher_numbers', ed:distinct-strings($numbers[@type = 'cipher'])),
        ed:cell('outgoing_numbers', ed:distinct-strings($numbers[@type = 'outgoing'])),
        ed:cell('incoming_numbers', ed:distinct-strings($numbers[@type = 'incoming'])),
        ed:cell('registration_numbers', ed:distinct-strings($numbers[@type = 'registration'])),
        ed:cell('sent_at', ed:event-times($tei, 'sent')),
        ed:cell('received_at', ed:event-times($tei, 'received')),
        ed:cell('transmitted_at', ed:event-times($tei, 'transmitted')),
        ed:cell('intermediaries', ed:agent-names($actions[@type = 'transmitted'])),
        ed:cell('archival_copies',
                $tei/tei:teiHeader//tei:sourceDesc//tei:msDesc ! ed:archival-reference(.)),
        ed:cell('distribution', ed:distribution($tei)),
        ed:cell('languages', ed:distinct-strings(
                $tei/tei:teiHeader/tei:profileDesc/tei:langUsage/tei:language/@ident)),
        ed:cell('url', if ($id) then ed:document-url($id) else ()),
        ed:cell('source_url', ed:record-address($tei)),
        ed:cell('record_id', ed:distinct-strings(
                $tei/tei:teiHeader//tei:sourceDesc//tei:idno[@type = 'record'])[1])
      )"/>
  </xsl:function>

  <xsl:function name="ed:cell" as="element(ed:cell)">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="values" as="xs:string*"/>
    <ed:cell name="{$name}" multiple="{not($name = $ed:single-valued-columns)}">
      <xsl:for-each select="$values[normalize-space()]">
        <ed:value>
          <xsl:value-of select="normalize-space(.)"/>
        </ed:value>
      </xsl:for-each>
    </ed:cell>
  </xsl:function>

</xsl:stylesheet>
