// The first screen: headline figures of the chosen period against the previous period and the
// same period a year earlier; the ARR bridge as a waterfall and as stacked movements over time;
// the Total Users waterfall; the Upsell Users and Upsell Rate trends with target and status.

import { card, waterfall, stacked, trend, COLORS } from '../charts.js';
import { esc, fmt, fmtCompact, fmtCount, fmtPct, change } from '../format.js';
import { HEADLINES, BRIDGE, SEATS, valueAt } from '../metrics.js';
import { num, table, rowHead, plain, status } from '../ui.js';

export function render(view, { report, index, drill }) {
  const periods = report.periods;
  const p = periods[index];
  const currency = report.currency;
  const previous = index > 0 ? periods[index - 1] : null;
  const perYear = { month: 12, quarter: 4, year: 1 }[report.grain] || 12;
  const yearAgo = index >= perYear ? periods[index - perYear] : null;

  view.appendChild(headlines(p, previous, yearAgo, currency));
  const edge = coverageNote(p);
  if (edge) {
    view.appendChild(edge);
  }

  const grid = document.createElement('div');
  grid.className = 'grid';
  view.appendChild(grid);

  // ARR bridge of the chosen period.
  const bridge = card(grid, { title: 'ARR bridge · ' + p.period, testid: 'arr-bridge',
    note: 'Starting ARR, each driver, ending ARR. Click a bar for its customers.' });
  waterfall(bridge.canvas, {
    startLabel: 'Starting', start: p.arr.starting, endLabel: 'Ending', end: p.arr.ending,
    steps: BRIDGE.map((s) => ({ label: s.label, value: p.arr[s.key] })),
    format: (v, axis) => (axis ? fmtCompact(v, currency) : fmt('money', v, currency)),
    onPick: (i) => {
      const key = i === 0 ? 'starting' : i === BRIDGE.length + 1 ? 'ending' : BRIDGE[i - 1].key;
      drill({ path: 'arr.' + key, period: p.period, label: 'ARR ' + key, value: p.arr[key] });
    },
  });
  bridge.table.innerHTML = table({
    testid: 'arr-bridge-table', headings: ['Step', 'ARR'],
    rows: [['starting', 'Starting'], ...BRIDGE.map((s) => [s.key, s.label]), ['ending', 'Ending']].map(([key, label]) =>
      [rowHead(label), num(p.arr[key], { kind: 'money', currency, path: 'arr.' + key, period: p.period, label: 'ARR ' + label })]),
  });

  // Total Users waterfall.
  const seats = card(grid, { title: 'Total Users · ' + p.period, testid: 'seat-waterfall',
    note: 'Seats at the start, new, expansion, churned, downgraded, at the end.' });
  waterfall(seats.canvas, {
    startLabel: 'Starting', start: p.seats.starting, endLabel: 'Ending', end: p.seats.ending,
    steps: SEATS.map((s) => ({ label: s.label, value: p.seats[s.key] })),
    format: (v) => fmtCount(v),
    onPick: (i) => {
      const key = i === 0 ? 'starting' : i === SEATS.length + 1 ? 'ending' : null;
      if (key) {
        drill({ path: 'seats.' + key, period: p.period, label: 'Seats ' + key, value: p.seats[key] });
      }
    },
  });
  seats.table.innerHTML = table({
    testid: 'seat-table', headings: ['Step', 'Seats'],
    rows: [['starting', 'Starting'], ...SEATS.map((s) => [s.key, s.label]), ['ending', 'Ending']].map(([key, label]) =>
      [rowHead(label), num(p.seats[key], { kind: 'count', path: 'seats.' + key, period: p.period, label: 'Seats ' + label })]),
  });

  const labels = periods.map((x) => x.period);

  // Movements over time.
  const moves = card(view, { title: 'ARR movements over time', testid: 'arr-movements',
    note: 'Each period\'s ARR movements by driver, stacked; click a segment for its customers.' });
  moves.section.classList.add('wide');
  stacked(moves.canvas, {
    labels,
    series: BRIDGE.map((s, i) => ({ label: s.label, values: periods.map((x) => x.arr[s.key]),
      color: s.key === 'contraction' ? '#d08770' : s.key === 'churn' ? COLORS.down : undefined })),
    format: (v, axis) => (axis ? fmtCompact(v, currency) : fmt('money', v, currency)),
    onPick: (d, i) => drill({ path: 'arr.' + BRIDGE[d].key, period: labels[i],
      label: 'ARR ' + BRIDGE[d].label, value: periods[i].arr[BRIDGE[d].key] }),
  });
  moves.table.innerHTML = table({
    testid: 'arr-movements-table',
    headings: ['Period', 'Starting', ...BRIDGE.map((s) => s.label), 'Net new', 'Ending'],
    rows: periods.map((x) => [rowHead(x.period),
      ...['starting', ...BRIDGE.map((s) => s.key), 'netNew', 'ending'].map((key) =>
        num(x.arr[key], { kind: 'money', currency, path: 'arr.' + key, period: x.period, label: 'ARR ' + key }))]),
  });

  const grid2 = document.createElement('div');
  grid2.className = 'grid';
  view.appendChild(grid2);

  // Upsell Users and their share of logos.
  const users = card(grid2, { title: 'Upsell Users', testid: 'upsell-users',
    note: 'Customers with more seats at the end than at the start (bars), and their share of the logos at the start (line).' });
  trend(users.canvas, {
    labels,
    series: [
      { label: 'Upsell Users', values: periods.map((x) => x.upsellUsers), color: COLORS.teal },
      { label: 'Share of logos', values: periods.map((x) => x.ratios.upsellUsersShareOfLogos), type: 'line', axis: 'right', color: COLORS.navy },
    ],
    format: (v) => fmtCount(v), formatRight: (v) => fmtPct(v),
    onPick: (d, i) => drill({ path: 'upsellUsers', period: labels[i], label: 'Upsell Users', value: periods[i].upsellUsers }),
  });
  users.table.innerHTML = table({
    testid: 'upsell-users-table', headings: ['Period', 'Upsell Users', 'T3', 'T12', 'Share of logos', 'Per 1,000 seats'],
    rows: periods.map((x) => [rowHead(x.period),
      num(x.upsellUsers, { kind: 'count', path: 'upsellUsers', period: x.period, label: 'Upsell Users' }),
      plain(fmtCount(x.upsellUsersT3), 'num'), plain(fmtCount(x.upsellUsersT12), 'num'),
      plain(fmtPct(x.ratios.upsellUsersShareOfLogos), 'num'), plain(fmt('count', x.ratios.upsellUsersPer1000Seats), 'num')]),
  });

  // Upsell Rate with its cumulative quarter-to-date rate, target and status.
  const monthly = report.grain === 'month';
  const rate = card(grid2, { title: 'Upsell Rate', testid: 'upsell-rate',
    note: monthly ? 'Monthly rate, cumulative quarter-to-date rate and target; the status compares the quarter-to-date rate with the target.'
      : 'Rate per period and target.' });
  const rateSeries = [
    { label: 'Rate', values: periods.map((x) => x.upsellRate.rate), color: COLORS.teal },
    { label: 'Target', values: periods.map((x) => x.upsellRate.target), type: 'line', color: COLORS.amber, dashed: true },
  ];
  if (monthly) {
    rateSeries.splice(1, 0, { label: 'Quarter to date', values: periods.map((x) => x.upsellRate.qtdRate), type: 'line', color: COLORS.navy });
  }
  trend(rate.canvas, {
    labels, series: rateSeries, format: (v) => fmtPct(v), formatRight: (v) => fmtPct(v),
    onPick: (d, i) => drill({ path: 'upsellRate.rate', period: labels[i], label: 'Upsell Rate', value: periods[i].upsellRate.rate }),
  });
  rate.table.innerHTML = table({
    testid: 'upsell-rate-table',
    headings: ['Period', 'Eligible', 'Upsold', 'Rate', ...(monthly ? ['Quarter to date'] : []), 'Target', 'Status'],
    rows: periods.map((x) => [rowHead(x.period),
      num(x.upsellRate.eligible, { kind: 'count', path: 'upsellRate.eligible', period: x.period, label: 'Eligible' }),
      num(x.upsellRate.upsold, { kind: 'count', path: 'upsellRate.upsold', period: x.period, label: 'Upsold' }),
      plain(fmtPct(x.upsellRate.rate), 'num'),
      ...(monthly ? [plain(fmtPct(x.upsellRate.qtdRate), 'num')] : []),
      plain(fmtPct(x.upsellRate.target), 'num'), status(x.upsellRate.status)]),
  });
}

