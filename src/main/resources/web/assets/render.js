// Renders the API answers into the page. Each function takes one answer (or null before it came).

import { t, tv } from './i18n.js';
import { badge, byId, el, fillPairs, fillTable } from './dom.js';
import {
  DASH,
  directionClass,
  formatAmount,
  formatDetails,
  formatDuration,
  formatKst,
  formatMoney,
  formatPct,
  formatPrice,
  formatQty,
  signOf,
} from './format.js';

const lower = (v) => String(v ?? '').toLowerCase();
const known = (v) => v !== null && v !== undefined;

function isLive(status) {
  const trading = status.trading || {};
  return lower(status.mode) === 'live' || (trading.running && lower(trading.mode) === 'live');
}

export function renderModeBanner(status) {
  const banner = byId('mode-banner');
  if (!status) {
    return;
  }
  const live = isLive(status);
  banner.classList.toggle('mode-live', live);
  banner.classList.toggle('mode-paper', !live);
  banner.dataset.mode = live ? 'live' : 'paper';
  document.body.classList.toggle('is-live', live);
  byId('mode-name').textContent = t(live ? 'mode.live' : 'mode.paper');
  byId('mode-note').textContent = t(live ? 'mode.live.note' : 'mode.paper.note');
  const exchange = lower(status.exchange);
  const exchangeName = exchange === 'replay' || exchange === 'upbit' ? t(`exchange.${exchange}`) : status.exchange;
  byId('mode-exchange').textContent = exchangeName ? `${t('exchange.label')}: ${exchangeName}` : '';
  const killActive = Boolean(status.kill_switch && status.kill_switch.active);
  const kill = byId('mode-kill');
  kill.hidden = !killActive;
  kill.textContent = killActive ? t('mode.kill') : '';
  const clock = byId('mode-clock');
  clock.textContent = status.market_clock ? `${t('market.clock')}: ${formatKst(status.market_clock)} KST` : '';
  clock.hidden = !status.market_clock;
}

export function renderKillSwitch(status) {
  const box = byId('kill-switch-state');
  const button = byId('kill-switch-button');
  if (!status || !status.kill_switch) {
    button.disabled = true;
    return;
  }
  const ks = status.kill_switch;
  const active = Boolean(ks.active);
  box.dataset.active = String(active);
  box.classList.toggle('is-active', active);
  byId('kill-switch-pill').textContent = t(active ? 'kill.active' : 'kill.inactive');
  byId('kill-switch-hint').textContent = t(active ? 'kill.active.hint' : 'kill.inactive.hint');
  fillPairs(byId('kill-switch-info'), [
    [t('kill.reason'), ks.reason],
    [t('kill.source'), ks.source],
    [t('kill.since'), ks.since ? `${formatKst(ks.since)} KST` : null],
  ]);
  button.disabled = false;
  button.dataset.action = active ? 'deactivate' : 'activate';
  button.textContent = t(active ? 'kill.deactivate' : 'kill.activate');
  button.classList.toggle('danger', !active);
  button.classList.toggle('secondary', active);
}

function tradingLabel(trading) {
  if (trading.stopping) {
    return t('trading.stopping');
  }
  const runner = lower(trading.runner);
  if (trading.running && runner === 'other_process') {
    return t('trading.running.other');
  }
  if (trading.running) {
    return t('trading.running.here');
  }
  return t('trading.stopped');
}

