<?xml version="1.0" encoding="UTF-8"?>
<!--
  text.xsl: one TEI document (shared/ENCODING.md) → a plain-text edition.

  A header block (title, date, summary, archival copies, numbers, marks,
  transmission times, distribution), then each body division under a heading
  in capitals ("ENGLISH TRANSLATION", "RUSSIAN ORIGINAL"), then the numbered
  notes.  Paragraphs are separated by blank lines and wrapped without breaking
  words (ed:wrap in common.xsl).  Every word of the TEI text appears in the
  output; the editors' additions are in square brackets: […] for a gap,
  [word] for supplied text, [= Stalin] for an identification, [page 2] for a
  page break, [1] for a note.

  Modes: "block" turns a TEI element into zero or more finished (wrapped)
  blocks, as strings; "inline" turns phrase-level content into running text.

  Parameters:
    line-width   maximum line length in characters (default 72); only a
                 single word longer than this can exceed it.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="https://example.org/ns/edition"
  exclude-result-prefixes="#all"
  expand-text="yes">

  <xsl:import href="common.xsl"/>

  <xsl:param name="line-width" as="xs:integer" select="72"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:mode name="block" on-no-match="shallow-skip"/>
  <xsl:mode name="inline" on-no-match="text-only-copy"/>

  <xsl:variable name="ed:rule" as="xs:string" select="string-join((1 to $line-width) ! '=')"/>
  <xsl:variable name="ed:thin-rule" as="xs:string" select="string-join((1 to $line-width) ! '-')"/>

  <xsl:template match="/">
    <xsl:variable name="root" select="tei:TEI"/>
    <xsl:if test="empty($root)">
      <xsl:message terminate="yes">Not a TEI document: the root element is {name(*)} in namespace "{namespace-uri(*)}", expected TEI in http://www.tei-c.org/ns/1.0.</xsl:message>
    </xsl:if>
    <xsl:variable name="blocks" as="xs:string*">
      <xsl:apply-templates select="$root" mode="header"/>
      <xsl:for-each select="(ed:divisions($root), $root/tei:text/tei:body[empty(tei:div)])">
        <xsl:sequence select="string-join(($ed:rule, upper-case(ed:division-heading(.)), $ed:rule), '&#10;')"/>
        <xsl:call-template name="ed:blocks"/>
      </xsl:for-each>
      <xsl:call-template name="ed:notes">
        <xsl:with-param name="root" select="$root"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:value-of select="string-join($blocks[normalize-space()], '&#10;&#10;') || '&#10;'"/>
  </xsl:template>


  <!-- ===================================================================
       Header block
       =================================================================== -->

  <xsl:template match="tei:TEI" mode="header" as="xs:string*">
    <xsl:variable name="title" select="ed:wrap(ed:title(.), $line-width, '', '')"/>
    <xsl:sequence select="$title || '&#10;' || string-join((1 to min(($line-width,
                          max(tokenize($title, '&#10;') ! string-length(.))))) ! '=')"/>
    <xsl:variable name="date" select="ed:document-date(.)"/>
    <xsl:variable name="numbers" select="ed:document-numbers(.)"/>
    <xsl:variable name="marks" select="ed:marks(.)"/>
    <xsl:variable name="facts" as="xs:string*">
      <xsl:sequence select="ed:field('Date', if ($date) then ed:format-date($date) else 'not given')"/>
      <xsl:for-each select="$numbers">
        <xsl:sequence select="ed:field(ed:number-label(map:keys(.)), string-join(?*, ', '))"/>
      </xsl:for-each>
      <xsl:if test="exists($marks)">
        <xsl:sequence select="ed:field('Marks', string-join($marks ! normalize-space(.), '; '))"/>
      </xsl:if>
      <xsl:for-each select="tei:teiHeader/tei:profileDesc/tei:langUsage[tei:language]">
        <xsl:sequence select="ed:field('Languages', string-join(tei:language !
                              (if (@ident) then ed:language-name(@ident) else normalize-space(.)), ', '))"/>
      </xsl:for-each>
      <xsl:for-each select="tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:respStmt">
        <xsl:sequence select="ed:field((normalize-space(tei:resp), 'Responsibility')[. ne ''][1],
                              string-join((tei:persName | tei:name | tei:orgName) ! normalize-space(), ', '))"/>
      </xsl:for-each>
      <xsl:for-each select="tei:teiHeader//tei:correspContext/tei:ref[normalize-space()]">
        <xsl:sequence select="ed:field('In reply to', normalize-space(.))"/>
      </xsl:for-each>
      <xsl:for-each select="ed:record-address(.)">
        <xsl:sequence select="ed:field('Record', .)"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:sequence select="string-join($facts, '&#10;')"/>
    <xsl:for-each select="tei:teiHeader/tei:profileDesc/tei:abstract[normalize-space()]">
      <xsl:sequence select="'Summary:&#10;' || ed:wrap(normalize-space(.), $line-width, '  ', '  ')"/>
    </xsl:for-each>
    <xsl:call-template name="ed:list-block">
      <xsl:with-param name="heading" select="'Archival copies'"/>
      <xsl:with-param name="entries" select="tei:teiHeader//tei:sourceDesc//tei:msDesc ! ed:archival-reference(.)"/>
    </xsl:call-template>
    <xsl:call-template name="ed:list-block">
      <xsl:with-param name="heading" select="'Transmission'"/>
      <xsl:with-param name="entries" as="xs:string*">
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
      <xsl:call-template name="ed:list-block">
        <xsl:with-param name="heading" select="'Distribution' ||
            (if (count($lists) gt 1) then ' (' || ed:division-heading(ancestor::tei:div[last()]) || ')' else '')"/>
        <xsl:with-param name="entries" select="tei:item ! (normalize-space(.) || ' — ' || ed:copies-label(ed:copies(.)))"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <!-- "Label: value", wrapped with the value's continuation lines indented. -->
  <xsl:function name="ed:field" as="xs:string">
    <xsl:param name="label" as="xs:string"/>
    <xsl:param name="value" as="xs:string?"/>
    <xsl:sequence select="ed:wrap($label || ': ' || $value, $line-width, '', '  ')"/>
  </xsl:function>

  <xsl:template name="ed:list-block" as="xs:string?">
    <xsl:param name="heading" as="xs:string"/>
    <xsl:param name="entries" as="xs:string*"/>
    <xsl:if test="exists($entries[normalize-space()])">
      <xsl:sequence select="string-join(($heading || ':',
                            $entries[normalize-space()] ! ed:wrap(., $line-width, '  - ', '    ')), '&#10;')"/>
    </xsl:if>
  </xsl:template>


  <!-- ===================================================================
       Blocks
       =================================================================== -->

  <!-- The children of a container, as blocks: runs of phrase-level content
       between blocks become paragraphs of their own. -->
  <xsl:template name="ed:blocks" as="xs:string*">
    <xsl:param name="nodes" as="node()*" select="node()"/>
    <xsl:param name="indent" as="xs:string" select="''"/>
    <xsl:for-each-group select="$nodes" group-adjacent="ed:is-block(.)">
      <xsl:choose>
        <xsl:when test="current-grouping-key()">
          <xsl:apply-templates select="current-group()" mode="block">
            <xsl:with-param name="indent" select="$indent"/>
          </xsl:apply-templates>
        </xsl:when>
        <xsl:otherwise>
          <xsl:sequence select="ed:paragraph(current-group(), $indent, $indent)"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each-group>
  </xsl:template>

  <!-- Phrase-level nodes as one wrapped paragraph ('' when there is no text). -->
  <xsl:function name="ed:paragraph" as="xs:string">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:param name="first-prefix" as="xs:string"/>
    <xsl:param name="prefix" as="xs:string"/>
    <xsl:sequence select="ed:wrap(ed:running-text($nodes), $line-width, $first-prefix, $prefix)"/>
  </xsl:function>

  <xsl:function name="ed:running-text" as="xs:string">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:variable name="text">
      <xsl:apply-templates select="$nodes" mode="inline"/>
    </xsl:variable>
    <xsl:sequence select="string($text)"/>
  </xsl:function>

  <xsl:template match="tei:div" mode="block" as="xs:string*">
    <xsl:param name="indent" as="xs:string" select="''"/>
    <xsl:call-template name="ed:blocks">
      <xsl:with-param name="indent" select="$indent"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:div/tei:head" mode="block" as="xs:string*">
    <xsl:param name="indent" as="xs:string" select="''"/>
    <xsl:variable name="head" select="ed:paragraph(node(), $indent, $indent)"/>
    <xsl:sequence select="$head || '&#10;' || $indent || string-join((1 to min(($line-width - string-length($indent),
                          max(tokenize($head, '&#10;') ! (string-length(.) - string-length($indent)))))) ! '-')"/>
  </xsl:template>

  <xsl:template match="tei:p | tei:ab | tei:head | tei:dateline | tei:salute | tei:signed
                       | tei:trailer | tei:byline | tei:docDate" mode="block" as="xs:string*">
    <xsl:param name="indent" as="xs:string" select="''"/>
    <xsl:call-template name="ed:blocks">
      <xsl:with-param name="indent" select="$indent"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:opener | tei:closer | tei:postscript | tei:argument | tei:epigraph
                       | tei:floatingText | tei:figure | tei:sp | tei:quote | tei:body"
    mode="block" as="xs:string*">
    <xsl:param name="indent" as="xs:string" select="''"/>
    <xsl:call-template name="ed:blocks">
      <xsl:with-param name="indent" select="$indent"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Lines of an address or a verse group stay lines, in one block. -->
  <xsl:template match="tei:address | tei:lg" mode="block" as="xs:string*">
    <xsl:param name="indent" as="xs:string" select="''"/>
    <xsl:variable name="lines" as="xs:string*">
      <xsl:for-each-group select="node()" group-adjacent="exists(self::tei:addrLine | self::tei:l | self::tei:head)">
        <xsl:choose>
          <xsl:when test="current-grouping-key()">
            <xsl:sequence select="current-group() ! ed:paragraph(node(), $indent, $indent || '  ')"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:sequence select="ed:paragraph(current-group(), $indent, $indent)"/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each-group>
    </xsl:variable>
    <xsl:sequence select="string-join($lines[normalize-space()], '&#10;')"/>
  </xsl:template>

  <!-- A list is one block: an item per line, numbered as in the source. -->
  <xsl:template match="tei:list" mode="block" as="xs:string*">
    <xsl:param name="indent" as="xs:string" select="''"/>
    <xsl:variable name="lines" as="xs:string*">
      <xsl:for-each select="tei:head">
        <xsl:sequence select="ed:paragraph(node(), $indent, $indent)"/>
      </xsl:for-each>
      <xsl:for-each select="tei:item">
        <xsl:variable name="label" select="string-join((preceding-sibling::*[1][self::tei:label]
                                           ! normalize-space(.), ed:item-marker(.), '-')[. ne ''][1])"/>
        <xsl:variable name="marker" select="$label || ' '"/>
        <xsl:sequence select="ed:wrap(ed:running-text(node()), $line-width, $indent || $marker,
                              $indent || string-join((1 to string-length($marker)) ! ' '))"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:sequence select="string-join($lines[normalize-space()], '&#10;')"/>
  </xsl:template>

  <xsl:template match="tei:table" mode="block" as="xs:string*">
    <xsl:param name="indent" as="xs:string" select="''"/>
    <xsl:variable name="lines" as="xs:string*">
      <xsl:for-each select="tei:head">
        <xsl:sequence select="ed:paragraph(node(), $indent, $indent)"/>
      </xsl:for-each>
      <xsl:for-each select="tei:row">
        <xsl:sequence select="ed:wrap(string-join(tei:cell ! normalize-space(ed:running-text(node())), ' | '),
                              $line-width, $indent, $indent || '  ')"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:sequence select="string-join($lines[normalize-space()], '&#10;')"/>
  </xsl:template>

  <!-- Any other block keeps its text as a paragraph. -->
  <xsl:template match="tei:*" mode="block" as="xs:string*" priority="-1">
    <xsl:param name="indent" as="xs:string" select="''"/>
    <xsl:call-template name="ed:blocks">
      <xsl:with-param name="indent" select="$indent"/>
    </xsl:call-template>
  </xsl:template>


  <!-- ===================================================================
       Phrases: running text with the editors' marks in square brackets
       =================================================================== -->

  <!-- Line ends of the TEI file are not line ends of the text: only lb is. -->
  <xsl:template match="text()" mode="inline">
    <xsl:value-of select="translate(., '&#9;&#10;&#13;', '   ')"/>
  </xsl:template>

  <xsl:template match="tei:lb" mode="inline">
    <xsl:if test="not(@break = 'no')">
      <xsl:text>&#10;</xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:pb" mode="inline">
    <xsl:variable name="space" select="if (@break = 'no') then '' else ' '"/>
    <!-- no-break spaces keep a marker on one line -->
    <xsl:text>{$space}[{if (normalize-space(@n)) then 'page&#160;' || normalize-space(@n) else 'page&#160;break'}]{$space}</xsl:text>
  </xsl:template>

  <xsl:template match="tei:cb | tei:milestone | tei:anchor" mode="inline"/>

  <xsl:template match="tei:gap" mode="inline">[…]</xsl:template>

  <xsl:template match="tei:space" mode="inline">
    <xsl:text> </xsl:text>
  </xsl:template>

  <xsl:template match="tei:supplied" mode="inline">
    <xsl:text>[</xsl:text>
    <xsl:apply-templates mode="inline"/>
    <xsl:text>]</xsl:text>
  </xsl:template>

  <xsl:template match="tei:unclear" mode="inline">
    <xsl:apply-templates mode="inline"/>
    <xsl:text>[?]</xsl:text>
  </xsl:template>

  <xsl:template match="tei:note[@type = 'identification']" mode="inline">
    <xsl:text>{ed:bracketed(ed:running-text(node()), '=&#160;')}</xsl:text>
  </xsl:template>

  <xsl:template match="tei:note[ed:is-footnote(.)]" mode="inline">
    <xsl:text>[{ed:footnote-number(.)}]</xsl:text>
  </xsl:template>

  <xsl:template match="tei:choice" mode="inline">
    <xsl:apply-templates select="tei:sic | tei:orig | tei:abbr" mode="inline"/>
    <xsl:apply-templates select="tei:corr | tei:reg | tei:expan" mode="inline"/>
    <xsl:apply-templates select="* except (tei:sic, tei:orig, tei:abbr, tei:corr, tei:reg, tei:expan)" mode="inline"/>
  </xsl:template>

  <xsl:template match="tei:choice/tei:corr[../tei:sic] | tei:choice/tei:reg[../tei:orig]
                       | tei:choice/tei:expan[../tei:abbr]" mode="inline">
    <xsl:text> [{if (self::tei:corr) then 'sic; read ' else if (self::tei:reg) then '= ' else ''}</xsl:text>
    <xsl:apply-templates mode="inline"/>
    <xsl:text>]</xsl:text>
  </xsl:template>

  <xsl:template match="tei:del" mode="inline">
    <xsl:text>[deleted: </xsl:text>
    <xsl:apply-templates mode="inline"/>
    <xsl:text>]</xsl:text>
  </xsl:template>

  <!-- Blocks met inside running text (a paragraph in a list item, a list in a
       paragraph) are kept apart by a space so no two words run together. -->
  <xsl:template match="tei:*[ed:is-block(.)]" mode="inline">
    <xsl:text> </xsl:text>
    <xsl:apply-templates mode="inline"/>
    <xsl:text> </xsl:text>
  </xsl:template>

  <xsl:template match="tei:item | tei:addrLine | tei:l | tei:cell | tei:row | tei:label" mode="inline">
    <xsl:text> </xsl:text>
    <xsl:apply-templates mode="inline"/>
    <xsl:text> </xsl:text>
  </xsl:template>


  <!-- ===================================================================
       Notes
       =================================================================== -->

  <xsl:template name="ed:notes" as="xs:string*">
    <xsl:param name="root" as="element()"/>
    <xsl:variable name="notes" select="ed:footnotes($root)"/>
    <xsl:if test="exists($notes)">
      <xsl:sequence select="string-join(($ed:thin-rule, 'NOTES', $ed:thin-rule), '&#10;')"/>
      <xsl:sequence select="string-join($notes ! ed:wrap(ed:running-text(node()), $line-width,
                            '[' || ed:footnote-number(.) || '] ', '    '), '&#10;')"/>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