/** The headline figures: each a button with data-metric, data-period and the exact value. */
function headlines(p, previous, yearAgo, currency) {
  const section = document.createElement('section');
  section.className = 'headlines';
  section.setAttribute('aria-label', 'Headline figures for ' + p.period);
  section.dataset.testid = 'headlines';
  section.innerHTML = HEADLINES.map((h) => {
    const value = valueAt(p, h.path);
    const vsPrevious = previous ? change(h.kind, value, valueAt(previous, h.path)) : null;
    const vsYear = yearAgo ? change(h.kind, value, valueAt(yearAgo, h.path)) : null;
    const extra = h.path === 'upsellRate.rate' ? target(p) : '';
    return '<button type="button" class="figure" data-metric="' + h.path + '" data-period="'
      + esc(p.period) + '" data-value="' + esc(value === null ? '' : String(value)) + '" data-label="' + esc(h.label) + '">'
      + '<span class="label">' + esc(h.label) + '</span>'
      + '<span class="value">' + esc(fmt(h.kind, value, currency)) + '</span>'
      + '<span class="delta">' + delta('vs ' + (previous ? previous.period : 'previous'), vsPrevious)
      + delta('vs ' + (yearAgo ? yearAgo.period : 'a year earlier'), vsYear) + '</span>' + extra + '</button>';
  }).join('');
  return section;
}

