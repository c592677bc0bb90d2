// GET /dev/outbox: the SMS and emails the development channels stored, as a page; absent in production.
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/database.js';
import { readOutbox } from '../../messages/outbox.js';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** Links become clickable, so a developer can follow a password-reset mail straight from here. */
function linkify(escaped: string): string {
  return escaped.replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);
}

export function devOutboxRoutes(app: FastifyInstance, db: Db): void {
  app.get('/dev/outbox', async (_request, reply) => {
    const messages = await readOutbox(db, { limit: 100 });
    const rows = messages
      .map(
        (m) =>
          `<tr><td>${m.createdAt.toISOString()}</td><td>${m.channel}</td><td>${escapeHtml(m.recipient)}</td>` +
          `<td>${escapeHtml(m.subject ?? '')}</td><td><pre>${linkify(escapeHtml(m.body))}</pre></td></tr>`,
      )
      .join('\n');
    const page = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>开发用发件箱 · dev outbox</title>
<style>body{font-family:sans-serif;margin:2rem}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.4rem;vertical-align:top}pre{white-space:pre-wrap;margin:0}</style></head>
<body><h1>开发用发件箱 · dev outbox</h1><p>最近100条短信和邮件（仅开发环境）· the latest 100 messages, development only</p>
<table><thead><tr><th>时间 at</th><th>渠道 channel</th><th>收件人 to</th><th>主题 subject</th><th>内容 body</th></tr></thead><tbody>
${rows}
</tbody></table></body></html>`;
    return reply.type('text/html; charset=utf-8').send(page);
  });
}
