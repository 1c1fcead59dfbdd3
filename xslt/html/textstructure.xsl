<?xml version="1.0" encoding="UTF-8"?>
<!--
  html/textstructure.xsl: the texts of a document in HTML.

  Mode "column": each body division as a column (side by side when there are
  several, with buttons to hide one).  Default mode: the TEI elements of the
  text, from divisions down to phrases (names, dates, numbers, editorial
  marks).  Mode "footnote": notes collected at the end of the page.

  Every character of the TEI text reaches the page as text (never as markup);
  what the editors add (brackets, page markers, note numbers) is marked with
  its own class so a reader can tell it from the source.
  Parameters are declared in html/document.xsl.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="https://example.org/ns/edition"
  exclude-result-prefixes="#all"
  expand-text="yes">

  <xsl:mode on-no-match="text-only-copy"/>
  <xsl:mode name="column" on-no-match="shallow-skip"/>
  <xsl:mode name="footnote" on-no-match="shallow-skip"/>
  <xsl:mode name="attributes" on-no-match="shallow-skip"/>

  <!-- ===================================================================
       Links to the register
       =================================================================== -->

  <xsl:function name="ed:register-href" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="if ($register-pages) then ed:register-page-href($entry/@xml:id, ed:entry-kind($entry))
                          else if ($register-base eq '') then '#' || ed:register-id($entry)
                          else $register-base || $entry/@xml:id || '.html'"/>
  </xsl:function>

  <!-- Where a ref/@target leads on the site: a web address (http/https only)
       as it is; another TEI file of the edition ("wca-114902.xml",
       "wca-114902.xml#p2", the first of several) as that document's page;
       anything else is not a link. -->
  <xsl:function name="ed:link-target" as="xs:string?">
    <xsl:param name="target" as="xs:string?"/>
    <xsl:variable name="value" select="tokenize(normalize-space($target), ' ')[1]"/>
    <xsl:sequence select="
        if (ed:is-web-address($value)) then $value
        else if (matches($value, '^(tei/)?[A-Za-z][A-Za-z0-9_.-]*\.xml(#[A-Za-z_][A-Za-z0-9_.-]*)?$'))
          then replace(replace($value, '^tei/', ''), '\.xml(#|$)', '.html$1')
        else ()"/>
  </xsl:function>

  <!-- Where a name points: its register entry, else an external web address. -->
  <xsl:function name="ed:name-target" as="xs:string?">
    <xsl:param name="name" as="element()"/>
    <xsl:variable name="entry" select="ed:register-entry($name/@ref, $name)"/>
    <xsl:sequence select="if (exists($entry)) then ed:register-href($entry)
        else tokenize(normalize-space($name/@ref), ' ')[ed:is-web-address(.)][1]"/>
  </xsl:function>

  <!-- A name is a link unless a surrounding name already is one, or it holds a
       footnote (links cannot nest). -->
  <xsl:function name="ed:is-linked" as="xs:boolean">
    <xsl:param name="name" as="element()"/>
    <xsl:sequence select="exists(ed:name-target($name))
        and empty($name//tei:note[ed:is-footnote(.)])
        and empty($name/ancestor::*[@ref][ed:is-linked(.)])"/>
  </xsl:function>

  <!-- persName, placeName, orgName … as a link into the register. -->
  <xsl:template name="ed:name">
    <xsl:param name="content" as="node()*"/>
    <xsl:variable name="entry" select="ed:register-entry(@ref, .)"/>
    <xsl:variable name="class" select="string-join(('name', 'name-' || local-name(), @type ! ('name-' || .)), ' ')"/>
    <xsl:choose>
      <xsl:when test="ed:is-linked(.)">
        <a class="{$class}" href="{ed:name-target(.)}">
          <xsl:if test="exists($entry)">
            <xsl:attribute name="title" select="ed:preferred-name($entry)"/>
          </xsl:if>
          <xsl:apply-templates select="@xml:lang" mode="attributes"/>
          <xsl:sequence select="$content"/>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <span class="{$class}">
          <xsl:apply-templates select="@xml:lang" mode="attributes"/>
          <xsl:sequence select="$content"/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="@xml:lang" mode="attributes">
    <xsl:attribute name="lang" select="."/>
  </xsl:template>


  <!-- ===================================================================
       Columns
       =================================================================== -->

  <xsl:template name="ed:texts">
    <xsl:variable name="columns" select="(ed:divisions(.), tei:text/tei:body[empty(tei:div)])"/>
    <section class="texts" id="texts" aria-labelledby="texts-heading">
      <h2 id="texts-heading">{if (count($columns) gt 1) then 'Texts' else 'Text'}</h2>
      <xsl:if test="count($columns) gt 1">
        <div class="column-toggles" role="group" aria-label="Show or hide texts">
          <button type="button" class="layout-toggle" aria-pressed="true" hidden="">Side by side</button>
          <xsl:for-each select="$columns">
            <button type="button" class="column-toggle" aria-controls="text-{position()}"
              aria-pressed="true" hidden="">{ed:division-heading(.)}</button>
          </xsl:for-each>
        </div>
      </xsl:if>
      <div class="columns columns-{count($columns)}">
        <xsl:apply-templates select="$columns" mode="column"/>
      </div>
    </section>
  </xsl:template>

  <xsl:template match="tei:body/tei:div | tei:body" mode="column">
    <xsl:variable name="language" select="ed:language-of(.)"/>
    <section class="text-column text-{(@type, 'text')[1]}" id="text-{position()}"
      aria-labelledby="text-{position()}-heading">
      <xsl:if test="$language">
        <xsl:attribute name="lang" select="$language"/>
      </xsl:if>
      <h3 class="text-heading" id="text-{position()}-heading" lang="en">{ed:division-heading(.)}</h3>
      <div class="text-body">
        <xsl:apply-templates/>
      </div>
    </section>
  </xsl:template>


  <!-- ===================================================================
       Blocks
       =================================================================== -->

  <xsl:template match="tei:div">
    <section class="div div-{(@type, 'section')[1]}">
      <xsl:apply-templates select="@xml:lang" mode="attributes"/>
      <xsl:apply-templates/>
    </section>
  </xsl:template>

  <xsl:template match="tei:div/tei:head">
    <xsl:element name="h{min((6, 3 + count(ancestor::tei:div)))}">
      <xsl:attribute name="class" select="'head'"/>
      <xsl:apply-templates select="@xml:lang" mode="attributes"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- Paragraph-like elements are <p> unless they hold blocks (a list inside a
       paragraph), which HTML does not allow inside <p>. -->
  <xsl:template match="tei:p | tei:ab | tei:head | tei:dateline | tei:salute | tei:signed
                       | tei:trailer | tei:byline | tei:docDate | tei:l">
    <xsl:call-template name="ed:block">
      <xsl:with-param name="element" select="if (ed:contains-block(.)) then 'div' else 'p'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:opener | tei:closer | tei:postscript | tei:argument | tei:epigraph
                       | tei:floatingText | tei:lg | tei:address | tei:figure | tei:sp">
    <xsl:call-template name="ed:block"/>
  </xsl:template>

  <xsl:template match="tei:addrLine">
    <span class="addrLine"><xsl:apply-templates/></span>
    <xsl:if test="following-sibling::tei:addrLine"><br/></xsl:if>
  </xsl:template>

  <xsl:template match="tei:quote[ed:is-block(.)]">
    <xsl:call-template name="ed:block">
      <xsl:with-param name="element" select="'blockquote'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- forme work (printed or stamped header lines) between blocks is a block. -->
  <xsl:template match="tei:fw">
    <xsl:call-template name="ed:block">
      <xsl:with-param name="element" select="if (ed:is-container(..)) then 'p' else 'span'"/>
      <xsl:with-param name="class" select="string-join(('fw', @type ! ('fw-' || .)), ' ')"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="ed:block">
    <xsl:param name="element" as="xs:string" select="'div'"/>
    <xsl:param name="class" as="xs:string"
      select="string-join((local-name(), @type ! (local-name(..) || '-' || .)), ' ')"/>
    <xsl:element name="{$element}">
      <xsl:attribute name="class" select="$class"/>
      <xsl:apply-templates select="@xml:lang" mode="attributes"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- Lists: numbered when their items carry numbers the text does not repeat. -->
  <xsl:template match="tei:list">
    <xsl:apply-templates select="tei:head"/>
    <xsl:variable name="numbered" select="exists(tei:item) and
        (every $item in tei:item satisfies exists(ed:item-marker($item)))"/>
    <xsl:element name="{if ($numbered or @rend = ('numbered', 'ordered')) then 'ol' else 'ul'}">
      <xsl:attribute name="class" select="string-join(('list', @type ! ('list-' || .)), ' ')"/>
      <xsl:apply-templates select="@xml:lang" mode="attributes"/>
      <xsl:apply-templates select="tei:item"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:item">
    <li>
      <xsl:variable name="n" select="normalize-space(@n)"/>
      <xsl:if test="$n castable as xs:integer and exists(ed:item-marker(.))">
        <xsl:attribute name="value" select="xs:integer($n)"/>
      </xsl:if>
      <xsl:apply-templates select="@xml:lang" mode="attributes"/>
      <xsl:apply-templates select="preceding-sibling::*[1][self::tei:label]" mode="label"/>
      <xsl:apply-templates/>
    </li>
  </xsl:template>

  <xsl:template match="tei:label" mode="label">
    <span class="label"><xsl:apply-templates/></span>
    <xsl:text> </xsl:text>
  </xsl:template>
  <xsl:template match="tei:list/tei:label"/>

  <xsl:template match="tei:table">
    <table class="table">
      <xsl:apply-templates select="tei:head"/>
      <tbody><xsl:apply-templates select="tei:row"/></tbody>
    </table>
  </xsl:template>
  <xsl:template match="tei:table/tei:head">
    <caption><xsl:apply-templates/></caption>
  </xsl:template>
  <xsl:template match="tei:row">
    <tr><xsl:apply-templates select="tei:cell"/></tr>
  </xsl:template>
  <xsl:template match="tei:cell">
    <xsl:element name="{if (@role = 'label' or ../@role = 'label') then 'th' else 'td'}">
      <xsl:for-each select="@cols[. castable as xs:integer]"><xsl:attribute name="colspan" select="."/></xsl:for-each>
      <xsl:for-each select="@rows[. castable as xs:integer]"><xsl:attribute name="rowspan" select="."/></xsl:for-each>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>


  <!-- ===================================================================
       Phrases
       =================================================================== -->

  <xsl:template match="tei:persName | tei:placeName | tei:orgName | tei:name | tei:rs
                       | tei:geogName | tei:settlement | tei:country">
    <xsl:call-template name="ed:name">
      <xsl:with-param name="content" as="node()*">
        <xsl:apply-templates/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:date | tei:time">
    <xsl:variable name="when" select="normalize-space(@when)"/>
    <xsl:choose>
      <xsl:when test="ed:is-iso-date($when)">
        <time class="date" datetime="{$when}" title="{ed:format-date($when)}">
          <xsl:apply-templates/>
        </time>
      </xsl:when>
      <xsl:otherwise>
        <span class="date"><xsl:apply-templates/></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:num">
    <span class="{string-join(('num', @type ! ('num-' || .)), ' ')}">
      <xsl:if test="@value and normalize-space(@value) ne normalize-space(.)">
        <xsl:attribute name="title" select="normalize-space(@value)"/>
      </xsl:if>
      <xsl:apply-templates/>
    </span>
  </xsl:template>

  <xsl:template match="tei:idno | tei:seg | tei:measure | tei:term | tei:roleName | tei:addName
                       | tei:forename | tei:surname | tei:label | tei:said | tei:q | tei:quote
                       | tei:mentioned | tei:soCalled | tei:damage">
    <span class="{string-join((local-name(), @type ! (local-name(current()) || '-' || .)), ' ')}">
      <xsl:apply-templates select="@xml:lang" mode="attributes"/>
      <xsl:apply-templates/>
    </span>
  </xsl:template>

  <xsl:template match="tei:hi">
    <span class="{string-join(('hi', tokenize(normalize-space(@rend), ' ')
                                      ! (if (. eq 'letterspaced') then . else 'hi-' || .)), ' ')}">
      <xsl:apply-templates/>
    </span>
  </xsl:template>

  <xsl:template match="tei:emph"><em><xsl:apply-templates/></em></xsl:template>
  <xsl:template match="tei:title"><cite class="title"><xsl:apply-templates/></cite></xsl:template>
  <xsl:template match="tei:foreign">
    <span class="foreign"><xsl:apply-templates select="@xml:lang" mode="attributes"/><xsl:apply-templates/></span>
  </xsl:template>
  <xsl:template match="tei:add"><ins class="add"><xsl:apply-templates/></ins></xsl:template>
  <xsl:template match="tei:del"><del class="del"><xsl:apply-templates/></del></xsl:template>

  <xsl:template match="tei:ref | tei:ptr">
    <xsl:variable name="target" select="ed:link-target(@target)"/>
    <xsl:choose>
      <xsl:when test="exists($target)">
        <a class="ref" href="{$target}">{if (self::tei:ptr) then normalize-space(@target) else ()}<xsl:apply-templates/></a>
      </xsl:when>
      <xsl:otherwise>
        <span class="ref"><xsl:apply-templates/></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:lb">
    <xsl:if test="not(@break = 'no')"><br/></xsl:if>
  </xsl:template>

  <xsl:template match="tei:pb">
    <span class="pb editorial" role="note" aria-label="Page break">
      <xsl:text>{if (normalize-space(@n)) then '— page ' || normalize-space(@n) || ' —' else '— page break —'}</xsl:text>
    </span>
  </xsl:template>

  <xsl:template match="tei:cb | tei:milestone | tei:anchor"/>

  <!-- Editorial marks: the text of the source is never changed, the editors'
       additions are bracketed and styled. -->
  <xsl:template match="tei:gap">
    <span class="gap editorial" title="{ed:gap-label(.)}">[…]</span>
  </xsl:template>

  <xsl:template match="tei:space">
    <span class="space" title="Blank space in the source"> </span>
  </xsl:template>

  <xsl:template match="tei:supplied">
    <span class="supplied editorial" title="Supplied by the editors">
      <span class="bracket">[</span>
      <xsl:apply-templates/>
      <span class="bracket">]</span>
    </span>
  </xsl:template>

  <xsl:template match="tei:unclear">
    <span class="unclear" title="Unclear in the source">
      <xsl:apply-templates/>
      <span class="editorial">[?]</span>
    </span>
  </xsl:template>

  <xsl:template match="tei:note[@type = 'identification']">
    <span class="note-identification editorial" title="Identification by the editors">
      <xsl:text>{ed:bracketed(string(.), '')}</xsl:text>
    </span>
  </xsl:template>

  <xsl:template match="tei:note[ed:is-footnote(.)]">
    <xsl:variable name="number" select="ed:footnote-number(.)"/>
    <sup class="note-ref">
      <a href="#note-{$number}" id="note-ref-{$number}" role="doc-noteref"
        aria-label="Note {$number}">{$number}</a>
    </sup>
  </xsl:template>

  <!-- choice: the source's reading first, the editors' alternative bracketed. -->
  <xsl:template match="tei:choice">
    <span class="choice">
      <xsl:apply-templates select="tei:sic | tei:orig | tei:abbr"/>
      <xsl:apply-templates select="tei:corr | tei:reg | tei:expan"/>
      <xsl:apply-templates select="* except (tei:sic, tei:orig, tei:abbr, tei:corr, tei:reg, tei:expan)"/>
    </span>
  </xsl:template>

  <xsl:template match="tei:sic | tei:orig">
    <span class="{local-name()}"><xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template match="tei:abbr">
    <abbr class="abbr">
      <xsl:for-each select="../tei:expan[1]">
        <xsl:attribute name="title" select="normalize-space(.)"/>
      </xsl:for-each>
      <xsl:apply-templates/>
    </abbr>
  </xsl:template>

  <xsl:template match="tei:corr | tei:reg | tei:expan">
    <xsl:variable name="lead" select="if (self::tei:corr and ../tei:sic) then 'sic; read '
                                      else if (self::tei:reg) then '= ' else ''"/>
    <span class="{local-name()} editorial" title="{if (self::tei:corr) then 'Correction by the editors'
                                                   else if (self::tei:expan) then 'Expansion' else 'Regularisation'}">
      <xsl:text> [{$lead}</xsl:text>
      <xsl:apply-templates/>
      <xsl:text>]</xsl:text>
    </span>
  </xsl:template>

  <xsl:template match="tei:choice/tei:corr[not(../tei:sic)] | tei:choice/tei:reg[not(../tei:orig)]
                       | tei:choice/tei:expan[not(../tei:abbr)]">
    <span class="{local-name()}"><xsl:apply-templates/></span>
  </xsl:template>

  <!-- Elements without a rule of their own keep their text. -->
  <xsl:template match="tei:*">
    <xsl:call-template name="ed:block">
      <xsl:with-param name="element" select="if (ed:is-block(.) or ed:contains-block(.)) then 'div' else 'span'"/>
      <xsl:with-param name="class" select="'tei-' || local-name()"/>
    </xsl:call-template>
  </xsl:template>


  <!-- ===================================================================
       Footnotes
       =================================================================== -->

  <xsl:template name="ed:footnotes">
    <xsl:variable name="notes" select="ed:footnotes(.)"/>
    <xsl:if test="exists($notes)">
      <section class="footnotes" id="notes" aria-labelledby="notes-heading" role="doc-endnotes">
        <h2 id="notes-heading">Notes</h2>
        <ol>
          <xsl:apply-templates select="$notes" mode="footnote"/>
        </ol>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:note" mode="footnote">
    <xsl:variable name="number" select="ed:footnote-number(.)"/>
    <xsl:variable name="language" select="ed:language-of(.)"/>
    <li id="note-{$number}" value="{$number}">
      <xsl:if test="$language">
        <xsl:attribute name="lang" select="$language"/>
      </xsl:if>
      <xsl:apply-templates/>
      <xsl:text> </xsl:text>
      <a class="note-back" href="#note-ref-{$number}" role="doc-backlink" lang="en"
        aria-label="Back to the text of note {$number}">↩</a>
    </li>
  </xsl:template>

</xsl:stylesheet>
