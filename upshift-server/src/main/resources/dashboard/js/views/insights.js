// Initiative impact (§6.5), signals and benchmarks (§6.6) and the health correlation (§6.4):
// each with the numbers behind it, as the analysis of /v1/report?analysis=true gives them.

import { esc, fmt, fmtCount, fmtPct } from '../format.js';
import { table, rowHead, plain, section } from '../ui.js';

export function render(view, { report }) {
  const currency = report.currency;
  const initiatives = section(view, 'Initiative impact', 'initiatives',
    'Pooled Upsell Rate of each initiative\'s segment over the 3 periods before its launch against the periods since.');
  if (report.initiatives && report.initiatives.length) {
    const holder = document.createElement('div');
    holder.className = 'table-scroll';
    holder.innerHTML = table({
      testid: 'initiatives-table',
      headings: ['Initiative', 'Launch', 'Segment', 'Baseline rate', 'Current rate', 'Improvement', 'ARR impact'],
      rows: report.initiatives.map((i) => [rowHead(i.name), plain(i.launchDate), plain(i.segment || 'All customers'),
        plain(fmtPct(i.baselineRate), 'num'), plain(fmtPct(i.currentRate), 'num'),
        plain(i.improvement === null ? '—' : (i.improvement >= 0 ? '+' : '') + i.improvement.toFixed(2) + ' pts', 'num'),
        plain(fmt('money', i.arrImpact, currency), 'num')]),
    });
    initiatives.appendChild(holder);
  } else {
    initiatives.insertAdjacentHTML('beforeend', '<p class="muted">No initiatives recorded (post them as records of kind initiatives).</p>');
  }

  const signals = section(view, 'Signals', 'signals', 'Good, Watch or Bad, with the reasons and the figures behind them.');
  for (const [name, title] of [['upsellUsers', 'Upsell Users'], ['totalUsers', 'Total Users']]) {
    const s = report.signals && report.signals[name];
    if (!s) {
      continue;
    }
    const cls = s.status === 'Good' ? 'good' : s.status === 'Bad' ? 'bad' : 'ok';
    signals.insertAdjacentHTML('beforeend', '<div class="signal" data-testid="signal-' + name + '"><h3>' + esc(title)
      + ' <span class="badge ' + cls + '">' + esc(s.status) + '</span></h3><ul>'
      + s.reasons.map((r) => '<li>' + esc(r) + '</li>').join('') + '</ul><details><summary>Figures</summary>'
      + '<div class="table-scroll">' + table({ headings: ['Figure', 'Value'],
        rows: Object.entries(s.figures).map(([k, v]) => [rowHead(k), plain(String(v), 'num')]) }) + '</div></details></div>');
  }

  const benchmarks = section(view, 'Benchmarks', 'benchmarks', 'The company\'s figures beside published references.');
  if (report.benchmarks) {
    const holder = document.createElement('div');
    holder.className = 'table-scroll';
    holder.innerHTML = table({
      testid: 'benchmarks-table', headings: ['Measure', 'Value', 'Assessment', 'References', 'Basis'],
      rows: Object.values(report.benchmarks).map((b) => [rowHead(b.label), plain(fmtPct(b.value), 'num'), plain(b.assessment || '—'),
        plain(b.references.map((r) => r.label + ' ' + range(r)).join('; ')), plain(b.basis)]),
    });
    benchmarks.appendChild(holder);
  }

  const c = report.correlation;
  if (c) {
    const corr = section(view, 'Health score and upsell', 'correlation',
      'Upsell Rate per health bucket over ' + fmtCount(c.observations) + ' customer-periods with a score; point-biserial correlation '
      + (c.pointBiserial === null ? '—' : c.pointBiserial) + '.');
    const holder = document.createElement('div');
    holder.className = 'table-scroll';
    holder.innerHTML = table({
      testid: 'correlation-table', headings: ['Health', 'Eligible', 'Upsold', 'Rate', 'Lift'],
      rows: c.buckets.map((b) => [rowHead(b.bucket), plain(fmtCount(b.eligible), 'num'), plain(fmtCount(b.upsold), 'num'),
        plain(fmtPct(b.rate), 'num'), plain(b.lift === null ? '—' : b.lift.toFixed(2) + '×', 'num')]),
    });
    corr.appendChild(holder);
  }
}

function range(r) {
  if (r.high === null) {
    return '≥ ' + r.low + '%';
  }
  return r.low === r.high ? '≈ ' + r.low + '%' : r.low + '–' + r.high + '%';
}
