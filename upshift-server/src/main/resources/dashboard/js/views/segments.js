// Seed 003's segment tables: for each group-by dimension (tenure, initial ARR, health, plan, any
// customer attribute), each value's eligible and upsold customers, rate, average and total
// expansion, Upsell Users and ending ARR in the chosen period. Every count and amount opens its
// customers, within the segment.

import { fmt, fmtPct } from '../format.js';
import { num, table, rowHead, plain, section } from '../ui.js';

const NAMES = { tenure: 'Tenure (months)', initial_arr: 'Initial ARR', health: 'Health score', plan: 'Plan', cohort: 'Cohort' };

export function render(view, { report, index, state }) {
  const p = report.periods[index];
  const currency = report.currency;
  const dims = Object.keys(report.segments || {});
  if (!dims.length) {
    section(view, 'Segments', 'segments', 'Choose one or more "Group segments by" dimensions in the options.');
    return;
  }
  const all = section(view, 'Segments · ' + p.period, 'segments',
    'Everyone in the period, then each dimension\'s values. Click a number for its customers.');
  const headings = ['Segment', 'Eligible', 'Upsold', 'Upsell Rate', 'Avg. expansion', 'Total expansion', 'Upsell Users', 'Ending ARR'];
  // The ledger takes one segment: under a filter on another dimension a cell's customers would
  // need two, so those cells show their number without the drill-down.
  const filtered = state && state.where ? state.where.split('=')[0] : '';
  const line = (label, x, cellSegment) => {
    const open = !cellSegment || !filtered || cellSegment.startsWith(filtered + '=');
    const segment = open ? cellSegment : '';
    const path = (p) => (open ? p : null);
    return [rowHead(label),
      num(x.upsellRate.eligible, { kind: 'count', path: path('upsellRate.eligible'), period: x.period, segment, label: 'Eligible' }),
      num(x.upsellRate.upsold, { kind: 'count', path: path('upsellRate.upsold'), period: x.period, segment, label: 'Upsold' }),
      plain(fmtPct(x.upsellRate.rate), 'num'),
      plain(fmt('money', x.upsellRate.avgUpsoldArr, currency), 'num'),
      num(x.upsellRate.upsoldArr, { kind: 'money', currency, path: path('upsellRate.upsoldArr'), period: x.period, segment, label: 'Total expansion' }),
      num(x.upsellUsers, { kind: 'count', path: path('upsellUsers'), period: x.period, segment, label: 'Upsell Users' }),
      num(x.arr.ending, { kind: 'money', currency, path: path('arr.ending'), period: x.period, segment, label: 'Ending ARR' })];
  };
  const wrap = document.createElement('div');
  wrap.className = 'table-scroll';
  wrap.innerHTML = table({ testid: 'segment-all', headings, rows: [line('All customers', p, '')] });
  all.appendChild(wrap);
  for (const dim of dims) {
    const values = report.segments[dim];
    const block = section(view, 'By ' + (NAMES[dim] || dim), 'segment-' + dim);
    const holder = document.createElement('div');
    holder.className = 'table-scroll';
    holder.innerHTML = table({
      testid: 'segment-table-' + dim, headings,
      rows: Object.keys(values).map((value) => line(value, values[value][index], dim + '=' + value)),
    });
    block.appendChild(holder);
  }
}
