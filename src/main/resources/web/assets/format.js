// Display formatting: KST times and exact decimal strings (money never passes through a float).

import { lang, t } from './i18n.js';

const DASH = '—';

const KST_PARTS = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Seoul',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** "2024-03-01 14:00:00" in Asia/Seoul for a Date, an epoch-millisecond number or an ISO string. */
export function formatKst(value) {
  if (value === null || value === undefined || value === '') {
    return DASH;
  }
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) {
    return String(value);
  }
  const p = {};
  KST_PARTS.formatToParts(date).forEach((part) => {
    p[part.type] = part.value;
  });
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/** Seconds since the epoch for an ISO string, or null. */
export function epochSeconds(iso) {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms / 1000;
}

/** Splits "-1234.5600" into sign, integer digits and fraction digits; null when not a decimal. */
function parseDecimal(value) {
  if (value === null || value === undefined || value === '') {
    return null;
  }
  let text = typeof value === 'number' ? numberToPlain(value) : String(value).trim();
  if (/e/i.test(text)) {
    text = numberToPlain(Number(text));
  }
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) {
    return null;
  }
  return { neg: m[1] === '-', int: m[2].replace(/^0+(?=\d)/, '') || '0', frac: m[3] ?? '' };
}

function numberToPlain(n) {
  if (!Number.isFinite(n)) {
    return '';
  }
  return Math.abs(n) < 1e21 ? n.toFixed(12) : n.toLocaleString('en-US', { useGrouping: false });
}

/** Rounds half away from zero to `digits` fraction digits, exactly, with BigInt. */
function roundParts(parts, digits) {
  const kept = parts.frac.padEnd(digits, '0').slice(0, digits);
  let scaled = BigInt(parts.int + kept);
  if ((parts.frac[digits] ?? '0') >= '5') {
    scaled += 1n;
  }
  const text = scaled.toString().padStart(digits + 1, '0');
  const int = digits === 0 ? text : text.slice(0, text.length - digits);
  const frac = digits === 0 ? '' : text.slice(text.length - digits);
  return { neg: parts.neg, int, frac };
}

function groupThousands(int) {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * An exact decimal with thousands separators, rounded to at most maxFrac digits, trailing zeros
 * trimmed down to minFrac. With sign: true a positive value gets a leading "+".
 */
export function formatDecimal(value, { maxFrac = 8, minFrac = 0, sign = false } = {}) {
  const parts = parseDecimal(value);
  if (!parts) {
    return value === null || value === undefined || value === '' ? DASH : String(value);
  }
  const r = roundParts(parts, maxFrac);
  let frac = r.frac;
  while (frac.length > minFrac && frac.endsWith('0')) {
    frac = frac.slice(0, -1);
  }
  const zero = /^0*$/.test(r.int + frac);
  let prefix = '';
  if (!zero && r.neg) {
    prefix = '-';
  } else if (!zero && sign) {
    prefix = '+';
  }
  return prefix + groupThousands(r.int) + (frac ? `.${frac}` : '');
}

/** -1, 0 or 1 for a decimal string; 0 when unknown. */
export function signOf(value) {
  const parts = parseDecimal(value);
  if (!parts || /^0*$/.test(parts.int + parts.frac)) {
    return 0;
  }
  return parts.neg ? -1 : 1;
}

/** The CSS class for a gain ("up", red) or loss ("down", blue), Korean colour convention. */
export function directionClass(value) {
  const s = signOf(value);
  if (s > 0) {
    return 'up';
  }
  return s < 0 ? 'down' : 'flat';
}

function fracDigitsFor(currency) {
  return String(currency ?? 'KRW').toUpperCase() === 'KRW' ? 0 : 8;
}

/** An amount of the currency without its unit: KRW whole won, others up to 8 decimals. */
export function formatAmount(value, currency = 'KRW', sign = false) {
  return formatDecimal(value, { maxFrac: fracDigitsFor(currency), sign });
}

/** An amount with its unit: "1,234원" in Korean, "₩1,234" in English. */
export function formatMoney(value, currency = 'KRW', sign = false) {
  const amount = formatAmount(value, currency, sign);
  if (amount === DASH) {
    return DASH;
  }
  const code = String(currency ?? 'KRW').toUpperCase();
  if (code !== 'KRW') {
    return `${amount} ${code}`;
  }
  if (lang() === 'ko') {
    return `${amount}원`;
  }
  const m = /^([+-]?)(.*)$/.exec(amount);
  return `${m[1]}₩${m[2]}`;
}

/** A percentage string such as "0.42" shown as "+0.42%". */
export function formatPct(value, sign = true) {
  const text = formatDecimal(value, { maxFrac: 2, minFrac: 2, sign });
  return text === DASH ? DASH : `${text}%`;
}

/** A quantity: up to 8 decimals, trailing zeros trimmed. */
export function formatQty(value) {
  return formatDecimal(value, { maxFrac: 8 });
}

/** A price with as many decimals as the size of the number needs (KRW tick sizes). */
export function formatPrice(value) {
  const parts = parseDecimal(value);
  if (!parts) {
    return formatDecimal(value);
  }
  const magnitude = Math.abs(Number(`${parts.int}.${parts.frac || '0'}`));
  let digits = 8;
  if (magnitude >= 1000) {
    digits = 0;
  } else if (magnitude >= 100) {
    digits = 1;
  } else if (magnitude >= 10) {
    digits = 2;
  } else if (magnitude >= 1) {
    digits = 4;
  }
  return formatDecimal(value, { maxFrac: digits });
}

/** A number for a chart axis or legend, grouped, with sensible decimals. */
export function formatChartNumber(n) {
  if (n === null || n === undefined || !Number.isFinite(n)) {
    return DASH;
  }
  return formatPrice(n);
}

/** "3시간 12분" / "3 h 12 min" for a number of seconds. */
export function formatDuration(seconds) {
  if (seconds === null || seconds === undefined || !Number.isFinite(Number(seconds))) {
    return DASH;
  }
  const total = Math.max(0, Math.floor(Number(seconds)));
  const d = Math.floor(total / 86400);
  const h = Math.floor((total % 86400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (d > 0) {
    return t('duration.dhm', { d, h, m });
  }
  if (h > 0) {
    return t('duration.hm', { h, m });
  }
  return t('duration.ms', { m, s });
}

/** Compact one-line JSON of a details object, or the dash for an empty one. */
export function formatDetails(details) {
  if (details === null || details === undefined) {
    return DASH;
  }
  if (typeof details !== 'object') {
    return String(details);
  }
  const keys = Object.keys(details);
  if (keys.length === 0) {
    return DASH;
  }
  return keys
    .map((k) => {
      const v = details[k];
      return `${k}=${v !== null && typeof v === 'object' ? JSON.stringify(v) : v}`;
    })
    .join(', ');
}

/** The user-facing text of a failed API call (an ApiError) or of any other error. */
export function errorText(err) {
  if (err && typeof err.status === 'number') {
    if (err.status === 0) {
      return t(err.timeout ? 'error.timeout' : 'error.network');
    }
    if (err.serverMessage) {
      return t('error.server', { status: err.status, message: err.serverMessage });
    }
    return t('error.generic', { status: err.status });
  }
  return String((err && err.message) || err);
}

export { DASH };
