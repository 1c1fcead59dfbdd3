<?xml version="1.0" encoding="UTF-8"?>
<!--
  print/text-volume.xsl: the whole-corpus plain-text volume.

  Input: <ed:volume> of <ed:print-document> fragments (print/document.xsl;
  only their id, date and title are read).  Output: a title block, a
  numbered contents list in chronological order (date, title), then for
  every document a "DOCUMENT n OF N" rule and a line {{document-text:ID}}
  where its plain-text edition goes (text.xsl, already written to
  OUT/text/ID.txt): pipeline/print_edition.py streams each file into the
  volume in place of that line, so no stylesheet reads a file and the
  corpus's texts are never held in memory together.  Lines are wrapped at
  $line-width columns without breaking words (ed:wrap of common.xsl).

  Parameters:
    line-width     maximum line length (default 72).
    volume-title   first line of the volume.
    volume-subtitle  line under it.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:ed="https://example.org/ns/edition"
  exclude-result-prefixes="#all"
  expand-text="yes">

  <xsl:import href="../common.xsl"/>

  <xsl:param name="line-width" as="xs:integer" select="72"/>
  <xsl:param name="volume-title" as="xs:string" select="'Soviet Ciphered Telegrams'"/>
  <xsl:param name="volume-subtitle" as="xs:string"
    select="'A digital edition in English translation and Russian original'"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:variable name="ed:volume-rule" as="xs:string" select="string-join((1 to $line-width) ! '#')"/>

  <xsl:template match="/">
    <xsl:variable name="documents" as="element(ed:print-document)*">
      <xsl:perform-sort select="ed:volume/ed:print-document">
        <xsl:sort select="if (ed:is-iso-date(@date)) then 0 else 1"/>
        <xsl:sort select="string(@date)"/>
        <xsl:sort select="string(@id)"/>
      </xsl:perform-sort>
    </xsl:variable>
    <xsl:variable name="total" select="count($documents)"/>
    <xsl:variable name="years" select="$documents/@date[ed:is-iso-date(.)] ! substring(., 1, 4)"/>
    <xsl:variable name="blocks" as="xs:string*">
      <xsl:sequence select="string-join((
          ed:wrap(upper-case($volume-title), $line-width, '', ''),
          ed:wrap($volume-subtitle, $line-width, '', ''),
          string-join(distinct-values((min($years), max($years))), '–')[. ne ''],
          $total || (if ($total eq 1) then ' document' else ' documents')), '&#10;')"/>
      <xsl:sequence select="string-join(($ed:volume-rule, 'CONTENTS', $ed:volume-rule), '&#10;')"/>
      <xsl:sequence select="string-join(
          for $index in 1 to $total
          return ed:contents-entry($documents[$index], $index, $total), '&#10;')"/>
      <xsl:for-each select="$documents">
        <xsl:sequence select="string-join(($ed:volume-rule,
            'DOCUMENT ' || position() || ' OF ' || $total, $ed:volume-rule), '&#10;')"/>
        <!-- the document's own text edition goes here: pipeline/print_edition.py
             puts OUT/text/{id}.txt in place of this line as it writes the volume -->
        <xsl:sequence select="'{{document-text:' || @id || '}}'"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:value-of select="string-join($blocks[normalize-space()], '&#10;&#10;') || '&#10;'"/>
  </xsl:template>

  <!-- " 3. 5 July 1950" then the title, indented under the date. -->
  <xsl:function name="ed:contents-entry" as="xs:string">
    <xsl:param name="document" as="element(ed:print-document)"/>
    <xsl:param name="index" as="xs:integer"/>
    <xsl:param name="total" as="xs:integer"/>
    <xsl:variable name="number" select="ed:pad-left(string($index), string-length(string($total))) || '. '"/>
    <xsl:variable name="indent" select="string-join((1 to string-length($number)) ! ' ')"/>
    <xsl:variable name="date" select="if (ed:is-iso-date($document/@date)) then ed:format-date($document/@date)
                                      else 'Date not given'"/>
    <xsl:sequence select="$number || $date || '&#10;' || ed:wrap($document/@title, $line-width, $indent, $indent)"/>
  </xsl:function>

  <xsl:function name="ed:pad-left" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="width" as="xs:integer"/>
    <xsl:sequence select="string-join((1 to $width - string-length($text)) ! ' ') || $text"/>
  </xsl:function>

</xsl:stylesheet>