export function renderTrading(status) {
  const box = byId('trading-state');
  const startPaper = byId('start-paper');
  const startLive = byId('start-live');
  const stop = byId('stop-trading');
  if (!status || !status.trading) {
    [startPaper, startLive, stop].forEach((b) => {
      b.disabled = true;
    });
    return;
  }
  const trading = status.trading;
  const runner = lower(trading.runner) || 'none';
  box.dataset.runner = runner;
  box.dataset.running = String(Boolean(trading.running));
  box.classList.toggle('is-running', Boolean(trading.running));
  byId('trading-pill').textContent = tradingLabel(trading);
  const mode = trading.mode || (trading.running ? null : status.mode);
  fillPairs(byId('trading-info'), [
    [t('trading.mode'), mode ? tv('mode', mode) : null, lower(mode) === 'live' ? 'text-live' : ''],
    [t('trading.started'), trading.started_at ? `${formatKst(trading.started_at)} KST` : null],
    [t('trading.stopped.at'), !trading.running && trading.stopped_at ? `${formatKst(trading.stopped_at)} KST` : null],
    [t('trading.last.error'), trading.last_error, 'text-error'],
  ]);
  const hint = byId('trading-hint');
  hint.hidden = runner !== 'other_process';
  hint.textContent = hint.hidden ? '' : t('trading.other.hint');
  startPaper.disabled = Boolean(trading.running);
  startLive.disabled = Boolean(trading.running);
  stop.disabled = !(trading.running && runner === 'this_server') || Boolean(trading.stopping);
}

export function renderLastTicks(status) {
  const ticks = (status && status.last_ticks) || [];
  fillTable(
    byId('last-ticks-table'),
    ticks.map((tick) => ({
      cells: [
        { text: tick.symbol, cls: 'sym' },
        { text: formatKst(tick.time), title: tick.wall_time ? `${t('ticks.wall')}: ${formatKst(tick.wall_time)} KST` : null },
        badge(tv('action', tick.action), `action-${lower(tick.action)}`, tick.action),
        formatPrice(tick.price),
      ],
      note: tick.detail,
    })),
  );
}

export function renderFooter(status) {
  if (!status) {
    return;
  }
  const parts = [
    status.version ? t('footer.version', { version: status.version }) : null,
    t('footer.uptime', { uptime: formatDuration(status.uptime_seconds) }),
    status.server_time ? t('footer.server', { time: `${formatKst(status.server_time)} KST` }) : null,
    status.quote_currency ? t('footer.quote', { currency: status.quote_currency }) : null,
  ];
  byId('server-info').textContent = parts.filter(Boolean).join(' · ');
}

function setSigned(node, amountText, value) {
  node.textContent = amountText;
  node.classList.remove('up', 'down', 'flat');
  node.classList.add(directionClass(value));
}

/** An amount and its percentage, coloured by the sign of the amount; a single dash when unknown. */
function setPnlPair(node, amount, pct, cur) {
  node.classList.remove('up', 'down', 'flat');
  if (amount === null || amount === undefined) {
    node.textContent = DASH;
    return;
  }
  node.replaceChildren(
    el('span', { cls: 'amount', text: formatMoney(amount, cur, true) }),
    ' ',
    el('span', { cls: 'pct', text: formatPct(pct) }),
  );
  node.classList.add(directionClass(amount));
}

export function renderPnl(pnl) {
  if (!pnl) {
    return;
  }
  const cur = pnl.currency || 'KRW';
  byId('equity').textContent = formatMoney(pnl.equity, cur);
  byId('equity-sub').textContent = pnl.as_of ? t('summary.equity.sub', { time: `${formatKst(pnl.as_of)} KST` }) : '';

  setPnlPair(byId('today-pnl'), pnl.today_pnl, pnl.today_pnl_pct, cur);
  byId('today-sub').textContent =
    known(pnl.today_realized_pnl) || known(pnl.unrealized_pnl)
      ? t('summary.today.sub', {
          realized: formatMoney(pnl.today_realized_pnl, cur, true),
          unrealized: formatMoney(pnl.unrealized_pnl, cur, true),
        })
      : '';
  byId('today-day').textContent = pnl.day ? t('summary.today.day', { day: pnl.day }) : '';

  setPnlPair(byId('since-inception'), pnl.since_inception_pnl, pnl.since_inception_pct, cur);
  byId('inception-sub').textContent =
    known(pnl.inception_equity)
      ? t('summary.inception.sub', { equity: formatMoney(pnl.inception_equity, cur) })
      : '';

  setSigned(byId('realized-total'), formatMoney(pnl.realized_pnl_total, cur, true), pnl.realized_pnl_total);
  byId('fees-total').textContent = formatMoney(pnl.fees_total, cur);
}

