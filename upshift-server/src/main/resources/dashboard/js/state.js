// The view's state lives in the URL's fragment (#view=segments&grain=quarter&…), so a link
// reproduces the view. The fragment never reaches the server, and it holds options only: never
// the key.

/** The report options of §7.1 the dashboard sets, and the dashboard's own choices. */
const FIELDS = ['view', 'from', 'to', 'grain', 'book', 'period', 'fiscalYearStart', 'where', 'by',
  'upsellDefinition', 'rateCounting', 'minTenureMonths', 'minExpansionArr', 'excludeTopTier',
  'cohortMeasure'];

export const DEFAULT_BY = 'tenure,initial_arr,health,plan';

export function defaults() {
  return {
    view: 'overview', from: '', to: '', grain: 'month', book: 'live', period: '',
    fiscalYearStart: '1', where: '', by: DEFAULT_BY, upsellDefinition: '', rateCounting: 'any',
    minTenureMonths: '', minExpansionArr: '', excludeTopTier: '', cohortMeasure: 'rate',
  };
}

/** The state written in the fragment, over the defaults. */
export function read(hash) {
  const state = defaults();
  const params = new URLSearchParams((hash || '').replace(/^#/, ''));
  for (const field of FIELDS) {
    if (params.has(field)) {
      state[field] = params.get(field);
    }
  }
  return state;
}

/** The fragment of a state: only what differs from the defaults, so links stay short. */
export function write(state) {
  const base = defaults();
  const params = new URLSearchParams();
  for (const field of FIELDS) {
    if (state[field] !== undefined && state[field] !== base[field]) {
      params.set(field, state[field]);
    }
  }
  const text = params.toString();
  return text ? '#' + text : '#';
}

/** The report options of a state, as the query parameters of /v1/report and /v1/ledger. */
export function reportParams(state) {
  return {
    from: state.from, to: state.to, grain: state.grain, book: state.book,
    fiscalYearStart: state.fiscalYearStart === '1' ? '' : state.fiscalYearStart,
    where: state.where, upsellDefinition: state.upsellDefinition,
    rateCounting: state.rateCounting === 'any' ? '' : state.rateCounting,
    minTenureMonths: state.minTenureMonths, minExpansionArr: state.minExpansionArr,
    excludeTopTier: state.excludeTopTier === 'true' ? 'true' : '',
  };
}

/** The months of a preset range, relative to the last month with data (yyyy-MM). */
export function preset(name, lastMonth, fiscalYearStart) {
  if (name === 'all' || !lastMonth) {
    return { from: '', to: '' };
  }
  const [year, month] = lastMonth.split('-').map(Number);
  const index = year * 12 + (month - 1);
  const monthOf = (i) => Math.floor(i / 12) + '-' + String((i % 12) + 1).padStart(2, '0');
  switch (name) {
    case '12m':
      return { from: monthOf(index - 11), to: lastMonth };
    case '24m':
      return { from: monthOf(index - 23), to: lastMonth };
    case 'ytd': {
      const start = Number(fiscalYearStart || 1) - 1;
      const back = ((month - 1 - start) % 12 + 12) % 12;
      return { from: monthOf(index - back), to: lastMonth };
    }
    case '4q':
      return { from: monthOf(index - 11), to: lastMonth };
    default:
      return { from: '', to: '' };
  }
}
