// Small HTML builders shared by the views. A figure that ledger rows make is a button (focusable,
// keyboard usable) carrying its §7.2 path, period and segment: a click anywhere in the view on
// such a button opens the customers behind it (see app.js).

import { esc, fmt } from './format.js';
import { drillOf } from './metrics.js';

/** A number in a table: a button when rows make it, plain text otherwise. */
export function num(value, { kind, currency, path, period, segment, label, book }) {
  const text = esc(fmt(kind, value, currency));
  if (!path || !drillOf(path) || value === null || value === undefined) {
    return '<td class="num">' + text + '</td>';
  }
  return '<td class="num"><button type="button" class="cell" data-path="' + esc(path)
    + '" data-period="' + esc(period) + '"' + (segment ? ' data-segment="' + esc(segment) + '"' : '')
    + (book ? ' data-book="' + esc(book) + '"' : '')
    + ' data-label="' + esc(label || path) + '" data-value="' + esc(String(value)) + '">' + text
    + '</button></td>';
}

/** A table: a caption, column headings, and rows of already-built cells. */
export function table({ caption, headings, rows, testid }) {
  return '<table' + (testid ? ' data-testid="' + esc(testid) + '"' : '') + '>'
    + (caption ? '<caption>' + esc(caption) + '</caption>' : '')
    + '<thead><tr>' + headings.map((h, i) => '<th scope="col"' + (i ? ' class="num"' : '') + '>' + esc(h) + '</th>').join('')
    + '</tr></thead><tbody>' + rows.map((r) => '<tr>' + r.join('') + '</tr>').join('') + '</tbody></table>';
}

export function rowHead(text) {
  return '<th scope="row">' + esc(text) + '</th>';
}

export function plain(text, cls) {
  return '<td' + (cls ? ' class="' + cls + '"' : '') + '>' + esc(text) + '</td>';
}

/** A status (§5.6) as a badge that says it in words, not colour alone. */
export function status(value) {
  if (!value) {
    return '<td><span class="muted">—</span></td>';
  }
  const cls = value === 'Below' ? 'bad' : value === 'Achieved' ? 'good' : 'ok';
  return '<td><span class="badge ' + cls + '">' + esc(value) + '</span></td>';
}

/** A section of a view with a heading. */
export function section(parent, title, testid, lede) {
  const element = document.createElement('section');
  element.className = 'block';
  element.dataset.testid = testid;
  element.innerHTML = '<h2>' + esc(title) + '</h2>' + (lede ? '<p class="lede">' + esc(lede) + '</p>' : '');
  parent.appendChild(element);
  return element;
}
