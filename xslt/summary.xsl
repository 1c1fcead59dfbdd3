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

  Parameters:
    html-suffix  what follows the id in the page address (default ".html").
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="https://example.org/ns/edition"
  exclude-result-prefixes="#all">

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
      href="{if ($id) then encode-for-uri($id) || $html-suffix else ''}"/>
  </xsl:template>

  <xsl:function name="ed:correspondents" as="xs:string">
    <xsl:param name="actions" as="element()*"/>
    <xsl:sequence select="string-join(ed:distinct-strings(
        $actions/(tei:persName | tei:orgName | tei:name) ! ed:person-name(.)), '; ')"/>
  </xsl:function>

</xsl:stylesheet>