/**
 * What the data covers of the chosen period, when not all of it (SPEC §2.4 and the report's
 * `coverage`): the opening period counts the book already there as new logos, and a partial
 * period is not judged against its target.
 */
function coverageNote(p) {
  const c = p.coverage;
  if (!c || !(c.partial || c.opening)) {
    return null;
  }
  const note = document.createElement('p');
  note.className = 'coverage-note';
  note.dataset.testid = 'coverage-note';
  const parts = [];
  if (c.opening) {
    parts.push(p.period + ' is the first period of the data: its new logos include customers'
      + ' already active when the data starts (set an opening balance to read them as starting ARR).');
  }
  if (c.partial && !c.from) {
    parts.push('The data does not reach ' + p.period + ': its figures are empty, not zero, and its'
      + ' Upsell Rate is not judged.');
  } else if (c.partial) {
    parts.push('The data covers ' + c.days + ' of the ' + c.ofDays + ' days of ' + p.period
      + ' (' + c.from + ' to ' + c.through + '): its figures are partial and its Upsell Rate is not'
      + ' judged against the target.');
  }
  note.textContent = parts.join(' ');
  return note;
}

function delta(label, c) {
  if (!c) {
    return '<span class="muted">' + esc(label) + ': —</span>';
  }
  const cls = c.sign > 0 ? 'up' : c.sign < 0 ? 'down' : '';
  return '<span><span class="' + cls + '">' + esc(c.text) + '</span> ' + esc(label) + '</span>';
}

function target(p) {
  const r = p.upsellRate;
  if (r.target === null || r.target === undefined) {
    return '<span class="target muted">no target</span>';
  }
  const cls = r.status === 'Below' ? 'bad' : r.status === 'Achieved' ? 'good' : 'ok';
  return '<span class="target">target ' + esc(fmtPct(r.target)) + (r.qtdRate !== null && r.qtdRate !== undefined && r.qtdRate !== r.rate
    ? ' · QTD ' + esc(fmtPct(r.qtdRate)) : '') + ' <span class="badge ' + cls + '" data-testid="rate-status">'
    + esc(r.status || (p.coverage && p.coverage.partial ? 'not judged: partial period' : '—'))
    + '</span></span>';
}
