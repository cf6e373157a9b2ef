// What each figure is and which ledger rows make it: the §7.2 path of a figure, how to show it,
// and the /v1/ledger component and §7.3 column whose sum over the rows is the figure.

/** The first screen's headline figures, in order. */
export const HEADLINES = [
  { path: 'arr.ending', label: 'Ending ARR', kind: 'money' },
  { path: 'arr.netNew', label: 'Net new ARR', kind: 'money' },
  { path: 'arr.upsell', label: 'Upsell ARR', kind: 'money' },
  { path: 'arr.expansion', label: 'Expansion ARR', kind: 'money' },
  { path: 'upsellUsers', label: 'Upsell Users', kind: 'count' },
  { path: 'ratios.upsellUsersShareOfLogos', label: 'Upsell Users, share of logos', kind: 'pct' },
  { path: 'upsellRate.rate', label: 'Upsell Rate', kind: 'pct' },
  { path: 'seats.ending', label: 'Total Users', kind: 'count' },
  { path: 'retention.nrr', label: 'NRR', kind: 'pct' },
  { path: 'retention.grr', label: 'GRR', kind: 'pct' },
];

/** The ARR bridge's steps, between starting and ending ARR (§5.1; upsellRamp is inside upsell). */
export const BRIDGE = [
  { key: 'newLogo', label: 'New logo' },
  { key: 'reactivation', label: 'Reactivation' },
  { key: 'upsell', label: 'Upsell' },
  { key: 'addOnSeats', label: 'Add-on seats' },
  { key: 'addOnPrice', label: 'Add-on price' },
  { key: 'crossSell', label: 'Cross-sell' },
  { key: 'contraction', label: 'Contraction' },
  { key: 'churn', label: 'Churn' },
];

/** The Total Users waterfall's steps (§5.3). */
export const SEATS = [
  { key: 'new', label: 'New' },
  { key: 'expansion', label: 'Expansion' },
  { key: 'churned', label: 'Churned' },
  { key: 'downgraded', label: 'Downgraded' },
];

const SNAKE = {
  newLogo: 'new_logo', addOnSeats: 'add_on_seats', addOnPrice: 'add_on_price',
  crossSell: 'cross_sell', reductionSeats: 'reduction_seats', reductionPrice: 'reduction_price',
  productChurn: 'product_churn', netNew: 'net_new', upsellRamp: 'ramp',
};

/**
 * The rows behind a figure: `component` for /v1/ledger (null: every row of the period), the
 * ledger `column` summed (null: the rows are counted) and a note for figures that are ratios.
 * Null when no ledger rows make the figure.
 */
export function drillOf(path) {
  const [group, field] = path.split('.');
  if (group === 'arr') {
    if (field === 'starting') return { component: null, column: 'arr_start' };
    if (field === 'ending') return { component: null, column: 'arr_end' };
    return { component: field, column: SNAKE[field] || field };
  }
  if (group === 'seats') {
    if (field === 'starting') return { component: null, column: 'seats_start' };
    if (field === 'ending') return { component: null, column: 'seats_end' };
    // new, expansion, churned, downgraded: the rows of that step, whose seat movements sum to it
    return { component: 'seats' + field[0].toUpperCase() + field.slice(1), column: 'seat_movement' };
  }
  switch (path) {
    case 'upsellUsers':
      return { component: 'upsellUsers', column: null };
    case 'ratios.upsellUsersShareOfLogos':
      return { component: 'upsellUsers', column: null,
        note: 'the Upsell Users; the share divides their count by the logos at the start' };
    case 'upsellRate.rate':
      return { component: 'upsold', column: null,
        note: 'the upsold customers; the rate divides their count by the eligible customers' };
    case 'upsellRate.upsold':
      return { component: 'upsold', column: null };
    case 'upsellRate.eligible':
      return { component: 'eligible', column: null };
    case 'upsellRate.upsoldArr':
      return { component: 'upsold', column: 'upsold_arr' };
    case 'retention.nrr':
    case 'retention.grr':
      return { component: null, column: 'arr_end',
        note: 'every customer of the period; NRR and GRR compare the ending with the starting ARR'
          + ' of those active at the start' };
    default:
      return null;
  }
}

/** A figure of a period object by its §7.2 path. */
export function valueAt(period, path) {
  return path.split('.').reduce((node, key) => (node == null ? null : node[key]), period);
}

/** The ledger column of a component (for the drill-down's amount column). */
export function columnOf(component) {
  return SNAKE[component] || component;
}
