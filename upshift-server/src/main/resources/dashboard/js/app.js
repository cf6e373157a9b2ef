// The dashboard's entry point: sign-in, the controls and the URL state, loading reports through
// the /v1 API, drawing the chosen view, the drill-down, and the live refresh from /v1/events.

import { Api, ApiError } from './api.js';
import { followVersions } from './events.js';
import * as url from './state.js';
import { clearCharts } from './charts.js';
import { Drill } from './drill.js';
import { esc } from './format.js';
import * as overview from './views/overview.js';
import * as segments from './views/segments.js';
import * as cohorts from './views/cohorts.js';
import * as forecast from './views/forecast.js';
import * as insights from './views/insights.js';
import * as book from './views/book.js';

/** Where the key is kept between reloads of this tab: sessionStorage, never the URL. */
const KEY_SLOT = 'upshift.key';
const VIEWS = { overview, segments, cohorts, forecast, insights, book };
const ANALYSIS_VIEWS = new Set(['cohorts', 'forecast', 'insights']);
const BUILT_IN_DIMENSIONS = ['tenure', 'initial_arr', 'health', 'plan', 'cohort'];

const $ = (selector) => document.querySelector(selector);
const app = {
  api: null,
  state: url.read(location.hash),
  stopEvents: null,
  loaded: null, // { key, version, report, contracted }
  sequence: 0,
  lastMonth: null, // the last month with data, for the range presets
  seen: new Map(), // data version → when this page first saw it
  dimensions: BUILT_IN_DIMENSIONS.slice(),
  drill: null,
};

function init() {
  $('[data-testid="sign-in-form"]').addEventListener('submit', signIn);
  $('[data-testid="sign-out"]').addEventListener('click', () => signOut(''));
  $('#controls').addEventListener('submit', (e) => {
    e.preventDefault();
    apply();
  });
  $('#controls').addEventListener('change', (e) => {
    if (e.target.name === 'preset') {
      choosePreset(e.target.value);
    } else if (e.target.name !== 'whereDim' || !e.target.value) {
      apply(); // a filter dimension waits for its value; "(everyone)" applies at once
    }
  });
  $('[data-testid="copy-link"]').addEventListener('click', copyLink);
  for (const tab of document.querySelectorAll('[data-view]')) {
    tab.addEventListener('click', (e) => {
      e.preventDefault();
      setState({ view: tab.dataset.view });
    });
  }
  $('#view').addEventListener('click', openFigure);
  window.addEventListener('hashchange', () => {
    app.state = url.read(location.hash);
    if (app.api) {
      show();
    }
  });
  const fiscal = $('[name="fiscalYearStart"]');
  ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'].forEach((m, i) => {
    fiscal.insertAdjacentHTML('beforeend', '<option value="' + (i + 1) + '">' + m + '</option>');
  });
  const key = sessionStorage.getItem(KEY_SLOT);
  if (key) {
    start(new Api(key));
  }
}

async function signIn(event) {
  event.preventDefault();
  const input = $('[data-testid="key"]');
  const error = $('[data-testid="sign-in-error"]');
  const api = new Api(input.value.trim());
  error.textContent = '';
  try {
    await api.check();
  } catch (e) {
    error.textContent = e instanceof ApiError && e.status === 401
      ? 'This key is not valid (unknown or revoked).' : 'Could not sign in: ' + e.message;
    return;
  }
  input.value = '';
  sessionStorage.setItem(KEY_SLOT, api.key);
  start(api);
}

function start(api) {
  app.api = api;
  app.drill = app.drill || new Drill(() => app.api, () => currentParams(),
    () => (app.loaded ? app.loaded.report.currency : 'USD'));
  $('#signin').hidden = true;
  $('#dashboard').hidden = false;
  $('[data-testid="session"]').hidden = false;
  loadDimensions();
  show();
  app.stopEvents = followVersions(api, (version) => {
    app.seen.has(version) || app.seen.set(version, new Date());
    if (app.loaded && version > app.loaded.version) {
      app.loaded.stale = true;
      show(); // new data: the same view, read again
    }
  }, (state) => {
    const live = $('[data-testid="live"]');
    live.dataset.state = state;
    live.textContent = state === 'live' ? '● live' : state === 'reconnecting' ? '○ reconnecting…' : '○ not live';
  });
}