export function renderBalances(answer, quote) {
  const balances = (answer && answer.balances) || [];
  const isQuote = (cur) => String(cur || '').toUpperCase() === String(quote || 'KRW').toUpperCase();
  const amountOf = (cur) => (v) => (isQuote(cur) ? formatAmount(v, cur) : formatQty(v));
  fillTable(
    byId('balances-table'),
    balances.map((b) => {
      const fmt = amountOf(b.currency);
      return [{ text: b.currency, cls: 'sym' }, fmt(b.free), fmt(b.locked), { text: fmt(b.total), cls: 'strong' }];
    }),
  );
  byId('balances-time').textContent =
    answer && answer.time ? t('balances.time', { time: `${formatKst(answer.time)} KST` }) : '';
  renderExternal(balances.filter((b) => signOf(b.external) > 0), quote, amountOf);
}

/** Coins the exchange holds that the trader did not buy: apart, and only when there are any. */
function renderExternal(external, quote, amountOf) {
  byId('external-box').hidden = !external.length;
  fillTable(
    byId('external-table'),
    external.map((b) => [
      { text: b.currency, cls: 'sym' },
      { text: amountOf(b.currency)(b.external), cls: 'strong' },
      amountOf(b.currency)(b.total),
      known(b.external_value)
        ? formatAmount(b.external_value, quote)
        : { text: t('external.value.none'), cls: 'muted' },
    ]),
  );
}

function positionPrice(p) {
  return {
    text: formatPrice(p.price),
    title: p.price_time ? `${formatKst(p.price_time)} KST` : t('positions.price.none'),
    cls: p.price_time ? '' : 'muted',
  };
}

export function renderPositions(answer, quote) {
  const all = (answer && answer.positions) || [];
  fillTable(
    byId('positions-table'),
    all
      .filter((p) => !p.dust)
      .map((p) => {
        const cls = directionClass(p.unrealized_pnl);
        return [
          { text: p.symbol, cls: 'sym' },
          formatQty(p.quantity),
          formatPrice(p.average_price),
          positionPrice(p),
          formatAmount(p.value, quote),
          formatAmount(p.cost, quote),
          { text: formatAmount(p.unrealized_pnl, quote, true), cls: `${cls} strong` },
          { text: formatPct(p.unrealized_pnl_pct), cls },
        ];
      }),
  );
  renderDust(all.filter((p) => p.dust), quote);
}

/** Positions worth less than the minimum order: apart, and only when there are any. */
function renderDust(dust, quote) {
  byId('dust-box').hidden = !dust.length;
  fillTable(
    byId('dust-table'),
    dust.map((p) => [
      { text: p.symbol, cls: 'sym' },
      formatQty(p.quantity),
      formatPrice(p.average_price),
      positionPrice(p),
      formatAmount(p.value, quote),
      { text: formatAmount(p.unrealized_pnl, quote, true), cls: directionClass(p.unrealized_pnl) },
    ]),
  );
}

function sideBadge(side) {
  const s = lower(side);
  return badge(tv('side', side), s === 'buy' ? 'side-buy' : s === 'sell' ? 'side-sell' : '');
}

function statusBadge(status) {
  return badge(tv('status', status), `status-${lower(status)}`, status);
}

function orderPrice(order) {
  if ((order.price === null || order.price === undefined) && lower(order.type) === 'market') {
    return { text: t('orders.market.price'), cls: 'muted' };
  }
  return formatPrice(order.price);
}

