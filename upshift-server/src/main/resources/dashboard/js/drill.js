// The customers behind a figure (/v1/ledger rows, sortable, with a CSV download and their sum)
// and one customer's history (/v1/customers/{id}/explain), in one dialog. Every row carries
// data-customer and data-amount (the exact amount it adds to the figure), so a test, or a
// curious reader, can add them up.

import { esc, fmtExact, micros, microsToCents } from './format.js';
import { drillOf } from './metrics.js';

const COLUMNS = ['status', 'arr_start', 'arr_end', 'new_logo', 'reactivation', 'upsell',
  'add_on_seats', 'add_on_price', 'cross_sell', 'downsell', 'reduction_seats', 'reduction_price',
  'product_churn', 'churn', 'seats_start', 'seats_end', 'seat_movement', 'upsell_user', 'eligible',
  'upsold', 'upsold_arr'];
const FLAGS = new Set(['upsell_user', 'eligible', 'upsold']);
const MONEY = new Set(['arr_start', 'arr_end', 'new_logo', 'reactivation', 'upsell', 'add_on_seats',
  'add_on_price', 'cross_sell', 'downsell', 'reduction_seats', 'reduction_price', 'product_churn',
  'churn', 'expansion', 'contraction', 'net_new', 'ramp', 'upsold_arr']);

export class Drill {
  /**
   * @param api a function returning the signed-in client
   * @param params a function returning the report options of the current view
   * @param currency a function returning the report's currency
   */
  constructor(api, params, currency) {
    this.api = api;
    this.params = params;
    this.currency = currency;
    this.dialog = document.getElementById('drill');
    this.title = document.getElementById('drill-title');
    this.body = this.dialog.querySelector('[data-testid="drill-body"]');
    this.back = this.dialog.querySelector('[data-testid="drill-back"]');
    this.dialog.querySelector('[data-testid="drill-close"]').onclick = () => this.dialog.close();
    this.back.onclick = () => this.previous && this.previous();
    this.body.addEventListener('click', (event) => this.clicked(event));
  }

  /**
   * Opens the rows behind a figure.
   * @param figure {path, label, period, value, segment}: value is the figure as the report gives it
   */
  async figure(figure) {
    const how = drillOf(figure.path);
    if (!how) {
      return;
    }
    const params = Object.assign({}, this.params(), {
      period: figure.period, component: how.component, segment: figure.segment || '',
    });
    if (figure.book) {
      params.book = figure.book; // a figure of the other book (contracted vs live)
    }
    if (figure.segment && params.where === figure.segment) {
      params.segment = ''; // the filter already names this segment
    }
    this.back.hidden = true;
    this.title.textContent = figure.label + ' · ' + figure.period
      + (figure.segment ? ' · ' + figure.segment : '');
    this.body.innerHTML = '<p class="status">Loading the customers…</p>';
    this.open();
    try {
      const ledger = await this.api().ledger(params);
      this.current = { figure, how, params, ledger, sort: { column: how.column || 'customer_id', descending: !!how.column } };
      this.render();
    } catch (e) {
      this.body.innerHTML = '<p class="error">' + esc(e.message) + '</p>';
    }
  }

  open() {
    if (!this.dialog.open) {
      this.dialog.showModal();
    }
  }

