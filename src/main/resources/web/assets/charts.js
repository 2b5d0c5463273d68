// uPlot charts (window.uPlot from the bundled iife build): price with EMAs and fills, equity.
// The time axis and legend are in KST; buys are red triangles up, sells blue triangles down.

import { t } from './i18n.js';
import { epochSeconds, formatChartNumber, formatKst } from './format.js';

const COLORS = {
  axis: '#9aa4b2',
  grid: 'rgba(154, 164, 178, 0.14)',
  price: '#e8ecf1',
  fast: '#f5b942',
  slow: '#b48cff',
  equity: '#3ccf9e',
  equityFill: 'rgba(60, 207, 158, 0.10)',
  buy: '#ff4d5a',
  sell: '#3d8bff',
  markerEdge: '#0f1216',
};

const S = 1;
const M = 60;
const H = 3600;
const D = 86400;

// 24-hour KST tick labels: [minimum step, label, first/new-year, new-month, new-day, ...].
const TIME_VALUES = [
  [365 * D, '{YYYY}', null, null, null, null, null, null, 1],
  [28 * D, '{YYYY}-{MM}', null, null, null, null, null, null, 1],
  [D, '{MM}-{DD}', '\n{YYYY}', null, null, null, null, null, 1],
  [H, '{HH}:{mm}', '\n{YYYY}-{MM}-{DD}', null, '\n{MM}-{DD}', null, null, null, 1],
  [M, '{HH}:{mm}', '\n{YYYY}-{MM}-{DD}', null, '\n{MM}-{DD}', null, null, null, 1],
  [S, '{HH}:{mm}:{ss}', '\n{YYYY}-{MM}-{DD}', null, '\n{MM}-{DD}', null, null, null, 1],
];

function uPlotLib() {
  return window.uPlot || null;
}

function axisStyle() {
  return {
    stroke: COLORS.axis,
    grid: { stroke: COLORS.grid, width: 1 },
    ticks: { stroke: COLORS.grid, width: 1 },
    font: '11px system-ui, sans-serif',
  };
}

function valueAxis() {
  return {
    ...axisStyle(),
    values: (u, splits) => splits.map((v) => formatChartNumber(v)),
    size: (u, values) => {
      const longest = (values || []).reduce((max, v) => Math.max(max, String(v).length), 4);
      return Math.ceil(longest * 7 + 18);
    },
  };
}

function timeSeries() {
  return {
    label: t('chart.time'),
    value: (u, ts) => (ts === null || ts === undefined ? '—' : formatKst(ts * 1000)),
  };
}

function lineSeries(labelKey, stroke, extra = {}) {
  return {
    label: t(labelKey),
    stroke,
    width: 1.5,
    spanGaps: true,
    points: { show: false },
    value: (u, v) => formatChartNumber(v),
    ...extra,
  };
}

/** A triangle centred on (x, y) in canvas pixels, pointing up or down. */
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
  if (!fills.length) {
    return;
  }
  const { ctx, bbox } = u;
  const size = 11 * (window.devicePixelRatio || 1);
  ctx.save();
  ctx.lineWidth = Math.max(1, window.devicePixelRatio || 1);
  ctx.strokeStyle = COLORS.markerEdge;
  fills.forEach((f) => {
    const x = u.valToPos(f.time, 'x', true);
    const y = u.valToPos(f.price, 'y', true);
    const inside = x >= bbox.left && x <= bbox.left + bbox.width && y >= bbox.top && y <= bbox.top + bbox.height;
    if (!inside) {
      return;
    }
    ctx.fillStyle = f.buy ? COLORS.buy : COLORS.sell;
    triangle(ctx, x, y, size, f.buy);
  });
  ctx.restore();
}

/**
 * One uPlot chart in a host element, sized to the host's width, recreated on a language change
 * (uPlot labels are fixed at construction) and updated in place otherwise.
 */
class TimeChart {
  constructor(host, emptyEl, height) {
    this.host = host;
    this.emptyEl = emptyEl;
    this.baseHeight = height;
    this.plot = null;
    this.data = null;
    this.lastWidth = 0;
    if (window.ResizeObserver) {
      this.observer = new ResizeObserver(() => this.resize());
      this.observer.observe(host);
    } else {
      window.addEventListener('resize', () => this.resize());
    }
  }