export function renderOpenOrders(answer) {
  const orders = (answer && answer.orders) || [];
  fillTable(
    byId('open-orders-table'),
    orders.map((o) => [
      formatKst(o.created_at),
      { text: o.symbol, cls: 'sym' },
      sideBadge(o.side),
      tv('type', o.type),
      orderPrice(o),
      formatQty(o.quantity),
      formatQty(o.filled_quantity),
      statusBadge(o.status),
      reasonCell(o),
    ]),
  );
}

/** Why the order is where it is, e.g. the trader cancelling it for a timeout. */
function reasonCell(order) {
  return { text: order.status_reason || DASH, cls: 'wrap', title: order.status_reason };
}

export function renderOrders(answer) {
  const orders = (answer && answer.orders) || [];
  fillTable(
    byId('orders-table'),
    orders.map((o) => [
      formatKst(o.created_at),
      { text: o.symbol, cls: 'sym' },
      sideBadge(o.side),
      tv('type', o.type),
      orderPrice(o),
      formatQty(o.quantity),
      formatQty(o.filled_quantity),
      statusBadge(o.status),
      reasonCell(o),
      { text: shortId(o.client_order_id), cls: 'mono', title: idTitle(o) },
    ]),
  );
  const total = answer ? Number(answer.total) || 0 : 0;
  const limit = answer ? Number(answer.limit) || 1 : 1;
  const offset = answer ? Number(answer.offset) || 0 : 0;
  const pages = Math.max(1, Math.ceil(total / limit));
  const page = Math.min(pages, Math.floor(offset / limit) + 1);
  byId('orders-page').textContent = answer ? t('orders.page', { page, pages, total: total.toLocaleString('en-US') }) : DASH;
  byId('orders-prev').disabled = !answer || offset <= 0;
  byId('orders-next').disabled = !answer || offset + limit >= total;
}

function shortId(id) {
  if (!id) {
    return DASH;
  }
  const s = String(id);
  return s.length > 12 ? `${s.slice(0, 8)}…` : s;
}

function idTitle(order) {
  return [order.client_order_id, order.exchange_order_id].filter(Boolean).join(' / ');
}

export function renderSafety(answer) {
  const events = (answer && answer.events) || [];
  fillTable(
    byId('safety-table'),
    events.map((e) => {
      const details = formatDetails(e.details);
      return [
        formatKst(e.time),
        badge(tv('severity', e.severity), `sev-${lower(e.severity)}`, e.severity),
        { text: tv('safety', e.type), title: e.type },
        { text: e.symbol || DASH, cls: 'sym' },
        { text: e.message, cls: 'wrap' },
        { text: details, cls: 'wrap detail', title: details },
      ];
    }),
  );
}

export function renderDecisions(answer) {
  const decisions = (answer && answer.decisions) || [];
  fillTable(
    byId('decisions-table'),
    decisions.map((d) => {
      const verdict = String(d.decision ?? '').toUpperCase();
      const cls = verdict === 'REJECTED' ? 'dec-rejected' : verdict === 'APPROVED' ? 'dec-approved' : '';
      return [
        formatKst(d.time),
        tv('kind', d.kind),
        { text: d.symbol || DASH, cls: 'sym' },
        d.side ? sideBadge(d.side) : DASH,
        badge(tv('decision', d.decision), cls, d.decision),
        d.check ? { text: tv('check', d.check), title: d.check } : DASH,
        { text: d.reason || DASH, cls: 'wrap', title: formatDetails(d.details) },
        d.notional ? formatAmount(d.notional) : DASH,
      ];
    }),
  );
}

export function renderAudit(answer) {
  const events = (answer && answer.events) || [];
  fillTable(
    byId('audit-table'),
    events.map((e) => [
      formatKst(e.time),
      { text: tv('audit', e.action), title: e.action },
      { text: e.who || DASH, cls: 'mono' },
      { text: tv('result', e.result), title: e.result, cls: `result-${lower(e.result)}` },
      { text: e.detail || DASH, cls: 'wrap', title: e.detail },
    ]),
  );
}
