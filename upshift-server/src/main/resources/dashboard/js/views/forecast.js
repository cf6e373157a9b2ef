// The forecast (§6.3): the next period's expected upsold customers and ARR with their 80%
// interval, the per-tenure rates behind them, and the back-test of the last periods with its
// mean absolute percentage error.

import { card, trend, COLORS } from '../charts.js';
import { esc, fmt, fmtCount, fmtPct } from '../format.js';
import { table, rowHead, plain, section } from '../ui.js';

export function render(view, { report }) {
  const f = report.forecast;
  const currency = report.currency;
  if (!f) {
    section(view, 'Forecast', 'forecast', 'No forecast for this range (it needs reported periods before it).');
    return;
  }
  const head = section(view, 'Forecast · ' + f.period, 'forecast',
    'From the pooled rates of the last ' + f.windowPeriods.length + ' periods by tenure, applied to the customers active now.');
  head.insertAdjacentHTML('beforeend', '<div class="facts">'
    + fact('Expected upsold customers', two(f.expectedUpsold), f.interval + '% interval ' + two(f.upsoldLow) + ' – ' + two(f.upsoldHigh), 'forecast-upsold')
    + fact('Expected Upsell Rate', fmtPct(f.expectedRate), 'of ' + fmtCount(f.eligible) + ' eligible', 'forecast-rate')
    + fact('Expected expansion ARR', fmt('money', f.expectedUpsoldArr, currency), f.interval + '% interval ' + fmt('money', f.upsoldArrLow, currency)
      + ' – ' + fmt('money', f.upsoldArrHigh, currency), 'forecast-arr')
    + fact('Back-tested error (MAPE)', fmtPct(f.backtest ? f.backtest.mape : null),
      f.backtest ? 'actual inside the interval in ' + fmtPct(f.backtest.intervalCoverage) + ' of ' + f.backtest.points.length + ' periods' : '', 'forecast-mape')
    + '</div>');
  const holder = document.createElement('div');
  holder.className = 'table-scroll';
  holder.innerHTML = table({
    testid: 'forecast-buckets', caption: 'By tenure',
    headings: ['Tenure', 'Eligible then', 'Upsold then', 'Rate', 'Eligible now', 'Expected upsold'],
    rows: f.buckets.map((b) => [rowHead(b.tenure + (b.pooledFromAll ? ' *' : '')), plain(fmtCount(b.windowEligible), 'num'),
      plain(fmtCount(b.windowUpsold), 'num'), plain(fmtPct(b.rate), 'num'), plain(fmtCount(b.eligible), 'num'),
      plain(two(b.expectedUpsold), 'num')]),
  });
  head.appendChild(holder);
  if (f.buckets.some((b) => b.pooledFromAll)) {
    head.insertAdjacentHTML('beforeend', '<p class="note">* no customers of this tenure in the window: the pooled rate of all is used.</p>');
  }
  if (f.backtest && f.backtest.points.length) {
    const points = f.backtest.points;
    const chart = card(view, { title: 'Back-test', testid: 'forecast-backtest',
      note: 'Each of the last periods forecast from the periods before it: expected (with interval) against actual upsold customers.' });
    trend(chart.canvas, {
      labels: points.map((x) => x.period),
      series: [
        { label: 'Actual upsold', values: points.map((x) => x.actualUpsold), color: COLORS.teal },
        { label: 'Expected', values: points.map((x) => x.expectedUpsold), type: 'line', color: COLORS.navy },
        { label: 'Low', values: points.map((x) => x.upsoldLow), type: 'line', color: COLORS.grey, dashed: true },
        { label: 'High', values: points.map((x) => x.upsoldHigh), type: 'line', color: COLORS.grey, dashed: true },
      ],
      format: (v) => two(v), formatRight: (v) => two(v),
    });
    chart.table.innerHTML = table({
      testid: 'backtest-table', headings: ['Period', 'Eligible', 'Expected', 'Low', 'High', 'Actual', 'Error'],
      rows: points.map((x) => [rowHead(x.period), plain(fmtCount(x.eligible), 'num'), plain(two(x.expectedUpsold), 'num'),
        plain(two(x.upsoldLow), 'num'), plain(two(x.upsoldHigh), 'num'), plain(fmtCount(x.actualUpsold), 'num'),
        plain(fmtPct(x.absolutePercentageError), 'num')]),
    });
  }
}

function two(v) {
  return v === null || v === undefined ? '—' : new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v);
}

function fact(label, value, detail, testid) {
  return '<div class="fact" data-testid="' + testid + '"><span class="label">' + esc(label) + '</span><span class="value">'
    + esc(value) + '</span><span class="detail">' + esc(detail) + '</span></div>';
}
