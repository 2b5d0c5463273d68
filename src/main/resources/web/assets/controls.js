// The control buttons (kill switch, start, stop) and their confirmation dialog. Only the
// dialog's OK button sends the POST; a refused request keeps the dialog open with the reason.

import { t } from './i18n.js';
import { byId } from './dom.js';
import { postJson } from './api.js';
import { errorText } from './format.js';

export const LIVE_PHRASE = 'I_UNDERSTAND_LIVE_TRADING';

let pending = null;
let busy = false;

function parts() {
  return {
    dialog: byId('confirm-dialog'),
    form: byId('confirm-form'),
    title: byId('confirm-title'),
    message: byId('confirm-message'),
    inputRow: byId('confirm-input-row'),
    label: byId('confirm-input-label'),
    input: byId('confirm-input'),
    error: byId('confirm-error'),
    ok: byId('confirm-ok'),
    cancel: byId('confirm-cancel'),
  };
}

function inputAccepted(p) {
  return !pending || !pending.input || !pending.input.expect || p.input.value.trim() === pending.input.expect;
}

/**
 * Opens the dialog. spec: {titleKey, messageKey, okKey, danger, input: {labelKey, placeholder,
 * maxLength, expect} | null, run(inputValue) -> Promise}. run's rejection is shown in the dialog.
 */
function openConfirm(spec) {
  const p = parts();
  pending = spec;
  p.title.textContent = t(spec.titleKey);
  p.message.textContent = t(spec.messageKey);
  p.error.hidden = true;
  p.error.textContent = '';
  p.ok.textContent = t(spec.okKey || 'dialog.ok');
  p.ok.classList.toggle('danger', Boolean(spec.danger));
  p.dialog.classList.toggle('is-danger', Boolean(spec.danger));
  p.input.value = '';
  p.inputRow.hidden = !spec.input;
  if (spec.input) {
    p.label.textContent = t(spec.input.labelKey);
    p.input.placeholder = spec.input.placeholder || '';
    p.input.maxLength = spec.input.maxLength || 200;
  }
  p.ok.disabled = !inputAccepted(p);
  p.cancel.disabled = false;
  if (typeof p.dialog.showModal === 'function') {
    p.dialog.showModal();
  } else {
    p.dialog.setAttribute('open', '');
  }
  (spec.input ? p.input : p.cancel).focus();
}

function closeConfirm() {
  const p = parts();
  if (typeof p.dialog.close === 'function') {
    p.dialog.close();
  } else {
    p.dialog.removeAttribute('open');
  }
  pending = null;
}

async function submitConfirm(afterAction) {
  const p = parts();
  if (!pending || busy || !inputAccepted(p)) {
    return;
  }
  const spec = pending;
  busy = true;
  p.ok.disabled = true;
  p.cancel.disabled = true;
  p.ok.textContent = t('dialog.sending');
  p.error.hidden = true;
  try {
    const answer = await spec.run(p.input.value.trim());
    closeConfirm();
    afterAction(answer);
  } catch (err) {
    p.error.textContent = errorText(err);
    p.error.hidden = false;
    afterAction(null);
  } finally {
    busy = false;
    p.ok.textContent = t(spec.okKey || 'dialog.ok');
    p.ok.disabled = !inputAccepted(p);
    p.cancel.disabled = false;
  }
}

/**
 * Wires the buttons. ctx: {ensureSession() -> Promise, status() -> latest status or null,
 * applyAnswer(answer), refreshNow()}.
 */
export function initControls(ctx) {
  const p = parts();
  const after = (answer) => {
    if (answer) {
      ctx.applyAnswer(answer);
    }
    ctx.refreshNow();
  };
  const post = async (url, body) => {
    await ctx.ensureSession();
    return postJson(url, body);
  };

  p.form.addEventListener('submit', (event) => {
    event.preventDefault();
    submitConfirm(after);
  });
  p.cancel.addEventListener('click', () => {
    if (!busy) {
      closeConfirm();
    }
  });
  p.dialog.addEventListener('cancel', (event) => {
    if (busy) {
      event.preventDefault();
    } else {
      pending = null;
    }
  });
  p.input.addEventListener('input', () => {
    p.ok.disabled = busy || !inputAccepted(p);
  });

  byId('kill-switch-button').addEventListener('click', () => {
    const status = ctx.status();
    const active = Boolean(status && status.kill_switch && status.kill_switch.active);
    const action = active ? 'deactivate' : 'activate';
    openConfirm({
      titleKey: `kill.confirm.${action}.title`,
      messageKey: `kill.confirm.${action}`,
      okKey: active ? 'kill.deactivate' : 'kill.activate',
      danger: !active,
      input: { labelKey: 'kill.reason.label', placeholder: t('kill.reason.placeholder'), maxLength: 200 },
      run: (reason) => post(`/api/kill-switch/${action}`, reason ? { reason } : {}),
    });
  });

  byId('start-paper').addEventListener('click', () => {
    openConfirm({
      titleKey: 'trading.confirm.paper.title',
      messageKey: 'trading.confirm.paper',
      okKey: 'trading.start.paper',
      input: null,
      run: () => post('/api/trading/start', { mode: 'paper' }),
    });
  });

  byId('start-live').addEventListener('click', () => {
    openConfirm({
      titleKey: 'trading.confirm.live.title',
      messageKey: 'trading.confirm.live',
      okKey: 'trading.start.live',
      danger: true,
      input: { labelKey: 'trading.confirm.live.label', placeholder: LIVE_PHRASE, maxLength: 64, expect: LIVE_PHRASE },
      run: (phrase) => post('/api/trading/start', { mode: 'live', confirmation: phrase }),
    });
  });

  byId('stop-trading').addEventListener('click', () => {
    openConfirm({
      titleKey: 'trading.confirm.stop.title',
      messageKey: 'trading.confirm.stop',
      okKey: 'trading.stop',
      danger: true,
      input: null,
      run: () => post('/api/trading/stop', {}),
    });
  });
}
