// Display formats. Figures are shown with every cent the API gives (the headline "shows that
// number"); exact decimal text (ledger amounts) is summed as integers of micro-units, never as
// floating point, so a drill-down's total is the figure to the cent.

const money = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const compactMoney = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 2 });

export function fmtMoney(value, currency) {
  if (value === null || value === undefined) {
    return '—';
  }
  return (value < 0 ? '−' : '') + symbol(currency) + money.format(Math.abs(value));
}

export function fmtCompact(value, currency) {
  if (value === null || value === undefined) {
    return '—';
  }
  return (value < 0 ? '−' : '') + symbol(currency) + compactMoney.format(Math.abs(value));
}

export function fmtCount(value) {
  return value === null || value === undefined ? '—' : whole.format(value);
}

export function fmtPct(value) {
  return value === null || value === undefined ? '—' : money.format(value) + '%';
}

export function fmt(kind, value, currency) {
  switch (kind) {
    case 'money': return fmtMoney(value, currency);
    case 'pct': return fmtPct(value);
    default: return fmtCount(value);
  }
}

function symbol(currency) {
  return { USD: '$', EUR: '€', GBP: '£', JPY: '¥' }[currency] || (currency ? currency + ' ' : '');
}

/** Exact decimal text ("-123.450000") as a BigInt of micro-units. */
export function micros(text) {
  const s = String(text).trim();
  const negative = s.startsWith('-');
  const [int, frac = ''] = s.replace(/^[-+]/, '').split('.');
  const value = BigInt(int || '0') * 1000000n + BigInt((frac + '000000').slice(0, 6));
  return negative ? -value : value;
}

/** Micro-units rounded half-even to cents, as decimal text ("-123.45"). */
export function microsToCents(value) {
  const negative = value < 0n;
  let v = negative ? -value : value;
  let cents = v / 10000n;
  const rest = v % 10000n;
  if (rest > 5000n || (rest === 5000n && cents % 2n === 1n)) {
    cents += 1n;
  }
  const text = (cents / 100n).toString() + '.' + (cents % 100n).toString().padStart(2, '0');
  return (negative && cents !== 0n ? '-' : '') + text;
}

/** Exact decimal text for display, rounded half-even to cents with thousands separators. */
export function fmtExact(text, currency) {
  const cents = microsToCents(micros(text));
  const negative = cents.startsWith('-');
  const [int, frac] = cents.replace('-', '').split('.');
  return (negative ? '−' : '') + symbol(currency)
    + int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + '.' + frac;
}

/** The change of a figure against an earlier one, as text: points for rates, percent otherwise. */
export function change(kind, now, before) {
  if (now === null || now === undefined || before === null || before === undefined) {
    return null;
  }
  if (kind === 'pct') {
    const points = now - before;
    return { text: (points >= 0 ? '+' : '−') + money.format(Math.abs(points)) + ' pts', sign: Math.sign(points) };
  }
  if (before === 0) {
    return now === 0 ? { text: '±0', sign: 0 } : { text: 'new', sign: Math.sign(now) };
  }
  const pct = (now - before) / Math.abs(before) * 100;
  return { text: (pct >= 0 ? '+' : '−') + money.format(Math.abs(pct)) + '%', sign: Math.sign(pct) };
}

/** Escapes text for HTML: every value from the data goes through it. */
export function esc(value) {
  return String(value === null || value === undefined ? '' : value)
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