/** Forgets the key everywhere: memory, the tab's storage, the open event stream, the page. */
function signOut(message) {
  if (app.stopEvents) {
    app.stopEvents();
  }
  sessionStorage.removeItem(KEY_SLOT);
  app.api = null;
  app.loaded = null;
  app.stopEvents = null;
  clearCharts();
  $('#drill').open && $('#drill').close();
  $('#view').innerHTML = '';
  $('#dashboard').hidden = true;
  $('[data-testid="session"]').hidden = true;
  $('#signin').hidden = false;
  $('[data-testid="sign-in-error"]').textContent = message || '';
}

/** The customer attributes (customers.csv columns) the segments can use, beside the built-in ones. */
async function loadDimensions() {
  try {
    const records = await app.api.customers(1);
    const extra = records.length ? Object.keys(records[0]).filter((k) => !['id', 'customer_id', 'name'].includes(k)) : [];
    app.dimensions = BUILT_IN_DIMENSIONS.concat(extra);
  } catch (e) {
    app.dimensions = BUILT_IN_DIMENSIONS.slice();
  }
  fillControls();
}

function setState(changes) {
  const next = Object.assign({}, app.state, changes);
  const hash = url.write(next);
  if (hash === (location.hash || '#')) {
    app.state = next;
    show();
  } else {
    location.hash = hash; // hashchange draws it
  }
}

/** Reads the controls into the state. */
function apply() {
  const form = $('#controls');
  const defs = [...form.querySelectorAll('[name="def"]:checked')].map((c) => c.value);
  const by = [...form.querySelectorAll('[name="by"]:checked')].map((c) => c.value);
  const whereDim = form.whereDim.value;
  const whereValue = form.whereValue.value.trim();
  setState({
    from: form.from.value, to: form.to.value, grain: form.grain.value, book: form.book.value,
    period: form.period.value === lastLabel() ? '' : form.period.value,
    fiscalYearStart: form.fiscalYearStart.value,
    where: whereDim && whereValue ? whereDim + '=' + whereValue : '',
    by: by.join(','),
    upsellDefinition: defs.length === 4 || defs.length === 0 ? '' : defs.join(','),
    rateCounting: form.rateCounting.value, minTenureMonths: form.minTenureMonths.value,
    minExpansionArr: form.minExpansionArr.value, excludeTopTier: form.excludeTopTier.checked ? 'true' : '',
  });
}

function choosePreset(name) {
  if (!name) {
    return;
  }
  const range = url.preset(name, app.lastMonth || app.state.to, app.state.fiscalYearStart);
  const quarterly = name === '4q' ? { grain: 'quarter' } : {};
  setState(Object.assign({ from: range.from, to: range.to, period: '' }, quarterly));
}

function lastLabel() {
  const periods = app.loaded ? app.loaded.report.periods : [];
  return periods.length ? periods[periods.length - 1].period : '';
}

/** The state shown in the controls. */
function fillControls() {
  const s = app.state;
  const form = $('#controls');
  form.from.value = s.from;
  form.to.value = s.to;
  form.grain.value = s.grain;
  form.book.value = s.book;
  form.fiscalYearStart.value = s.fiscalYearStart;
  form.rateCounting.value = s.rateCounting;
  form.minTenureMonths.value = s.minTenureMonths;
  form.minExpansionArr.value = s.minExpansionArr;
  form.excludeTopTier.checked = s.excludeTopTier === 'true';
  form.preset.value = '';
  const defs = s.upsellDefinition ? s.upsellDefinition.split(',') : ['tier', 'seats', 'add_on', 'cross_sell'];
  for (const box of form.querySelectorAll('[name="def"]')) {
    box.checked = defs.includes(box.value);
  }
  const by = s.by ? s.by.split(',') : [];
  const dims = app.dimensions.concat(by.filter((d) => !app.dimensions.includes(d)));
  const group = $('[data-testid="group-by"]');
  group.innerHTML = '<legend>Group segments by</legend>' + dims.map((d) => '<label><input type="checkbox" name="by" value="'
    + esc(d) + '"' + (by.includes(d) ? ' checked' : '') + ' data-testid="by-' + esc(d) + '"> ' + esc(d) + '</label>').join('');
  const [whereDim, ...rest] = s.where ? s.where.split('=') : [''];
  form.whereDim.innerHTML = '<option value="">(everyone)</option>' + dims.map((d) => '<option value="' + esc(d) + '">' + esc(d) + '</option>').join('');
  form.whereDim.value = whereDim;
  form.whereValue.value = rest.join('=');
  const values = app.loaded && app.loaded.report.segments && app.loaded.report.segments[whereDim || 'plan'];
  $('#where-values').innerHTML = values ? Object.keys(values).map((v) => '<option value="' + esc(v) + '">').join('') : '';
  const periods = app.loaded ? app.loaded.report.periods : [];
  form.period.innerHTML = periods.map((p) => '<option value="' + esc(p.period) + '">' + esc(p.period) + '</option>').join('');
  form.period.value = periodIndex() >= 0 && periods.length ? periods[periodIndex()].period : '';
  // The range the report covers, which empty From/To leave to the data.
  $('[data-testid="range"]').textContent = periods.length ? periods.length + ' ' + s.grain
    + (periods.length === 1 ? '' : 's') + ': ' + periods[0].period + ' – ' + periods[periods.length - 1].period : '';
  for (const tab of document.querySelectorAll('[data-view]')) {
    tab.setAttribute('aria-current', tab.dataset.view === s.view ? 'page' : 'false');
  }
}

