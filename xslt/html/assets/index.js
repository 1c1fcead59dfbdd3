/*
  index.js: filters and sorting for the list of all documents (index.html).

  Progressive enhancement: the page is a complete table without this script.
  The script shows the filter form written by xslt/html/index.xsl, hides the
  rows that do not match (each row carries its facts in data-* attributes),
  and turns the column headings into sort buttons.  It never builds markup
  from document text; it only moves rows and sets attributes.
*/
(function () {
  'use strict';
  var form = document.getElementById('filters');
  var table = document.getElementById('documents');
  if (!form || !table) { return; }
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var status = document.getElementById('filter-status');
  var selects = Array.prototype.slice.call(form.querySelectorAll('select[data-filter]'));
  var words = document.getElementById('filter-words');

  function hasToken(list, token) {
    return (' ' + (list || '') + ' ').indexOf(' ' + token + ' ') !== -1;
  }

  function matches(row) {
    var query = words ? words.value.trim().toLowerCase() : '';
    for (var i = 0; i < selects.length; i += 1) {
      var value = selects[i].value;
      if (value && !hasToken(row.getAttribute('data-' + selects[i].dataset.filter), value)) {
        return false;
      }
    }
    return !query || row.textContent.toLowerCase().indexOf(query) !== -1;
  }

  function applyFilters() {
    var shown = 0;
    rows.forEach(function (row) {
      var visible = matches(row);
      row.hidden = !visible;
      if (visible) { shown += 1; }
    });
    if (status) {
      status.textContent = shown + ' of ' + rows.length + ' documents shown';
    }
    writeHash();
  }

  // The filters live in the address (#person=per-mao&year=1950) so a
  // filtered list can be bookmarked and the back button restores it.
  function writeHash() {
    var parts = [];
    selects.forEach(function (select) {
      if (select.value) { parts.push(select.name + '=' + encodeURIComponent(select.value)); }
    });
    if (words && words.value.trim()) { parts.push('words=' + encodeURIComponent(words.value.trim())); }
    var hash = parts.length ? '#' + parts.join('&') : '';
    if (hash !== window.location.hash && window.history.replaceState) {
      window.history.replaceState(null, '', hash || window.location.pathname + window.location.search);
    }
  }

  function readHash() {
    window.location.hash.replace(/^#/, '').split('&').forEach(function (pair) {
      var index = pair.indexOf('=');
      if (index < 1) { return; }
      var name = pair.slice(0, index);
      var value = decodeURIComponent(pair.slice(index + 1));
      var field = form.elements[name];
      if (field && (field.tagName !== 'SELECT' ||
                    Array.prototype.some.call(field.options, function (o) { return o.value === value; }))) {
        field.value = value;
      }
    });
  }

  function sortValue(row, column, kind) {
    var cell = row.cells[column];
    if (kind === 'date') { return row.getAttribute('data-date') || ''; }
    if (kind === 'number') {
      var number = parseInt(cell.getAttribute('data-value'), 10);
      return isNaN(number) ? Infinity : number;
    }
    return cell.textContent.trim().toLowerCase();
  }

  function sortBy(column, kind, descending) {
    var sorted = rows.slice().sort(function (a, b) {
      var x = sortValue(a, column, kind);
      var y = sortValue(b, column, kind);
      var order = x < y ? -1 : (x > y ? 1 : 0);
      if (order === 0) { order = rows.indexOf(a) - rows.indexOf(b); }
      return descending ? -order : order;
    });
    sorted.forEach(function (row) { body.appendChild(row); });
  }

  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (heading, column) {
    var kind = heading.getAttribute('data-sort');
    if (!kind) { return; }
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort-button';
    while (heading.firstChild) { button.appendChild(heading.firstChild); }
    heading.appendChild(button);
    if (column === 0) { heading.setAttribute('aria-sort', 'ascending'); }
    button.addEventListener('click', function () {
      var descending = heading.getAttribute('aria-sort') === 'ascending';
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (other) {
        other.removeAttribute('aria-sort');
      });
      heading.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
      sortBy(column, kind, descending);
    });
  });

  selects.forEach(function (select) { select.addEventListener('change', applyFilters); });
  if (words) { words.addEventListener('input', applyFilters); }
  form.addEventListener('submit', function (event) { event.preventDefault(); applyFilters(); });
  form.addEventListener('reset', function () { window.setTimeout(applyFilters, 0); });
  form.hidden = false;
  readHash();
  applyFilters();
}());
