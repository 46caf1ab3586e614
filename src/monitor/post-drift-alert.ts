import type { DriftReport } from '../spec/monitor.js';
import { FathomError } from '../util/errors.js';
import { postJson } from '../util/http/post-json.js';

/** Options of {@link postDriftAlert}. */
export interface PostDriftAlertOptions {
  /** The webhook URL (config `monitor.webhook`). */
  url: string;
  report: DriftReport;
  /** @default 10000 */
  timeoutMs?: number;
  fetch?: typeof globalThis.fetch;
}

/**
 * POST an alerting drift report to a webhook as `{ text, report }` (`text` is the one-line summary chat tools show).
 * A webhook URL's path and query are often its secret (Slack, Teams): errors name only its origin.
 */
export async function postDriftAlert({ url, report, timeoutMs = 10_000, fetch }: PostDriftAlertOptions): Promise<void> {
  const names = report.signals.filter((s) => s.status === 'alert').map((s) => s.name);
  const text = `fathom monitor: ${names.length} drift signal(s) in tenant ${report.tenant}: ${names.join(', ')}. ${report.advice.join(' ')}`;
  await postJson({ url, body: { text, report }, timeoutMs, provider: 'webhook', ...(fetch ? { fetch } : {}) }).catch((error: unknown) => {
    // A webhook that answers with no JSON body still received the alert.
    if ((error as { code?: string }).code !== 'PROVIDER_BAD_RESPONSE') throw _withoutSecret(error, url);
  });
}

function _withoutSecret(error: unknown, url: string): unknown {
  if (!FathomError.isInstance(error)) return error;
  let shown = 'the webhook';
  try {
    shown = `${new URL(url).origin}/…`;
  } catch {
    // not a URL: postJson refused it before sending; nothing of it is shown
  }
  const scrub = (text: string) => text.split(url).join(shown);
  const details = Object.fromEntries(Object.entries(error.details).map(([k, v]) => [k, typeof v === 'string' ? scrub(v) : v]));
  return new FathomError({ code: error.code, message: scrub(error.message), details });
}
