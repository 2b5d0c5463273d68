// The dashboard: session, two refresh groups (5 s and 15 s) that never stack, and re-rendering
// everything from the last answers when the language changes.

import { initI18n, onLangChange } from './i18n.js';
import { byId } from './dom.js';
import { getJson, loadSession, onUnauthorized, postJson, withQuery } from './api.js';
import { errorText, formatKst } from './format.js';
import { PriceChart, EquityChart } from './charts.js';
import { initControls } from './controls.js';
import * as view from './render.js';

const FAST_MS = 5000;
const SLOW_MS = 15000;
const ORDERS_PAGE_SIZE = 20;
const SYMBOL_KEY = 'coin-trader.chart-symbol';

const state = {
  session: null,
  status: null,
  balances: null,
  positions: null,
  pnl: null,
  openOrders: null,
  orders: null,
  safety: null,
  decisions: null,
  audit: null,
  ordersOffset: 0,
  decisionsKind: '',
  chartSymbol: null,
  lastUpdated: null,
  errors: { fast: null, slow: null },
  leaving: false,
  controlEpoch: 0,
};

let priceChart = null;
let equityChart = null;
let ordersSeq = 0;
let decisionsSeq = 0;
let priceSeq = 0;

function quote() {
  return (state.status && state.status.quote_currency) || (state.pnl && state.pnl.currency) || 'KRW';
}

function goToLogin() {
  if (!state.leaving) {
    state.leaving = true;
    window.location.assign('/login');
  }
}

async function ensureSession() {
  if (!state.session) {
    state.session = await loadSession();
    byId('logout-button').hidden = !state.session.auth_required;
  }
  return state.session;
}

// ---- loaders: each fetches one answer, keeps it and renders its part ----

async function loadStatus() {
  // A status asked for before a control action answered may predate it: drop it, the rerun follows.
  const epoch = state.controlEpoch;
  const answer = await getJson('/api/status');
  if (epoch === state.controlEpoch) {
    state.status = answer;
    renderStatus();
  }
}

async function loadBalances() {
  state.balances = await getJson('/api/balances');
  view.renderBalances(state.balances, quote());
}

async function loadPositions() {
  state.positions = await getJson('/api/positions');
  view.renderPositions(state.positions, quote());
}

async function loadPnl() {
  state.pnl = await getJson('/api/pnl');
  view.renderPnl(state.pnl);
}

async function loadOpenOrders() {
  state.openOrders = await getJson('/api/orders/open');
  view.renderOpenOrders(state.openOrders);
}

async function loadOrders() {
  const seq = ++ordersSeq;
  const answer = await getJson(withQuery('/api/orders', { limit: ORDERS_PAGE_SIZE, offset: state.ordersOffset }));
  if (seq !== ordersSeq) {
    return;
  }
  const total = Number(answer.total) || 0;
  if (state.ordersOffset > 0 && state.ordersOffset >= total) {
    // The page ran past the end (fewer orders than before): show the last page instead.
    state.ordersOffset = Math.max(0, Math.floor((total - 1) / ORDERS_PAGE_SIZE) * ORDERS_PAGE_SIZE);
    await loadOrders();
    return;
  }
  state.orders = answer;
  view.renderOrders(state.orders);
}

async function loadSafety() {
  state.safety = await getJson(withQuery('/api/safety-events', { limit: 50 }));
  view.renderSafety(state.safety);
}

async function loadDecisions() {
  const seq = ++decisionsSeq;
  const answer = await getJson(withQuery('/api/decisions', { limit: 50, kind: state.decisionsKind }));
  if (seq === decisionsSeq) {
    state.decisions = answer;
    view.renderDecisions(state.decisions);
  }
}

async function loadAudit() {
  state.audit = await getJson(withQuery('/api/audit', { limit: 20 }));
  view.renderAudit(state.audit);
}

async function loadPriceChart() {
  const symbol = state.chartSymbol;
  if (!symbol) {
    priceChart.update(null);
    return;
  }
  const seq = ++priceSeq;
  const answer = await getJson(withQuery('/api/charts/price', { symbol, limit: 500 }));
  if (seq === priceSeq && symbol === state.chartSymbol) {
    priceChart.update(answer);
  }
}

async function loadEquityChart() {
  equityChart.update(await getJson(withQuery('/api/charts/equity', { points: 500 })));
}

// ---- rendering helpers ----

function renderStatus() {
  const s = state.status;
  view.renderModeBanner(s);
  view.renderKillSwitch(s);
  view.renderTrading(s);
  view.renderLastTicks(s);
  view.renderFooter(s);
  syncSymbols(s ? s.symbols : null);
}

function storedSymbol() {
  try {
    return window.localStorage.getItem(SYMBOL_KEY);
  } catch (e) {
    return null;
  }
}

