/**
 * Sign-in with a ChatGPT account (OAuth 2.0 authorization code + PKCE, as the Codex CLI does it) and
 * the Codex backend client that answers over server-sent events. Opt-in and single-user: the tokens
 * live in one owner-only file and are never logged.
 */
package io.cointrader.llm.oauth;
