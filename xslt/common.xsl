<?xml version="1.0" encoding="UTF-8"?>
<!--
  common.xsl: the layer every output shares (HTML, plain text, summaries).

  It knows TEI as described in shared/ENCODING.md and nothing about any output
  format: it holds label tables (data, compiled once with the stylesheet, not
  reloaded per document), functions in the project namespace (prefix "ed"),
  and the classification of TEI elements into blocks and phrases that every
  renderer needs to decide how to lay a text out.

  It must never produce markup: functions here return strings, booleans,
  numbers or TEI nodes.

  Parameters: none.  Each output declares its own at the top of its stylesheet.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="https://example.org/ns/edition"
  exclude-result-prefixes="#all">

  <!-- ===================================================================
       Data tables
       =================================================================== -->

  <xsl:variable name="ed:month-names" as="xs:string+"
    select="('January', 'February', 'March', 'April', 'May', 'June', 'July',
             'August', 'September', 'October', 'November', 'December')"/>

  <!-- BCP 47 primary subtags met in the archive; unknown codes are shown as written. -->
  <xsl:variable name="ed:language-names" as="map(xs:string, xs:string)" select="map {
      'en': 'English', 'ru': 'Russian', 'zh': 'Chinese', 'ko': 'Korean',
      'ja': 'Japanese', 'mn': 'Mongolian', 'vi': 'Vietnamese', 'de': 'German',
      'fr': 'French', 'pl': 'Polish', 'cs': 'Czech', 'sk': 'Slovak',
      'hu': 'Hungarian', 'ro': 'Romanian', 'bg': 'Bulgarian', 'sr': 'Serbian',
      'hr': 'Croatian', 'sq': 'Albanian', 'uk': 'Ukrainian', 'be': 'Belarusian',
      'ka': 'Georgian', 'hy': 'Armenian', 'az': 'Azerbaijani', 'kk': 'Kazakh',
      'uz': 'Uzbek', 'it': 'Italian', 'es': 'Spanish', 'pt': 'Portuguese',
      'fi': 'Finnish', 'sv': 'Swedish', 'no': 'Norwegian', 'da': 'Danish',
      'nl': 'Dutch', 'el': 'Greek', 'tr': 'Turkish', 'fa': 'Persian',
      'ar': 'Arabic', 'he': 'Hebrew', 'yi': 'Yiddish', 'hi': 'Hindi',
      'id': 'Indonesian', 'la': 'Latin'
    }"/>

  <!-- What a body division is; @type values of ENCODING.md plus common TEI ones. -->
  <xsl:variable name="ed:division-types" as="map(xs:string, xs:string)" select="map {
      'translation': 'translation', 'original': 'original',
      'transcription': 'transcription', 'summary': 'summary',
      'appendix': 'appendix', 'attachment': 'attachment', 'enclosure': 'enclosure'
    }"/>

  <!-- Transmission events (correspAction/@type and date/@type in the text). -->
  <xsl:variable name="ed:event-labels" as="map(xs:string, xs:string)" select="map {
      'sent': 'Sent', 'received': 'Received', 'transmitted': 'Transmitted',
      'redirected': 'Redirected', 'forwarded': 'Forwarded', 'arrived': 'Arrived',
      'deciphered': 'Deciphered', 'typed': 'Typed', 'verified': 'Verified'
    }"/>

  <!-- Document numbers (idno/@type). -->
  <xsl:variable name="ed:number-labels" as="map(xs:string, xs:string)" select="map {
      'cipher': 'Cipher telegram no.', 'outgoing': 'Outgoing no.',
      'incoming': 'Incoming no.', 'registration': 'Registration no.',
      'special': 'Special no.', 'copy': 'Copy no.', 'reply': 'In reply to no.'
    }"/>
  <xsl:variable name="ed:number-types" as="xs:string+"
    select="('cipher', 'outgoing', 'incoming', 'registration', 'special')"/>

  <!-- Marks (seg/@type) shown in the document header ("copy-control": ПОДЛЕЖИТ
       ВОЗВРАТУ, Making copies is prohibited …). -->
  <xsl:variable name="ed:mark-types" as="xs:string+"
    select="('classification', 'handling', 'priority', 'copy-control')"/>

  <!-- Shelf-mark parts (msIdentifier/idno/@type), in citation order. -->
  <xsl:variable name="ed:shelfmark-types" as="xs:string+"
    select="('fond', 'opis', 'delo', 'papka')"/>
  <xsl:variable name="ed:shelfmark-abbreviations" as="map(xs:string, xs:string)" select="map {
      'fond': 'f.', 'opis': 'op.', 'delo': 'd.', 'papka': 'p.'
    }"/>

  <!-- Editorial notes in the header (notesStmt/note/@type). -->
  <xsl:variable name="ed:header-note-labels" as="map(xs:string, xs:string)" select="map {
      'discrepancy': 'Discrepancy noted by the editors',
      'residue': 'Source text not interpreted by the converter',
      'editorial': 'Editorial note'
    }"/>

  <!-- Reasons for gaps (gap/@reason). -->
  <xsl:variable name="ed:gap-reasons" as="map(xs:string, xs:string)" select="map {
      'editorial': 'omitted in the source edition', 'illegible': 'illegible',
      'damage': 'damaged', 'cancelled': 'cancelled', 'sampling': 'not transcribed',
      'irrelevant': 'omitted as irrelevant'
    }"/>

  <!-- Elements that form a block of their own; everything else is phrase-level.
       A renderer must never put one of these inside a phrase container. -->
  <xsl:variable name="ed:block-names" as="xs:string+" select="(
      'ab', 'address', 'argument', 'byline', 'closer', 'dateline', 'div',
      'docDate', 'epigraph', 'figure', 'floatingText', 'head', 'lg', 'list',
      'listBibl', 'opener', 'p', 'postscript', 'salute', 'signed', 'sp',
      'table', 'trailer')"/>

  <!-- Elements whose children are blocks or phrases side by side. -->
  <xsl:variable name="ed:container-names" as="xs:string+" select="(
      'body', 'front', 'back', 'div', 'opener', 'closer', 'postscript',
      'argument', 'epigraph', 'floatingText', 'item', 'note', 'cell', 'quote',
      'figure')"/>

  <xsl:variable name="ed:tei" as="xs:string" select="'http://www.tei-c.org/ns/1.0'"/>

  <!-- Register entries of the document's own standOff, by xml:id. -->
  <xsl:key name="ed:register" match="tei:standOff//*[@xml:id]" use="@xml:id"/>


  <!-- ===================================================================
       Dates
       =================================================================== -->

  <!-- "1950-07-05" → "5 July 1950"; "1950-07-05T23:45:00" → "5 July 1950, 23:45";
       "1950-07" → "July 1950"; "1950" → "1950".  Anything else comes back as given. -->
  <xsl:function name="ed:format-date" as="xs:string" visibility="public">
    <xsl:param name="iso" as="xs:string?"/>
    <xsl:variable name="value" select="normalize-space($iso)"/>
    <xsl:variable name="parts" select="ed:date-parts($value)"/>
    <xsl:choose>
      <xsl:when test="empty($parts)">
        <xsl:sequence select="$value"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="string-join((
            string-join(($parts?day ! string(.), ed:month-name($parts?month), $parts?year), ' '),
            $parts?time), ', ')"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- Chicago style: "July 5, 1950", "June 1951", "1950"; "n.d." when empty. -->
  <xsl:function name="ed:format-date-chicago" as="xs:string" visibility="public">
    <xsl:param name="iso" as="xs:string?"/>
    <xsl:variable name="value" select="normalize-space($iso)"/>
    <xsl:variable name="parts" select="ed:date-parts($value)"/>
    <xsl:choose>
      <xsl:when test="$value = ''">n.d.</xsl:when>
      <xsl:when test="empty($parts)">
        <xsl:sequence select="$value"/>
      </xsl:when>
      <xsl:when test="exists($parts?day)">
        <xsl:sequence select="ed:month-name($parts?month) || ' ' || $parts?day || ', ' || $parts?year"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="string-join((ed:month-name($parts?month), $parts?year), ' ')"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- An ISO 8601 date or date-time as a map {year, month?, day?, time?};
       empty when the value is not one (so no date is ever guessed). -->
  <xsl:function name="ed:date-parts" as="map(*)?" cache="yes">
    <xsl:param name="iso" as="xs:string"/>
    <xsl:analyze-string select="$iso"
      regex="^(-?\d{{4}})(-(\d{{2}})(-(\d{{2}})(T(\d{{2}}):(\d{{2}})(:\d{{2}}(\.\d+)?)?(Z|[+\-]\d{{2}}:\d{{2}})?)?)?)?$">
      <xsl:matching-substring>
        <xsl:variable name="month" select="if (regex-group(3)) then xs:integer(regex-group(3)) else ()"/>
        <xsl:variable name="day" select="if (regex-group(5)) then xs:integer(regex-group(5)) else ()"/>
        <xsl:if test="empty($month) or ($month ge 1 and $month le 12)">
          <xsl:sequence select="map {
              'year': regex-group(1),
              'month': $month,
              'day': $day,
              'time': if (regex-group(7)) then regex-group(7) || ':' || regex-group(8) else ()
            }"/>
        </xsl:if>
      </xsl:matching-substring>
    </xsl:analyze-string>
  </xsl:function>

  <xsl:function name="ed:month-name" as="xs:string?">
    <xsl:param name="month" as="xs:integer?"/>
    <xsl:sequence select="if (exists($month)) then $ed:month-names[$month] else ()"/>
  </xsl:function>

  <!-- True for values an HTML <time datetime> accepts and our @when may hold. -->
  <xsl:function name="ed:is-iso-date" as="xs:boolean">
    <xsl:param name="value" as="xs:string?"/>
    <xsl:sequence select="exists(ed:date-parts(normalize-space($value)))"/>
  </xsl:function>

  <!-- The date of a TEI date element: @when, else @from/@notBefore, else its text. -->
  <xsl:function name="ed:date-of" as="xs:string">
    <xsl:param name="date" as="element()?"/>
    <xsl:sequence select="string(($date/@when, $date/@from, $date/@notBefore,
                                  normalize-space($date))[normalize-space()][1])"/>
  </xsl:function>

  <!-- The document's date as written in the header contract (ISO when known). -->
  <xsl:function name="ed:document-date" as="xs:string">
    <xsl:param name="root" as="node()"/>
    <xsl:sequence select="ed:date-of(root($root)//tei:profileDesc/tei:creation/tei:date[1])"/>
  </xsl:function>


  <!-- ===================================================================
       Labels
       =================================================================== -->

  <xsl:function name="ed:language-name" as="xs:string" visibility="public">
    <xsl:param name="code" as="xs:string?"/>
    <xsl:variable name="primary" select="lower-case(tokenize(normalize-space($code), '-')[1])"/>
    <xsl:sequence select="($ed:language-names($primary), normalize-space($code))[1]"/>
  </xsl:function>

  <xsl:function name="ed:capitalize" as="xs:string">
    <xsl:param name="text" as="xs:string?"/>
    <xsl:sequence select="upper-case(substring($text, 1, 1)) || substring($text, 2)"/>
  </xsl:function>

  <!-- "English translation", "Russian original", "Russian original (version 2)". -->
  <xsl:function name="ed:division-heading" as="xs:string">
    <xsl:param name="div" as="element()"/>
    <xsl:variable name="type" select="normalize-space($div/@type)"/>
    <xsl:variable name="kind" select="if ($type = '') then 'text'
                                      else ($ed:division-types($type), translate($type, '-_', '  '))[1]"/>
    <xsl:variable name="language" select="$div/@xml:lang ! ed:language-name(.)"/>
    <xsl:variable name="version" select="normalize-space($div/@n)[. ne ''] ! ('(version ' || . || ')')"/>
    <xsl:sequence select="ed:capitalize(string-join(($language, $kind, $version), ' '))"/>
  </xsl:function>

  <xsl:function name="ed:event-label" as="xs:string">
    <xsl:param name="type" as="xs:string?"/>
    <xsl:sequence select="($ed:event-labels(string($type)), ed:capitalize($type), 'Event')[. ne ''][1]"/>
  </xsl:function>

  <xsl:function name="ed:number-label" as="xs:string">
    <xsl:param name="type" as="xs:string?"/>
    <xsl:sequence select="($ed:number-labels(string($type)), ed:capitalize($type) || ' no.')[1]"/>
  </xsl:function>

  <xsl:function name="ed:gap-label" as="xs:string">
    <xsl:param name="gap" as="element()"/>
    <xsl:variable name="reason" select="normalize-space($gap/@reason)"/>
    <xsl:variable name="extent" select="string-join(($gap/@quantity, $gap/@unit), ' ')[. ne '']"/>
    <xsl:sequence select="string-join((
        'Gap in the text',
        ($ed:gap-reasons($reason), $reason)[. ne ''][1],
        $extent), ', ')"/>
  </xsl:function>

  <!-- "N copies" (default 1, ENCODING.md). -->
  <xsl:function name="ed:copies-label" as="xs:string">
    <xsl:param name="copies" as="xs:integer"/>
    <xsl:sequence select="$copies || (if ($copies eq 1) then ' copy' else ' copies')"/>
  </xsl:function>


  <!-- ===================================================================
       Strings
       =================================================================== -->

  <!-- Text in square brackets, unless the source already bracketed it. -->
  <xsl:function name="ed:bracketed" as="xs:string">
    <xsl:param name="text" as="xs:string?"/>
    <xsl:param name="prefix" as="xs:string"/>
    <xsl:variable name="value" select="normalize-space($text)"/>
    <xsl:sequence select="if (matches($value, '^\[.*\]$')) then $value
                          else '[' || $prefix || $value || ']'"/>
  </xsl:function>

  <xsl:function name="ed:is-web-address" as="xs:boolean">
    <xsl:param name="value" as="xs:string?"/>
    <xsl:sequence select="matches(normalize-space($value), '^https?://[^\s&lt;&gt;&quot;]+$', 'i')"/>
  </xsl:function>

  <xsl:function name="ed:distinct-strings" as="xs:string*">
    <xsl:param name="values" as="item()*"/>
    <xsl:sequence select="distinct-values($values ! normalize-space(string(.))[. ne ''])"/>
  </xsl:function>

  <!-- Word-wraps $text to lines of at most $width characters without breaking
       a word (a word longer than the line stays whole on a line of its own).
       Newlines in $text are kept as forced line breaks; other whitespace is
       normalised.  The first line starts with $first-prefix, the others with
       $prefix (for hanging indents); both count towards $width. -->
  <xsl:function name="ed:wrap" as="xs:string" visibility="public">
    <xsl:param name="text" as="xs:string?"/>
    <xsl:param name="width" as="xs:integer"/>
    <xsl:param name="first-prefix" as="xs:string"/>
    <xsl:param name="prefix" as="xs:string"/>
    <xsl:variable name="segments" select="tokenize(string($text), '\n')[normalize-space()]"/>
    <xsl:variable name="lines" as="xs:string*">
      <xsl:for-each select="$segments">
        <xsl:variable name="first-width"
          select="$width - string-length(if (position() eq 1) then $first-prefix else $prefix)"/>
        <xsl:sequence select="ed:fill-lines(tokenize(normalize-space(.), ' '),
                                            $first-width, $width - string-length($prefix))"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:sequence select="string-join(
        for $index in 1 to count($lines)
        return (if ($index eq 1) then $first-prefix else $prefix) || $lines[$index],
        '&#10;')"/>
  </xsl:function>

  <!-- Greedy line filling: the words in order, as lines of at most $first-width
       (first line) and $width (following lines) characters. -->
  <xsl:function name="ed:fill-lines" as="xs:string*">
    <xsl:param name="words" as="xs:string*"/>
    <xsl:param name="first-width" as="xs:integer"/>
    <xsl:param name="width" as="xs:integer"/>
    <xsl:iterate select="$words">
      <xsl:param name="line" as="xs:string" select="''"/>
      <xsl:param name="limit" as="xs:integer" select="$first-width"/>
      <xsl:on-completion>
        <xsl:sequence select="$line[. ne '']"/>
      </xsl:on-completion>
      <xsl:choose>
        <xsl:when test="$line eq ''">
          <xsl:next-iteration>
            <xsl:with-param name="line" select="."/>
          </xsl:next-iteration>
        </xsl:when>
        <xsl:when test="string-length($line) + 1 + string-length(.) le $limit">
          <xsl:next-iteration>
            <xsl:with-param name="line" select="$line || ' ' || ."/>
          </xsl:next-iteration>
        </xsl:when>
        <xsl:otherwise>
          <xsl:sequence select="$line"/>
          <xsl:next-iteration>
            <xsl:with-param name="line" select="."/>
            <xsl:with-param name="limit" select="$width"/>
          </xsl:next-iteration>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:iterate>
  </xsl:function>


  <!-- ===================================================================
       Register: persons, places, organisations of the document's standOff
       =================================================================== -->

  <!-- The standOff entry a @ref points to ("#per-stalin"), if the document has it. -->
  <xsl:function name="ed:register-entry" as="element()?">
    <xsl:param name="ref" as="xs:string?"/>
    <xsl:param name="context" as="node()"/>
    <xsl:variable name="id"
      select="tokenize(normalize-space($ref), ' ')[starts-with(., '#')][1] ! substring(., 2)"/>
    <xsl:sequence select="if (exists($id) and root($context) instance of document-node())
                          then key('ed:register', $id, root($context))[1] else ()"/>
  </xsl:function>

  <!-- The name an English reader knows an entry by: an English, non-pseudonymous
       name if there is one, else the first name given. -->
  <xsl:function name="ed:preferred-name" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="names" select="$entry/(tei:persName | tei:placeName | tei:orgName | tei:name)"/>
    <xsl:sequence select="normalize-space((
        $names[@xml:lang = 'en'][not(@type = ('pseudonym', 'alias', 'variant', 'abbreviation', 'index'))],
        $names[not(@type = ('pseudonym', 'alias', 'variant', 'abbreviation', 'index'))],
        $names,
        $entry/@xml:id)[1])"/>
  </xsl:function>

  <!-- The heading an index lists an entry under: the register's index form
       ("Stalin, Joseph"), else the preferred name. -->
  <xsl:function name="ed:index-name" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="(($entry/tei:persName[@type = 'index'])[1] ! normalize-space()[. ne ''],
                           ed:preferred-name($entry))[1]"/>
  </xsl:function>

  <!-- How an index orders an entry: its @sortKey, else its heading lower-cased. -->
  <xsl:function name="ed:sort-key" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="(normalize-space($entry/@sortKey)[. ne ''], lower-case(ed:index-name($entry)))[1]"/>
  </xsl:function>

  <!-- A name of the text or header: the register's preferred name if the
       element points to an entry of this document, else the name as written. -->
  <xsl:function name="ed:person-name" as="xs:string">
    <xsl:param name="name" as="element()?"/>
    <xsl:variable name="entry" select="$name ! ed:register-entry(@ref, .)"/>
    <xsl:sequence select="if (exists($entry)) then ed:preferred-name($entry)
                          else normalize-space($name)"/>
  </xsl:function>

  <!-- The register anchor for an entry, used by every page of the edition. -->
  <xsl:function name="ed:register-id" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="'reg-' || $entry/@xml:id"/>
  </xsl:function>

  <!-- What kind of register entry: person, place, organisation. -->
  <xsl:function name="ed:entry-kind" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="if ($entry/self::tei:person or $entry/self::tei:personGrp) then 'person'
                          else if ($entry/self::tei:place) then 'place'
                          else if ($entry/self::tei:org) then 'organisation'
                          else 'entry'"/>
  </xsl:function>

  <!-- A Wikidata identifier (Q-number or URL) as its web address. -->
  <xsl:function name="ed:authority-address" as="xs:string?">
    <xsl:param name="idno" as="element()"/>
    <xsl:variable name="value" select="normalize-space($idno)"/>
    <xsl:sequence select="if (matches($value, '^Q\d+$')) then 'https://www.wikidata.org/wiki/' || $value
                          else if (ed:is-web-address($value)) then $value
                          else ()"/>
  </xsl:function>


  <!-- ===================================================================
       Archival copies
       =================================================================== -->

  <!-- "fond 558, opis 11, delo 334, papka 11" (full words, for reading). -->
  <xsl:function name="ed:shelfmark" as="xs:string">
    <xsl:param name="msDesc" as="element()"/>
    <xsl:sequence select="string-join(
        for $type in $ed:shelfmark-types
        return $msDesc/tei:msIdentifier/tei:idno[@type = $type][normalize-space()]
               ! ($type || ' ' || normalize-space(.)),
        ', ')"/>
  </xsl:function>

  <!-- "f. 558, op. 11, d. 334" (short, for tables and citations). -->
  <xsl:function name="ed:shelfmark-short" as="xs:string">
    <xsl:param name="msDesc" as="element()"/>
    <xsl:sequence select="string-join(
        for $type in $ed:shelfmark-types
        return $msDesc/tei:msIdentifier/tei:idno[@type = $type][normalize-space()]
               ! ($ed:shelfmark-abbreviations($type) || ' ' || normalize-space(.)),
        ', ')"/>
  </xsl:function>

  <!-- "folio 79", "folios 134–135", else the locus as written. -->
  <xsl:function name="ed:folios" as="xs:string?">
    <xsl:param name="msDesc" as="element()"/>
    <xsl:variable name="loci" select="$msDesc//tei:locus"/>
    <xsl:variable name="ranges" as="xs:string*">
      <xsl:for-each select="$loci">
        <xsl:variable name="from" select="normalize-space(@from)"/>
        <xsl:variable name="to" select="normalize-space(@to)"/>
        <xsl:sequence select="
            if ($from ne '' and $to ne '' and $from ne $to) then 'folios ' || $from || '–' || $to
            else if ($from ne '' or $to ne '') then 'folio ' || ($from[. ne ''], $to)[1]
            else normalize-space(.)[. ne '']"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:sequence select="string-join($ranges, ', ')[. ne '']"/>
  </xsl:function>

  <xsl:function name="ed:repository" as="xs:string">
    <xsl:param name="msDesc" as="element()"/>
    <xsl:sequence select="normalize-space($msDesc/tei:msIdentifier/tei:repository[1])"/>
  </xsl:function>

  <!-- "RGASPI, f. 558, op. 11, d. 334, folio 79": one archival copy in one line. -->
  <xsl:function name="ed:archival-reference" as="xs:string">
    <xsl:param name="msDesc" as="element()"/>
    <xsl:sequence select="string-join((ed:repository($msDesc), ed:shelfmark-short($msDesc),
                                       ed:folios($msDesc))[. ne ''], ', ')"/>
  </xsl:function>


  <!-- ===================================================================
       Header facts (the Contract XPaths of ENCODING.md)
       =================================================================== -->

  <xsl:function name="ed:title" as="xs:string">
    <xsl:param name="root" as="node()"/>
    <xsl:variable name="titles" select="root($root)/tei:TEI/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title"/>
    <xsl:sequence select="normalize-space(($titles[@type = 'main'], $titles)[1])"/>
  </xsl:function>

  <xsl:function name="ed:document-id" as="xs:string">
    <xsl:param name="root" as="node()"/>
    <xsl:sequence select="string(root($root)/tei:TEI/@xml:id)"/>
  </xsl:function>

  <!-- The catalogue record's web address, only if it is http(s). -->
  <xsl:function name="ed:record-address" as="xs:string?">
    <xsl:param name="root" as="node()"/>
    <xsl:sequence select="(root($root)//tei:sourceDesc//tei:idno[@type = 'URI']
                           ! normalize-space(.))[ed:is-web-address(.)][1]"/>
  </xsl:function>

  <!-- Transmission events in time order; undated ones keep their place at the end. -->
  <xsl:function name="ed:transmission-events" as="element()*">
    <xsl:param name="root" as="node()"/>
    <xsl:perform-sort select="root($root)//tei:correspDesc/tei:correspAction">
      <xsl:sort select="if (tei:date[1]/@when) then 0 else 1"/>
      <xsl:sort select="string(tei:date[1]/@when)"/>
    </xsl:perform-sort>
  </xsl:function>

  <!-- Cipher and registration numbers: (type, distinct values) in contract order. -->
  <xsl:function name="ed:document-numbers" as="map(xs:string, xs:string+)*">
    <xsl:param name="root" as="node()"/>
    <xsl:variable name="numbers" select="root($root)//tei:idno[@type = $ed:number-types]"/>
    <xsl:for-each select="$ed:number-types">
      <xsl:variable name="type" select="."/>
      <xsl:variable name="values" select="ed:distinct-strings($numbers[@type = $type])"/>
      <xsl:if test="exists($values)">
        <xsl:sequence select="map { $type: $values }"/>
      </xsl:if>
    </xsl:for-each>
  </xsl:function>

  <!-- The first element of each distinct mark, in document order. -->
  <xsl:function name="ed:marks" as="element()*">
    <xsl:param name="root" as="node()"/>
    <xsl:for-each-group select="root($root)//tei:text//tei:seg[@type = $ed:mark-types]"
      group-by="normalize-space(.)">
      <xsl:sequence select="current-group()[1][normalize-space()]"/>
    </xsl:for-each-group>
  </xsl:function>

  <!-- Number of copies of a distribution item (ENCODING.md: default 1). -->
  <xsl:function name="ed:copies" as="xs:integer">
    <xsl:param name="item" as="element()"/>
    <xsl:variable name="value" select="normalize-space($item//tei:num[@type = 'copies'][1]/@value)"/>
    <xsl:sequence select="if ($value castable as xs:integer) then xs:integer($value) else 1"/>
  </xsl:function>


  <!-- ===================================================================
       Text structure
       =================================================================== -->

  <xsl:function name="ed:is-block" as="xs:boolean">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="$node instance of element()
        and namespace-uri($node) eq $ed:tei
        and (local-name($node) = $ed:block-names
             or ($node/self::tei:quote and exists($node/*[ed:is-block(.)])))"/>
  </xsl:function>

  <!-- True when a phrase container (p, dateline …) holds a block and so must be
       laid out as a block itself.  Footnotes are taken out of the flow. -->
  <xsl:function name="ed:contains-block" as="xs:boolean">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="exists(($element//* except $element//tei:note[ed:is-footnote(.)]//*)
                                 [ed:is-block(.)])"/>
  </xsl:function>

  <!-- A forme work (fw) standing between blocks is laid out as a block. -->
  <xsl:function name="ed:is-container" as="xs:boolean">
    <xsl:param name="element" as="element()?"/>
    <xsl:sequence select="exists($element) and namespace-uri($element) eq $ed:tei
                          and local-name($element) = $ed:container-names"/>
  </xsl:function>

  <!-- Notes in the text are footnotes, except identifications ("[Stalin]"),
       which stay in the line. -->
  <xsl:function name="ed:is-footnote" as="xs:boolean">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="exists($note/ancestor::tei:text) and not($note/@type = 'identification')"/>
  </xsl:function>

  <xsl:function name="ed:footnote-number" as="xs:integer">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="count($note/preceding::tei:note[ed:is-footnote(.)]) + 1"/>
  </xsl:function>

  <xsl:function name="ed:footnotes" as="element()*">
    <xsl:param name="root" as="node()"/>
    <xsl:sequence select="root($root)//tei:text//tei:note[ed:is-footnote(.)]"/>
  </xsl:function>

  <!-- The body divisions shown as texts (columns in HTML, sections in plain text). -->
  <xsl:function name="ed:divisions" as="element()*">
    <xsl:param name="root" as="node()"/>
    <xsl:sequence select="root($root)/tei:TEI/tei:text/tei:body/tei:div"/>
  </xsl:function>

  <!-- The language of a node: nearest xml:lang of it or its ancestors. -->
  <xsl:function name="ed:language-of" as="xs:string?">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="($node/ancestor-or-self::*/@xml:lang)[last()] ! string(.)"/>
  </xsl:function>

  <!-- An item's own number (@n) is shown unless the text already starts with it. -->
  <xsl:function name="ed:item-marker" as="xs:string?">
    <xsl:param name="item" as="element()"/>
    <xsl:variable name="n" select="normalize-space($item/@n)"/>
    <xsl:sequence select="if ($n eq '' or starts-with(normalize-space($item), $n)) then ()
                          else if (matches($n, '^\w+$')) then $n || '.'
                          else $n"/>
  </xsl:function>

</xsl:stylesheet>