/** The report options of the view (what the drill-down asks the ledger with, too). */
function currentParams() {
  return url.reportParams(app.state);
}

function periodIndex() {
  const periods = app.loaded ? app.loaded.report.periods : [];
  const at = periods.findIndex((p) => p.period === app.state.period);
  return at >= 0 ? at : periods.length - 1;
}

/** Loads what the view needs (unless already loaded at this data version) and draws it. */
async function show() {
  const state = app.state;
  const view = VIEWS[state.view] ? state.view : 'overview';
  const params = currentParams();
  if (view === 'segments') {
    params.by = state.by;
  }
  if (ANALYSIS_VIEWS.has(view)) {
    params.analysis = 'true';
  }
  const key = JSON.stringify(params) + (view === 'book' ? '+contracted' : '');
  const sequence = ++app.sequence;
  const status = $('[data-testid="status"]');
  const error = $('[data-testid="error"]');
  status.textContent = 'Loading…';
  error.textContent = '';
  try {
    let loaded = app.loaded;
    if (!loaded || loaded.key !== key || loaded.stale) {
      const report = await app.api.report(view === 'book' ? Object.assign({}, params, { book: 'live' }) : params);
      const contracted = view === 'book' ? await app.api.report(Object.assign({}, params, { book: 'contracted' })) : null;
      loaded = { key, report, contracted, version: report.dataVersion };
    }
    if (sequence !== app.sequence) {
      return; // a newer request was made meanwhile
    }
    app.loaded = loaded;
    if (!state.to && state.grain === 'month' && loaded.report.periods.length) {
      app.lastMonth = loaded.report.periods[loaded.report.periods.length - 1].period;
    }
    render(view);
    status.textContent = '';
  } catch (e) {
    if (sequence !== app.sequence) {
      return;
    }
    status.textContent = '';
    if (e instanceof ApiError && e.status === 401) {
      signOut('The key was refused (revoked?); sign in again.');
      return;
    }
    error.textContent = e.message;
  }
}

function render(view) {
  const { report, contracted, version } = app.loaded;
  fillControls();
  app.seen.has(version) || app.seen.set(version, new Date());
  const asOf = $('[data-testid="data-as-of"]');
  asOf.dataset.version = String(version);
  asOf.textContent = 'Data version ' + version + ' · as of ' + app.seen.get(version).toLocaleTimeString();
  clearCharts();
  const container = $('#view');
  container.innerHTML = '';
  container.dataset.view = view;
  if (!report.periods.length) {
    container.innerHTML = '<section class="block"><h2>No data yet</h2><p class="lede">This workspace has no phases in this range. '
      + 'Post records to /v1/phases (or run upshift import): this page refreshes itself when they arrive.</p></section>';
    return;
  }
  const context = { report, index: periodIndex(), state: app.state, setState, drill: (f) => app.drill.figure(f) };
  if (view === 'book') {
    book.render(container, { live: report, contracted });
  } else {
    VIEWS[view].render(container, context);
  }
}

/** A click on a figure (headline or table cell): the customers behind it. */
function openFigure(event) {
  const button = event.target.closest('[data-metric], [data-path]');
  if (!button || !app.loaded) {
    return;
  }
  const value = button.dataset.value;
  app.drill.figure({
    path: button.dataset.metric || button.dataset.path,
    period: button.dataset.period,
    segment: button.dataset.segment || '',
    book: button.dataset.book || '',
    label: button.dataset.label || button.dataset.metric,
    value,
    display: button.querySelector('.value') ? button.querySelector('.value').textContent : button.textContent,
  });
}

async function copyLink() {
  const status = $('[data-testid="status"]');
  try {
    await navigator.clipboard.writeText(location.href);
    status.textContent = 'Link copied: it holds the options, not the key.';
  } catch (e) {
    status.textContent = 'Copy this address: ' + location.href;
  }
}

init();