  height() {
    return window.innerWidth < 700 ? Math.round(this.baseHeight * 0.75) : this.baseHeight;
  }

  width() {
    return Math.max(200, Math.floor(this.host.clientWidth));
  }

  /** Options for uPlot; subclasses add series and hooks. */
  options() {
    throw new Error('options() not implemented');
  }

  show(data, empty) {
    this.data = data;
    if (this.emptyEl) {
      this.emptyEl.hidden = !empty;
    }
    const lib = uPlotLib();
    if (!lib) {
      return;
    }
    if (this.plot) {
      this.plot.setData(data);
      return;
    }
    const opts = this.options(lib);
    opts.width = this.width();
    opts.height = this.height();
    this.lastWidth = opts.width;
    this.plot = new lib(opts, data, this.host);
  }

  resize() {
    if (!this.plot) {
      return;
    }
    const width = this.width();
    const height = this.height();
    if (width !== this.lastWidth || height !== this.plot.height) {
      this.lastWidth = width;
      this.plot.setSize({ width, height });
    }
  }

  relabel() {
    if (this.plot) {
      this.plot.destroy();
      this.plot = null;
    }
    if (this.data) {
      this.show(this.data, this.emptyEl ? !this.emptyEl.hidden : false);
    }
  }
}

function baseOptions(lib) {
  return {
    tzDate: (ts) => lib.tzDate(new Date(ts * 1000), 'Asia/Seoul'),
    scales: { x: { time: true } },
    cursor: { drag: { x: true, y: false }, points: { size: 6 } },
    legend: { live: true },
    axes: [{ ...axisStyle(), values: TIME_VALUES }, valueAxis()],
  };
}

/** Price, fast EMA and slow EMA lines, with the fills drawn as triangles. */
export class PriceChart extends TimeChart {
  constructor(host, emptyEl) {
    super(host, emptyEl, 320);
    this.fills = [];
  }

  options(lib) {
    return {
      ...baseOptions(lib),
      series: [
        timeSeries(),
        lineSeries('chart.price', COLORS.price, { width: 1.75 }),
        lineSeries('chart.fast', COLORS.fast),
        lineSeries('chart.slow', COLORS.slow),
      ],
      hooks: { draw: [(u) => drawFills(u, this.fills)] },
    };
  }

  /** payload: the answer of GET /api/charts/price. */
  update(payload) {
    const points = (payload && payload.points) || [];
    const xs = [];
    const price = [];
    const fast = [];
    const slow = [];
    points.forEach((p) => {
      const x = epochSeconds(p.time);
      if (x === null) {
        return;
      }
      xs.push(x);
      price.push(numberOrNull(p.price));
      fast.push(numberOrNull(p.fast_ema));
      slow.push(numberOrNull(p.slow_ema));
    });
    this.fills = ((payload && payload.fills) || [])
      .map((f) => ({
        time: epochSeconds(f.time),
        price: numberOrNull(f.price),
        buy: String(f.side).toUpperCase() === 'BUY',
      }))
      .filter((f) => f.time !== null && f.price !== null);
    this.show([xs, price, fast, slow], xs.length === 0);
  }

  /** Clears the chart while another symbol loads, so old prices are never shown under a new name. */
  clear() {
    this.fills = [];
    this.show([[], [], [], []], true);
  }
}

/** The account's equity over time. */
export class EquityChart extends TimeChart {
  constructor(host, emptyEl) {
    super(host, emptyEl, 320);
  }

  options(lib) {
    return {
      ...baseOptions(lib),
      series: [timeSeries(), lineSeries('chart.equity', COLORS.equity, { width: 2, fill: COLORS.equityFill })],
    };
  }

  /** payload: the answer of GET /api/charts/equity. */
  update(payload) {
    const xs = [];
    const ys = [];
    ((payload && payload.points) || []).forEach((p) => {
      const x = epochSeconds(p.time);
      if (x !== null) {
        xs.push(x);
        ys.push(numberOrNull(p.equity));
      }
    });
    this.show([xs, ys], xs.length === 0);
  }
}

function numberOrNull(v) {
  if (v === null || v === undefined || v === '') {
    return null;
  }
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}