function syncSymbols(symbols) {
  const select = byId('chart-symbol');
  const list = Array.isArray(symbols) ? symbols.map(String) : [];
  const current = Array.from(select.options).map((o) => o.value);
  if (list.join('\n') !== current.join('\n')) {
    select.replaceChildren(
      ...list.map((sym) => {
        const option = document.createElement('option');
        option.value = sym;
        option.textContent = sym;
        return option;
      }),
    );
  }
  if (!list.length) {
    state.chartSymbol = null;
    return;
  }
  if (!list.includes(state.chartSymbol)) {
    const remembered = storedSymbol();
    state.chartSymbol = list.includes(remembered) ? remembered : list[0];
  }
  select.value = state.chartSymbol;
}

function renderAll() {
  renderStatus();
  view.renderPnl(state.pnl);
  view.renderBalances(state.balances, quote());
  view.renderPositions(state.positions, quote());
  view.renderOpenOrders(state.openOrders);
  view.renderOrders(state.orders);
  view.renderSafety(state.safety);
  view.renderDecisions(state.decisions);
  view.renderAudit(state.audit);
  renderFreshness();
  priceChart.relabel();
  equityChart.relabel();
}

function renderFreshness() {
  const node = byId('last-updated');
  const error = state.errors.fast || state.errors.slow;
  node.textContent = state.lastUpdated ? `${formatKst(state.lastUpdated)} KST` : '—';
  node.classList.toggle('stale', Boolean(error));
  byId('last-updated-stale').hidden = !error || !state.lastUpdated;
  const banner = byId('error-banner');
  banner.textContent = error ? errorText(error) : '';
  banner.hidden = !error;
}

// ---- refresh groups ----

/** A set of loaders run together; a tick while it runs is skipped, a forced run queues one rerun. */
function refreshGroup(name, loaders) {
  let running = false;
  let again = false;
  return async function run(force = false) {
    if (running) {
      again = again || force;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        const results = await Promise.allSettled(loaders.map((load) => load()));
        const failure = results.find((r) => r.status === 'rejected');
        state.errors[name] = failure ? failure.reason : null;
        if (!failure) {
          state.lastUpdated = new Date();
        }
        renderFreshness();
      } while (again && !state.leaving);
    } finally {
      running = false;
    }
  };
}

const refreshFast = refreshGroup('fast', [loadStatus, loadBalances, loadPositions, loadPnl, loadOpenOrders]);
const refreshSlow = refreshGroup('slow', [
  loadOrders,
  loadSafety,
  loadDecisions,
  loadAudit,
  loadPriceChart,
  loadEquityChart,
]);

function tick(run) {
  if (!document.hidden && !state.leaving) {
    run();
  }
}

// ---- wiring ----

function wireInputs() {
  byId('orders-prev').addEventListener('click', () => {
    state.ordersOffset = Math.max(0, state.ordersOffset - ORDERS_PAGE_SIZE);
    loadOrders().catch(showError);
  });
  byId('orders-next').addEventListener('click', () => {
    state.ordersOffset += ORDERS_PAGE_SIZE;
    loadOrders().catch(showError);
  });
  byId('decisions-kind').addEventListener('change', (event) => {
    state.decisionsKind = event.target.value;
    loadDecisions().catch(showError);
  });
  byId('chart-symbol').addEventListener('change', (event) => {
    state.chartSymbol = event.target.value;
    try {
      window.localStorage.setItem(SYMBOL_KEY, state.chartSymbol);
    } catch (e) {
      // Storage may be refused; the choice then lasts for this page only.
    }
    priceChart.clear();
    loadPriceChart().catch(showError);
  });
  byId('logout-button').addEventListener('click', async () => {
    try {
      await ensureSession();
      await postJson('/api/logout', {});
    } catch (err) {
      showError(err);
      return;
    }
    goToLogin();
  });
  document.addEventListener('visibilitychange', () => {
    if (!document.hidden) {
      refreshFast();
      refreshSlow();
    }
  });
}

function showError(err) {
  state.errors.slow = err;
  renderFreshness();
}

async function start() {
  initI18n(byId('lang-toggle'), 'page.title');
  onUnauthorized(goToLogin);
  priceChart = new PriceChart(byId('price-chart'), byId('price-chart-empty'));
  equityChart = new EquityChart(byId('equity-chart'), byId('equity-chart-empty'));
  onLangChange(renderAll);
  wireInputs();
  initControls({
    ensureSession,
    status: () => state.status,
    applyAnswer: (answer) => {
      state.controlEpoch += 1;
      if (state.status && answer && answer.kill_switch) {
        state.status.kill_switch = answer.kill_switch;
      } else if (state.status && answer && typeof answer.running === 'boolean') {
        state.status.trading = answer;
      }
      renderStatus();
    },
    refreshNow: () => {
      state.controlEpoch += 1;
      refreshFast(true);
      loadAudit().catch(showError);
    },
  });
  renderAll();

  try {
    const session = await ensureSession();
    if (session.auth_required && !session.authenticated) {
      goToLogin();
      return;
    }
  } catch (err) {
    // The refresh below shows the banner; the session is asked again before any POST.
    state.errors.fast = err;
    renderFreshness();
  }
  await refreshFast();
  await refreshSlow();
  document.body.dataset.loaded = 'true';
  window.setInterval(() => tick(refreshFast), FAST_MS);
  window.setInterval(() => tick(refreshSlow), SLOW_MS);
}

start();
