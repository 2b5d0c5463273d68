// Charts of the backtest report, drawn with the inlined uPlot from the JSON in #report-data.
// Times are epoch seconds shown in UTC; buys are red triangles up, sells blue triangles down.
(function () {
  'use strict';

  const COLORS = {
    axis: '#5d6b7c',
    grid: 'rgba(93, 107, 124, 0.15)',
    strategy: '#0f9d74',
    strategyFill: 'rgba(15, 157, 116, 0.10)',
    hold: '#8a94a3',
    holdFill: 'rgba(138, 148, 163, 0.10)',
    price: '#1b2430',
    fast: '#e29a00',
    slow: '#8a5cf6',
    buy: '#e0303d',
    sell: '#1f6fe5',
    markerEdge: '#ffffff',
  };
  const HEIGHT = 320;
  const S = 1;
  const M = 60;
  const H = 3600;
  const D = 86400;
  // 24-hour UTC tick labels: [minimum step, label, first/new-year, new-month, new-day, ...].
  const TIME_VALUES = [
    [365 * D, '{YYYY}', null, null, null, null, null, null, 1],
    [28 * D, '{YYYY}-{MM}', null, null, null, null, null, null, 1],
    [D, '{MM}-{DD}', '\n{YYYY}', null, null, null, null, null, 1],
    [H, '{HH}:{mm}', '\n{YYYY}-{MM}-{DD}', null, '\n{MM}-{DD}', null, null, null, 1],
    [M, '{HH}:{mm}', '\n{YYYY}-{MM}-{DD}', null, '\n{MM}-{DD}', null, null, null, 1],
    [S, '{HH}:{mm}:{ss}', '\n{YYYY}-{MM}-{DD}', null, '\n{MM}-{DD}', null, null, null, 1],
  ];

  function utc(ts) {
    return ts === null || ts === undefined ? '-' : new Date(ts * 1000).toISOString().slice(0, 16).replace('T', ' ');
  }

  function number(v, digits) {
    if (v === null || v === undefined || !Number.isFinite(v)) {
      return '-';
    }
    return v.toLocaleString('en-US', { maximumFractionDigits: digits });
  }

  function axis(extra) {
    return Object.assign({
      stroke: COLORS.axis,
      grid: { stroke: COLORS.grid, width: 1 },
      ticks: { stroke: COLORS.grid, width: 1 },
      font: '11px system-ui, sans-serif',
    }, extra || {});
  }

  function valueAxis(digits, suffix) {
    return axis({
      values: (u, splits) => splits.map((v) => number(v, digits) + (suffix || '')),
      size: (u, values) => Math.ceil((values || []).reduce((m, v) => Math.max(m, String(v).length), 4) * 7 + 18),
    });
  }

  function line(label, stroke, extra) {
    return Object.assign({
      label: label,
      stroke: stroke,
      width: 1.5,
      points: { show: false },
      value: (u, v) => number(v, 2),
    }, extra || {});
  }

  function options(host, series, valueDigits, suffix, hooks) {
    return {
      width: widthOf(host),
      height: HEIGHT,
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
      scales: { x: { time: true } },
      cursor: { drag: { x: true, y: false }, points: { size: 6 } },
      legend: { live: true },
      axes: [axis({ values: TIME_VALUES }), valueAxis(valueDigits, suffix)],
      series: [{ label: '시간 (time, UTC)', value: (u, ts) => utc(ts) }].concat(series),
      hooks: hooks || {},
    };
  }

  function widthOf(host) {
    return Math.max(300, Math.floor(host.clientWidth));
  }

  function triangle(ctx, x, y, size, up) {
    const half = size / 2;
    ctx.beginPath();
    if (up) {
      ctx.moveTo(x, y - size * 0.6);
      ctx.lineTo(x + half, y + size * 0.4);
      ctx.lineTo(x - half, y + size * 0.4);
    } else {
      ctx.moveTo(x, y + size * 0.6);
      ctx.lineTo(x + half, y - size * 0.4);
      ctx.lineTo(x - half, y - size * 0.4);
    }
    ctx.closePath();
    ctx.fill();
    ctx.stroke();
  }

  function drawFills(u, fills) {
    const ctx = u.ctx;
    const box = u.bbox;
    const ratio = window.devicePixelRatio || 1;
    const size = 10 * ratio;
    ctx.save();
    ctx.lineWidth = ratio;
    ctx.strokeStyle = COLORS.markerEdge;
    fills.forEach((f) => {
      const x = u.valToPos(f[0], 'x', true);
      const y = u.valToPos(f[1], 'y', true);
      if (x < box.left || x > box.left + box.width || y < box.top || y > box.top + box.height) {
        return;
      }
      const buy = f[2] === 'B';
      ctx.fillStyle = buy ? COLORS.buy : COLORS.sell;
      triangle(ctx, x, y, size, buy);
    });
    ctx.restore();
  }

  function equityChart(host, d) {
    const series = [
      line('전략 (strategy)', COLORS.strategy, { width: 2 }),
      line('매수 후 보유 (buy-and-hold)', COLORS.hold),
    ];
    return new uPlot(options(host, series, 0, ''), [d.t, d.strategy, d.buyAndHold], host);
  }

  function drawdownChart(host, d) {
    const pct = (u, v) => (v === null || v === undefined ? '-' : v.toFixed(2) + ' %');
    const series = [
      line('전략 (strategy)', COLORS.strategy, { fill: COLORS.strategyFill, value: pct }),
      line('매수 후 보유 (buy-and-hold)', COLORS.hold, { fill: COLORS.holdFill, value: pct }),
    ];
    return new uPlot(options(host, series, 1, ' %'), [d.t, d.strategy, d.buyAndHold], host);
  }

  function priceChart(host, s) {
    const series = [
      line('종가 (close)', COLORS.price, { width: 1.5 }),
      line('단기 EMA (fast)', COLORS.fast, { width: 1.25 }),
      line('장기 EMA (slow)', COLORS.slow, { width: 1.25 }),
    ];
    const hooks = { draw: [(u) => drawFills(u, s.fills)] };
    return new uPlot(options(host, series, 8, '', hooks), [s.t, s.close, s.fast, s.slow], host);
  }

  function render() {
    const data = JSON.parse(document.getElementById('report-data').textContent);
    const charts = [];
    charts.push(equityChart(document.getElementById('chart-equity'), data.equity));
    charts.push(drawdownChart(document.getElementById('chart-drawdown'), data.drawdown));
    data.symbols.forEach((s, i) => {
      charts.push(priceChart(document.getElementById('chart-price-' + i), s));
    });
    window.addEventListener('resize', () => {
      charts.forEach((c) => c.setSize({ width: widthOf(c.root.parentNode), height: HEIGHT }));
    });
    document.body.setAttribute('data-rendered', 'true');
  }

  try {
    render();
  } catch (e) {
    const message = document.createElement('p');
    message.className = 'render-error';
    message.textContent = '차트를 그리지 못했습니다 (the charts could not be drawn): ' + e;
    document.body.prepend(message);
    throw e;
  }
})();
