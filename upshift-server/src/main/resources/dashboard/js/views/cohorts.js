// The cohort heat map (§6.2): upsell rate or NRR by cohort (first-active month or quarter) and
// months since start. A table first (it is the numbers); the cell colour only adds emphasis.

import { esc, fmtPct } from '../format.js';
import { section } from '../ui.js';

export function render(view, { report, state, setState }) {
  const cohorts = report.cohorts;
  const block = section(view, 'Cohorts', 'cohorts',
    'Rows are cohorts (' + (cohorts ? cohorts.cohortGrain : '') + ' of first activity), columns the age in months; each cell the '
    + 'upsell rate or the net revenue retention of that cohort at that age.');
  if (!cohorts || !cohorts.cohorts.length) {
    block.insertAdjacentHTML('beforeend', '<p class="muted">No cohorts in this range.</p>');
    return;
  }
  const measure = state.cohortMeasure === 'nrr' ? 'nrr' : 'rate';
  const toggle = document.createElement('p');
  toggle.innerHTML = '<label>Show <select data-testid="cohort-measure"><option value="rate">Upsell Rate</option>'
    + '<option value="nrr">NRR</option></select></label>';
  toggle.querySelector('select').value = measure;
  toggle.querySelector('select').onchange = (e) => setState({ cohortMeasure: e.target.value });
  block.appendChild(toggle);

  const ages = [...new Set(cohorts.cohorts.flatMap((c) => c.cells.map((cell) => cell.age)))].sort((a, b) => a - b);
  const values = cohorts.cohorts.flatMap((c) => c.cells.map((cell) => cell[measure])).filter((v) => v !== null);
  const low = Math.min(...values);
  const high = Math.max(...values);
  const head = '<tr><th scope="col">Cohort</th><th scope="col" class="num">Customers</th>'
    + ages.map((a) => '<th scope="col" class="num">' + a + '</th>').join('') + '</tr>';
  const rows = cohorts.cohorts.map((c) => {
    const byAge = new Map(c.cells.map((cell) => [cell.age, cell]));
    return '<tr><th scope="row">' + esc(c.cohort) + '</th><td class="num">' + esc(c.customers) + '</td>'
      + ages.map((a) => {
        const cell = byAge.get(a);
        if (!cell || cell[measure] === null) {
          return '<td class="heat empty"></td>';
        }
        const level = high > low ? Math.round((cell[measure] - low) / (high - low) * 4) : 2;
        return '<td class="num heat h' + level + '" title="' + esc(c.cohort + ', age ' + a + ', ' + cell.period
          + ': ' + cell.upsold + ' of ' + cell.eligible + ' upsold; NRR ' + fmtPct(cell.nrr)) + '">'
          + esc(fmtPct(cell[measure])) + '</td>';
      }).join('') + '</tr>';
  }).join('');
  const holder = document.createElement('div');
  holder.className = 'table-scroll';
  holder.innerHTML = '<table class="heatmap" data-testid="cohort-table"><caption>' + (measure === 'nrr' ? 'NRR' : 'Upsell Rate')
    + ' by cohort and age (months)</caption><thead>' + head + '</thead><tbody>' + rows + '</tbody></table>';
  block.appendChild(holder);
}
