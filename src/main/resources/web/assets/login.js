// The login page: POST /api/login with the session's CSRF token, then back to the dashboard.

import { initI18n, onLangChange, t } from './i18n.js';
import { ApiError, loadSession, postJson } from './api.js';
import { errorText } from './format.js';

const form = document.getElementById('login-form');
const input = document.getElementById('login-code');
const submit = document.getElementById('login-submit');
const message = document.getElementById('login-message');

let lastMessage = null;

function show(key, params, ok = false) {
  lastMessage = key ? { key, params, ok } : null;
  renderMessage();
}

function showText(text) {
  lastMessage = { text, ok: false };
  renderMessage();
}

function renderMessage() {
  if (!lastMessage) {
    message.hidden = true;
    message.textContent = '';
    return;
  }
  message.textContent = lastMessage.text ?? t(lastMessage.key, lastMessage.params);
  message.classList.toggle('ok', Boolean(lastMessage.ok));
  message.hidden = false;
}

function lockedMessage(err) {
  const seconds = Number(err.retryAfter);
  if (Number.isFinite(seconds) && seconds > 0) {
    show('login.locked', { minutes: Math.max(1, Math.ceil(seconds / 60)) });
  } else {
    show('login.locked.unknown');
  }
}

async function login(code, retried = false) {
  try {
    await postJson('/api/login', { code });
  } catch (err) {
    if (err instanceof ApiError && err.status === 403 && !retried) {
      // The session (and its CSRF token) may have expired since the page loaded: ask once more.
      await loadSession();
      return login(code, true);
    }
    throw err;
  }
  return true;
}

async function onSubmit(event) {
  event.preventDefault();
  const code = input.value;
  if (!code) {
    show('login.empty');
    input.focus();
    return;
  }
  submit.disabled = true;
  submit.textContent = t('login.sending');
  try {
    await login(code);
    show('login.ok', null, true);
    window.location.replace('/');
    return;
  } catch (err) {
    input.value = '';
    input.focus();
    if (err instanceof ApiError && err.status === 401) {
      show('login.wrong');
    } else if (err instanceof ApiError && err.status === 429) {
      lockedMessage(err);
    } else {
      showText(errorText(err));
    }
  }
  submit.disabled = false;
  submit.textContent = t('login.submit');
}

async function start() {
  initI18n(document.getElementById('lang-toggle'), 'login.title');
  onLangChange(renderMessage);
  form.addEventListener('submit', onSubmit);
  input.focus();
  try {
    const session = await loadSession();
    if (!session.auth_required || session.authenticated) {
      window.location.replace('/');
    }
  } catch (err) {
    showText(errorText(err));
  }
}

start();
