// Reads the server's dev outbox page as a candidate reads their phone or mailbox: the newest SMS code or link for one recipient.
import { SERVER_URL } from './ports.js';

interface OutboxRow {
  readonly recipient: string;
  readonly body: string;
}

function unescapeHtml(text: string): string {
  return text.replace(/&#(\d+);/g, (_whole, code: string) => String.fromCharCode(Number(code)));
}

/** Rows newest first, as the page lists them; `server` is another server than the suite's (a test that starts its own). */
async function outboxRows(server: string): Promise<OutboxRow[]> {
  const html = await (await fetch(`${server}/dev/outbox`)).text();
  return [...html.matchAll(/<tr><td>[^<]*<\/td><td>[^<]*<\/td><td>([^<]*)<\/td><td>[^<]*<\/td><td><pre>([\s\S]*?)<\/pre><\/td><\/tr>/g)].map((match) => ({
    recipient: unescapeHtml(match[1] ?? ''),
    body: unescapeHtml((match[2] ?? '').replace(/<a href="[^"]*">([^<]*)<\/a>/g, '$1')),
  }));
}

async function newest(recipient: string, pattern: RegExp, server = SERVER_URL): Promise<string> {
  // The message is stored before the server answers, but poll briefly anyway rather than race.
  for (let attempt = 0; attempt < 20; attempt += 1) {
    for (const row of await outboxRows(server)) {
      const found = row.recipient === recipient ? pattern.exec(row.body)?.[1] : undefined;
      if (found !== undefined) return found;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`nothing matching ${pattern} was sent to ${recipient}`);
}

export function smsCodeFor(mobile: string, server = SERVER_URL): Promise<string> {
  return newest(mobile, /验证码为(\d{6})/, server);
}

export function resetTokenFor(email: string): Promise<string> {
  return newest(email, /reset-password\?token=([A-Za-z0-9_-]+)/);
}