  render() {
    const { figure, how, ledger, sort } = this.current;
    const currency = this.currency();
    const rows = ledger.rows.slice();
    const key = sort.column;
    rows.sort((a, b) => {
      const x = a[key];
      const y = b[key];
      let order;
      if (key === 'customer_id' || key === 'status') {
        order = String(x || '').localeCompare(String(y || ''));
      } else {
        const d = micros(x) - micros(y);
        order = d < 0n ? -1 : d > 0n ? 1 : 0;
      }
      return sort.descending ? -order : order;
    });
    const total = how.column
      ? microsToCents(rows.reduce((sum, row) => sum + micros(row[how.column]), 0n))
      : String(rows.length);
    const shown = how.column ? fmtExact(total, MONEY.has(how.column) ? currency : '') : total;
    // Columns that are zero on every row say nothing: the figure's column, the status and the
    // ARR at both ends always show, the others only where some row has a value.
    const always = new Set(['status', 'arr_start', 'arr_end']);
    const columns = ['customer_id', ...(how.column ? [how.column] : []),
      ...COLUMNS.filter((c) => c !== how.column
        && (always.has(c) || rows.some((row) => row[c] !== null && row[c] !== undefined && micros(row[c]) !== 0n)))];
    const head = columns.map((c) => '<th scope="col"><button type="button" class="sort" data-sort="'
      + c + '" aria-sort="' + (c === key ? (sort.descending ? 'descending' : 'ascending') : 'none')
      + '">' + esc(c.replace(/_/g, ' ')) + (c === key ? (sort.descending ? ' ▾' : ' ▴') : '')
      + '</button></th>').join('');
    const body = rows.map((row) => {
      const amount = how.column ? row[how.column] : '1';
      return '<tr data-customer="' + esc(row.customer_id) + '" data-amount="' + esc(amount) + '">'
        + columns.map((c) => (c === 'customer_id'
          ? '<th scope="row"><button type="button" class="link" data-explain="' + esc(row.customer_id) + '">'
            + esc(row.customer_id) + '</button></th>'
          : '<td class="' + (c === 'status' ? '' : 'num') + '">' + cell(c, row[c], currency) + '</td>')).join('')
        + '</tr>';
    }).join('');
    const figureText = figure.display || '';
    this.body.innerHTML = '<p class="summary" data-testid="drill-summary">'
      + '<strong data-testid="drill-total" data-total="' + esc(total) + '">'
      + esc(shown) + '</strong> '
      + esc(how.column ? 'is the sum of ' + how.column.replace(/_/g, ' ') + ' over these '
        + rows.length + ' rows' : 'customers')
      + (figureText ? '; the figure shown is ' + esc(figureText) : '') + '.'
      + (how.note ? ' <span class="muted">Rows: ' + esc(how.note) + '.</span>' : '')
      + (ledger.complete ? '' : ' <span class="error">Only the first rows are listed; the CSV has them all.</span>')
      + '</p><p><button type="button" data-testid="drill-csv">Download CSV</button></p>'
      + '<div class="table-scroll drill-table"><table data-testid="drill-rows"><thead><tr>' + head
      + '</tr></thead><tbody>' + body + '</tbody></table></div>';
  }

  async clicked(event) {
    const sort = event.target.closest('[data-sort]');
    if (sort && this.current) {
      const column = sort.dataset.sort;
      this.current.sort = { column, descending: this.current.sort.column === column ? !this.current.sort.descending : true };
      this.render();
      this.body.querySelector('[data-sort="' + column + '"]').focus();
      return;
    }
    const explain = event.target.closest('[data-explain]');
    if (explain) {
      await this.customer(explain.dataset.explain);
      return;
    }
    if (event.target.closest('[data-testid="drill-csv"]') && this.current) {
      await this.download();
    }
  }

