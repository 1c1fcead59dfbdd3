<?xml version="1.0" encoding="UTF-8"?>
<!--
  html/header.xsl: the header card of a document page (mode "header"), the
  "About this edition" section (mode "about") and the citation box.

  Reads the teiHeader facts listed in the Contract of shared/ENCODING.md:
  title, date, summary, archival copies, document numbers, marks,
  transmission events, distribution, translator, credits, rights, record.
  Names link to the register through html/textstructure.xsl (named template
  ed:name).  Parameters are declared in html/document.xsl and html/page.xsl.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="https://example.org/ns/edition"
  exclude-result-prefixes="#all"
  expand-text="yes">

  <xsl:mode name="header" on-no-match="shallow-skip"/>
  <xsl:mode name="plain" on-no-match="text-only-copy"/>

  <!-- ===================================================================
       The card
       =================================================================== -->

  <xsl:template match="tei:TEI" mode="header">
    <xsl:variable name="date" select="ed:document-date(.)"/>
    <header class="document-header">
      <h1 id="document-title">{ed:title(.)}</h1>
      <p class="document-date">
        <xsl:call-template name="ed:time">
          <xsl:with-param name="value" select="$date"/>
          <xsl:with-param name="fallback" select="'Date not given'"/>
        </xsl:call-template>
      </p>
      <xsl:call-template name="ed:marks-list"/>
      <xsl:apply-templates select="tei:teiHeader/tei:profileDesc/tei:abstract" mode="header"/>
      <div class="facts-grid">
        <xsl:call-template name="ed:document-facts"/>
        <xsl:call-template name="ed:archival-copies"/>
        <xsl:call-template name="ed:timeline"/>
        <xsl:call-template name="ed:distribution"/>
      </div>
      <p class="document-actions">
        <a class="action" href="{$tei-base}{ed:document-id(.)}.xml" type="application/tei+xml"
          download="{ed:document-id(.)}.xml">Download TEI</a>
        <a class="action" href="#cite">Cite this document</a>
        <xsl:for-each select="ed:record-address(.)">
          <a class="action" href="{.}" rel="external">Catalogue record</a>
        </xsl:for-each>
      </p>
    </header>
  </xsl:template>

  <xsl:template match="tei:abstract" mode="header">
    <section class="summary" aria-labelledby="summary-heading">
      <h2 id="summary-heading">Summary</h2>
      <xsl:apply-templates select="if (tei:p) then tei:p else ." mode="plain-block"/>
    </section>
  </xsl:template>

  <!-- A <time> element for an ISO value, else the value as written. -->
  <xsl:template name="ed:time">
    <xsl:param name="value" as="xs:string?"/>
    <xsl:param name="fallback" as="xs:string" select="''"/>
    <xsl:choose>
      <xsl:when test="ed:is-iso-date($value)">
        <time datetime="{normalize-space($value)}">{ed:format-date($value)}</time>
      </xsl:when>
      <xsl:when test="normalize-space($value)">
        <span class="date-as-written">{normalize-space($value)}</span>
      </xsl:when>
      <xsl:when test="$fallback">
        <span class="not-given">{$fallback}</span>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- Classification, handling and priority marks, each once, in its language. -->
  <xsl:template name="ed:marks-list">
    <xsl:variable name="marks" select="ed:marks(.)"/>
    <xsl:if test="exists($marks)">
      <ul class="marks">
        <xsl:for-each select="$marks">
          <li class="mark mark-{@type}">
            <xsl:for-each select="ed:language-of(.)">
              <xsl:attribute name="lang" select="."/>
            </xsl:for-each>
            <xsl:attribute name="title" select="ed:capitalize(@type)"/>
            <xsl:text>{normalize-space(.)}</xsl:text>
          </li>
        </xsl:for-each>
      </ul>
    </xsl:if>
  </xsl:template>

  <!-- Numbers, languages, translator, reply reference, catalogue record. -->
  <xsl:template name="ed:document-facts">
    <xsl:variable name="root" select="."/>
    <xsl:variable name="numbers" select="ed:document-numbers(.)"/>
    <xsl:variable name="languages" select="tei:teiHeader/tei:profileDesc/tei:langUsage/tei:language"/>
    <xsl:variable name="responsibilities" select="tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:respStmt"/>
    <xsl:variable name="replies" select="tei:teiHeader//tei:correspContext/tei:ref"/>
    <xsl:variable name="record" select="ed:record-address(.)"/>
    <section class="facts" aria-labelledby="facts-heading">
      <h2 id="facts-heading">Document</h2>
      <dl>
        <xsl:for-each select="$numbers">
          <xsl:variable name="type" select="map:keys(.)"/>
          <dt>{ed:number-label($type)}</dt>
          <dd>
            <xsl:for-each select="?*">
              <xsl:variable name="value" select="."/>
              <xsl:if test="position() gt 1">, </xsl:if>
              <span class="idno idno-{$type}">
                <xsl:for-each select="($root//tei:idno[@type = $type][normalize-space() eq $value])[1] ! ed:language-of(.)">
                  <xsl:attribute name="lang" select="."/>
                </xsl:for-each>
                <xsl:text>{$value}</xsl:text>
              </span>
            </xsl:for-each>
          </dd>
        </xsl:for-each>
        <xsl:if test="exists($languages)">
          <dt>Languages</dt>
          <dd>{string-join($languages ! (if (@ident) then ed:language-name(@ident) else normalize-space(.)), ', ')}</dd>
        </xsl:if>
        <xsl:for-each select="$responsibilities">
          <dt>{(normalize-space(tei:resp), 'Responsibility')[. ne ''][1]}</dt>
          <dd>{string-join((tei:persName | tei:name | tei:orgName) ! normalize-space(), ', ')}</dd>
        </xsl:for-each>
        <xsl:if test="exists($replies)">
          <dt>In reply to</dt>
          <dd>
            <xsl:for-each select="$replies">
              <xsl:if test="position() gt 1">; </xsl:if>
              <xsl:variable name="target" select="ed:link-target(@target)"/>
              <xsl:choose>
                <xsl:when test="exists($target)">
                  <a class="reply ref-telegram" href="{$target}">{normalize-space(.)}</a>
                </xsl:when>
                <xsl:otherwise><span class="reply">{normalize-space(.)}</span></xsl:otherwise>
              </xsl:choose>
            </xsl:for-each>
          </dd>
        </xsl:if>
        <xsl:if test="exists($record)">
          <dt>Catalogue record</dt>
          <dd><a href="{$record}" rel="external">{$record}</a></dd>
        </xsl:if>
      </dl>
    </section>
  </xsl:template>

  <!-- Each archival copy: repository, place, shelf-mark, folios. -->
  <xsl:template name="ed:archival-copies">
    <xsl:variable name="copies" select="tei:teiHeader//tei:sourceDesc//tei:msDesc"/>
    <xsl:if test="exists($copies)">
      <section class="archival-copies" aria-labelledby="archival-heading">
        <h2 id="archival-heading">Archival copies</h2>
        <ul>
          <xsl:for-each select="$copies">
            <li>
              <xsl:apply-templates select="tei:msIdentifier/tei:repository[1]" mode="header"/>
              <xsl:for-each select="tei:msIdentifier/tei:settlement[normalize-space()]">
                <span class="settlement"> ({normalize-space(.)})</span>
              </xsl:for-each>
              <xsl:for-each select="(ed:shelfmark(.), ed:folios(.))[. ne '']">
                <xsl:text>, {.}</xsl:text>
              </xsl:for-each>
              <xsl:for-each select="ed:distinct-strings(.//tei:note)">
                <span class="archival-note"> ({.})</span>
              </xsl:for-each>
            </li>
          </xsl:for-each>
        </ul>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:repository" mode="header">
    <xsl:variable name="entry" select="ed:register-entry(@ref, .)"/>
    <xsl:choose>
      <xsl:when test="exists($entry)">
        <a class="name name-orgName repository" href="{ed:register-href($entry)}">
          <abbr title="{ed:preferred-name($entry)}">{normalize-space(.)}</abbr>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <span class="repository">{normalize-space(.)}</span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Sent, received, transmitted … in time order. -->
  <xsl:template name="ed:timeline">
    <xsl:variable name="events" select="ed:transmission-events(.)"/>
    <xsl:if test="exists($events)">
      <section class="transmission" aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">Transmission</h2>
        <ol class="timeline">
          <xsl:apply-templates select="$events" mode="header"/>
        </ol>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:correspAction" mode="header">
    <xsl:variable name="agents" select="tei:persName | tei:orgName | tei:name | tei:placeName"/>
    <li class="event event-{@type}">
      <span class="event-type">{ed:event-label(@type)}</span>
      <xsl:text> </xsl:text>
      <xsl:call-template name="ed:time">
        <xsl:with-param name="value" select="ed:date-of(tei:date[1])"/>
        <xsl:with-param name="fallback" select="'time not given'"/>
      </xsl:call-template>
      <xsl:if test="exists($agents)">
        <span class="event-agents">
          <xsl:for-each select="$agents">
            <xsl:text>{if (position() eq 1) then ' — ' else if (self::tei:placeName) then ', ' else '; '}</xsl:text>
            <xsl:call-template name="ed:name">
              <xsl:with-param name="content" as="node()*">
                <xsl:value-of select="normalize-space(.)"/>
              </xsl:with-param>
            </xsl:call-template>
          </xsl:for-each>
        </span>
      </xsl:if>
    </li>
  </xsl:template>

  <!-- The copy distribution of each text, with the number of copies. -->
  <xsl:template name="ed:distribution">
    <xsl:variable name="lists" select="tei:text//tei:list[@type = 'distribution'][tei:item]"/>
    <xsl:if test="exists($lists)">
      <section class="distribution" aria-labelledby="distribution-heading">
        <h2 id="distribution-heading">Distribution</h2>
        <xsl:for-each select="$lists">
          <xsl:if test="count($lists) gt 1">
            <p class="list-label">{ed:division-heading(ancestor::tei:div[last()])}</p>
          </xsl:if>
          <!-- items keep their numbers as written, so the list adds none -->
          <ul class="distribution-list">
            <xsl:for-each select="ed:language-of(.)">
              <xsl:attribute name="lang" select="."/>
            </xsl:for-each>
            <xsl:apply-templates select="tei:item" mode="header"/>
          </ul>
        </xsl:for-each>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:list[@type = 'distribution']/tei:item" mode="header">
    <xsl:variable name="people" select=".//tei:persName | .//tei:orgName"/>
    <li>
      <span class="as-written">{normalize-space(.)}</span>
      <xsl:for-each select="$people[ed:register-entry(@ref, .)]">
        <xsl:variable name="entry" select="ed:register-entry(@ref, .)"/>
        <xsl:text> </xsl:text>
        <a class="name register-name" href="{ed:register-href($entry)}" lang="en">({ed:preferred-name($entry)})</a>
      </xsl:for-each>
      <span class="copies" lang="en"> — {ed:copies-label(ed:copies(.))}</span>
    </li>
  </xsl:template>


  <!-- ===================================================================
       About this edition: credits, remarks, rights, the archive's citation
       =================================================================== -->

  <xsl:template name="ed:about">
    <xsl:variable name="header" select="tei:teiHeader"/>
    <xsl:variable name="credits" select="$header//tei:notesStmt/tei:note[@type = 'credits']"/>
    <xsl:variable name="remarks" select="$header//tei:notesStmt/tei:note[not(@type = 'credits')]"/>
    <xsl:variable name="rights" select="$header//tei:publicationStmt/tei:availability"/>
    <xsl:variable name="citation" select="$header//tei:sourceDesc/tei:bibl[@type = 'citation']"/>
    <xsl:if test="exists(($credits, $remarks, $rights, $citation))">
      <section class="about" id="about" aria-labelledby="about-heading">
        <h2 id="about-heading">About this edition</h2>
        <xsl:if test="exists($citation)">
          <h3>Source</h3>
          <xsl:apply-templates select="$citation" mode="plain-block"/>
        </xsl:if>
        <xsl:if test="exists($credits)">
          <h3>Credits</h3>
          <xsl:apply-templates select="$credits" mode="plain-block"/>
        </xsl:if>
        <xsl:if test="exists($remarks)">
          <h3>Editorial remarks</h3>
          <ul class="remarks">
            <xsl:for-each select="$remarks">
              <li>
                <xsl:for-each select="($ed:header-note-labels(string(@type)), ed:capitalize(@type))[. ne ''][1]">
                  <span class="remark-type">{.}: </span>
                </xsl:for-each>
                <xsl:apply-templates mode="plain"/>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:if>
        <xsl:if test="exists($rights)">
          <h3>Rights</h3>
          <xsl:apply-templates select="$rights" mode="plain-block"/>
        </xsl:if>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- Prose of the header: paragraphs, links, line breaks; no footnotes. -->
  <xsl:template match="*" mode="plain-block">
    <xsl:choose>
      <xsl:when test="tei:p | tei:ab | tei:licence">
        <xsl:apply-templates select="tei:p | tei:ab | tei:licence" mode="plain-block"/>
      </xsl:when>
      <xsl:when test="normalize-space()">
        <p class="{local-name()}"><xsl:apply-templates mode="plain"/></p>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:licence[@target]" mode="plain-block">
    <p class="licence">
      <xsl:apply-templates mode="plain"/>
      <xsl:for-each select="@target[ed:is-web-address(.)]">
        <xsl:text> </xsl:text>
        <a href="{normalize-space(.)}" rel="license">{normalize-space(.)}</a>
      </xsl:for-each>
    </p>
  </xsl:template>

  <xsl:template match="tei:idno[@type = 'URI'] | tei:ref[@target] | tei:ptr[@target]" mode="plain">
    <xsl:variable name="address" select="normalize-space((@target, .)[1])"/>
    <xsl:choose>
      <xsl:when test="ed:is-web-address($address)">
        <a href="{$address}">{if (self::tei:ptr) then $address else normalize-space(.)}</a>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates mode="plain"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The catalogue record number repeats the address; it is a fact, not prose. -->
  <xsl:template match="tei:bibl/tei:idno[@type = 'record']" mode="plain"/>

  <xsl:template match="tei:lb" mode="plain"><br/></xsl:template>

  <xsl:template match="tei:p" mode="plain">
    <xsl:apply-templates mode="plain"/>
    <xsl:text> </xsl:text>
  </xsl:template>


  <!-- ===================================================================
       Cite this document (Chicago style)
       =================================================================== -->

  <xsl:template name="ed:cite">
    <xsl:variable name="address" select="ed:record-address(.)"/>
    <xsl:variable name="archives" select="tei:teiHeader//tei:sourceDesc//tei:msDesc ! ed:archival-reference(.)"/>
    <section class="cite" id="cite" aria-labelledby="cite-heading">
      <h2 id="cite-heading">Cite this document</h2>
      <h3 class="cite-style">Chicago</h3>
      <p class="citation">
        <xsl:text>“{ed:title(.)},” {ed:format-date-chicago(ed:document-date(.))}, </xsl:text>
        <cite>{$archive-name}</cite>
        <xsl:text>{string-join($archives[. ne ''], '; ')[. ne ''] ! (', ' || .)}.</xsl:text>
        <xsl:if test="exists($address)">
          <xsl:text> </xsl:text>
          <a href="{$address}">{$address}</a>
          <xsl:text>.</xsl:text>
        </xsl:if>
      </p>
      <h3 class="cite-style">BibTeX</h3>
      <pre class="bibtex"><code>{ed:bibtex(., $archives[. ne ''], $address)}</code></pre>
    </section>
  </xsl:template>

  <!-- A BibTeX @misc entry; braces of the title are dropped so that the
       entry always balances. -->
  <xsl:function name="ed:bibtex" as="xs:string">
    <xsl:param name="root" as="element()"/>
    <xsl:param name="archives" as="xs:string*"/>
    <xsl:param name="address" as="xs:string?"/>
    <xsl:variable name="parts" select="ed:date-parts(normalize-space(ed:document-date($root)))"/>
    <xsl:variable name="fields" as="xs:string*" select="(
        'title = {{' || ed:bibtex-text(ed:title($root)) || '}}',
        $parts?year ! ('year = {' || . || '}'),
        $parts?month ! ('month = ' || lower-case(substring(ed:month-name(.), 1, 3))),
        $parts ! ('date = {' || normalize-space(ed:document-date($root)) || '}'),
        'howpublished = {' || ed:bibtex-text($archive-name) || '}',
        (string-join($archives, '; ')[. ne ''] ! ('note = {' || ed:bibtex-text(.) || '}')),
        $address ! ('url = {' || . || '}'))"/>
    <xsl:sequence select="'@misc{' || replace(ed:document-id($root), '[^A-Za-z0-9_:.-]', '-') || ',&#10;  '
                          || string-join($fields, ',&#10;  ') || '&#10;}'"/>
  </xsl:function>

  <xsl:function name="ed:bibtex-text" as="xs:string">
    <xsl:param name="text" as="xs:string?"/>
    <xsl:sequence select="replace(replace(normalize-space($text), '[{}\\]', ''), '([&amp;%$#_])', '\\$1')"/>
  </xsl:function>

</xsl:stylesheet>
