// Contracted against live book (§2.3): the same options read on both books, period by period.
// Contracted counts a phase when it is signed, live when it takes effect: the difference is the
// signed ARR not yet live (or cancelled but still running).

import { card, trend, COLORS } from '../charts.js';
import { fmt, fmtCompact } from '../format.js';
import { num, table, rowHead } from '../ui.js';

export function render(view, { live, contracted }) {
  const currency = live.currency;
  const labels = live.periods.map((p) => p.period);
  const byLabel = new Map(contracted.periods.map((p) => [p.period, p]));
  const chart = card(view, { title: 'Contracted vs live ending ARR', testid: 'book-compare',
    note: 'Ending ARR on each book; the numbers table also has Upsell ARR and Upsell Users.' });
  trend(chart.canvas, {
    labels,
    series: [
      { label: 'Live', values: live.periods.map((p) => p.arr.ending), type: 'line', color: COLORS.teal },
      { label: 'Contracted', values: labels.map((l) => (byLabel.get(l) ? byLabel.get(l).arr.ending : null)), type: 'line', color: COLORS.navy },
    ],
    format: (v, axis) => (axis ? fmtCompact(v, currency) : fmt('money', v, currency)),
    formatRight: (v) => fmt('money', v, currency),
  });
  chart.table.innerHTML = table({
    testid: 'book-table',
    headings: ['Period', 'Live ending ARR', 'Contracted ending ARR', 'Live Upsell ARR', 'Contracted Upsell ARR', 'Live Upsell Users', 'Contracted Upsell Users'],
    rows: live.periods.map((p) => {
      const c = byLabel.get(p.period);
      const cell = (x, path, kind, book) => (x ? num(path.split('.').reduce((n, k) => n[k], x),
        { kind, currency, path, period: p.period, label: book + ' ' + path, book: book.toLowerCase() }) : '<td>—</td>');
      return [rowHead(p.period), cell(p, 'arr.ending', 'money', 'Live'), cell(c, 'arr.ending', 'money', 'Contracted'),
        cell(p, 'arr.upsell', 'money', 'Live'), cell(c, 'arr.upsell', 'money', 'Contracted'),
        cell(p, 'upsellUsers', 'count', 'Live'), cell(c, 'upsellUsers', 'count', 'Contracted')];
    }),
  });
  chart.table.closest('details').open = true;
}