  /** The rows as the ledger's CSV, fetched with the key in a header and saved from a blob. */
  async download() {
    const { params, figure } = this.current;
    const csv = await this.api().ledgerCsv(params);
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'upshift-' + figure.path.replace(/\W+/g, '-') + '-' + figure.period + '.csv';
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  /** One customer's history: each period's movements and the records that caused them. */
  async customer(customerId) {
    const back = this.current;
    this.back.hidden = !back;
    this.previous = () => {
      this.back.hidden = true;
      this.title.textContent = back.figure.label + ' · ' + back.figure.period;
      this.current = back;
      this.render();
    };
    this.title.textContent = 'Customer ' + customerId;
    this.body.innerHTML = '<p class="status">Loading the customer…</p>';
    this.open();
    const params = this.params();
    try {
      const explained = await this.api().explain(customerId, params);
      this.current = null;
      this.body.innerHTML = history(explained, this.currency(), back ? back.figure.period : null);
      const current = this.body.querySelector('tr.current');
      if (current) {
        current.scrollIntoView({ block: 'center' });
      }
    } catch (e) {
      this.body.innerHTML = '<p class="error">' + esc(e.message) + '</p>';
    }
  }
}

function cell(column, value, currency) {
  if (value === null || value === undefined) {
    return '';
  }
  if (column === 'status') {
    return esc(value);
  }
  if (MONEY.has(column)) {
    return esc(fmtExact(value, currency));
  }
  if (FLAGS.has(column)) {
    return Number(value) ? 'yes' : '';
  }
  return esc(String(Number(value)));
}

const ARR_LABELS = {
  newLogo: 'new logo', reactivation: 'reactivation', upsell: 'upsell', addOnSeats: 'add-on seats',
  addOnPrice: 'add-on price', crossSell: 'cross-sell', downsell: 'downsell',
  reductionSeats: 'seat reduction', reductionPrice: 'price reduction', productChurn: 'product churn',
  churn: 'churn',
};

/** The customer's periods; the one the drill-down came from is marked. */
function history(explained, currency, period) {
  const periods = explained.periods || [];
  const rows = periods.map((p) => {
    const moves = Object.keys(ARR_LABELS).filter((k) => p.arr && micros(p.arr[k] || '0') !== 0n)
      .map((k) => esc(ARR_LABELS[k]) + ' ' + esc(fmtExact(p.arr[k], currency))).join('<br>');
    const changes = (p.changes || []).map((c) => {
      const before = c.before ? (c.before.id || ('line ' + c.before.line)) : '—';
      const after = c.after ? (c.after.id || ('line ' + c.after.line)) : '—';
      const what = c.after ? esc(c.after.plan || c.after.product || '') + ', ' + esc(String(c.after.seats)) + ' seats, '
        + esc(fmtExact(c.after.arr, currency)) : 'ended';
      return '<li><code>' + esc(c.lineId) + '</code>: ' + esc(before) + ' → ' + esc(after) + ' (' + what + ')</li>';
    }).join('');
    return '<tr data-period="' + esc(p.period) + '"' + (p.period === period ? ' class="current"' : '')
      + '><th scope="row">' + esc(p.period) + '</th>'
      + '<td>' + esc(p.status || '') + '</td>'
      + '<td class="num">' + esc(fmtExact(p.arr.starting, currency)) + '</td>'
      + '<td class="num">' + esc(fmtExact(p.arr.ending, currency)) + '</td>'
      + '<td>' + (moves || '<span class="muted">none</span>') + '</td>'
      + '<td class="num">' + esc(String(Number(p.seats.starting))) + ' → ' + esc(String(Number(p.seats.ending))) + '</td>'
      + '<td>' + [p.upsellUser ? 'Upsell User' : '', p.eligible ? 'eligible' : '', p.upsold ? 'upsold' : '']
        .filter(Boolean).join(', ') + '</td>'
      + '<td>' + (changes ? '<ul class="changes">' + changes + '</ul>' : '') + '</td></tr>';
  }).join('');
  return '<p class="summary" data-testid="customer-summary">First active '
    + esc(explained.firstActiveDate || '—') + ' · initial ARR '
    + esc(explained.initialArr == null ? '—' : fmtExact(explained.initialArr, currency))
    + '. Each period lists its movements and the records (ids) that caused them.</p>'
    + '<div class="table-scroll"><table data-testid="customer-history"><thead><tr>'
    + '<th scope="col">Period</th><th scope="col">Status</th><th scope="col">ARR start</th>'
    + '<th scope="col">ARR end</th><th scope="col">Movements</th><th scope="col">Seats</th>'
    + '<th scope="col">Counted as</th><th scope="col">Records</th></tr></thead><tbody>' + rows
    + '</tbody></table></div>';
}

