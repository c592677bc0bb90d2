// `npm run cli -- <command>`: operator tasks on the server's database (outbox, staff accounts, migrations, demo seed, device codes, CSV imports).
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { systemClock } from '../../shared/domain/clock.js';
import { loadConfig, type Config } from '../config/config.js';
import { migrateToLatest, openDatabase, pgliteDirOf, type Db } from '../db/database.js';
import { seedDemo } from '../demo/seed.js';
import { messageChannels } from '../messages/channels.js';
import { blankSentContent, drainOutbound } from '../messages/outbound.js';
import { outboxEmail, outboxSms, readOutbox } from '../messages/outbox.js';
import { svgCaptchaImages } from '../services/captcha.js';
import type { ServiceContext } from '../services/context.js';
import { issueEnrolmentCode } from '../services/devices.js';
import { importCet4Scores, importRoster } from '../services/imports.js';
import type { ImportReport } from '../../shared/contracts/http/imports.js';
import { createStaffAccount } from '../services/staff.js';
import { sweepExpired } from '../services/sweeper.js';
import { referenceReader } from '../services/reference-cache.js';
import { runArrangement } from '../services/tickets.js';

const USAGE = `usage: npm run cli -- <command> [options]
  outbox [--limit N] [--to RECIPIENT]      the latest SMS and emails of the development channels
  create-staff --username U --name NAME --password P --role teacher|admin [--school 99301]
  migrate                                  apply pending migrations
  seed-demo                                add the demo data that is missing
  enrol-code --campus 993010               a one-time code that enrols one kiosk to the campus
  import-roster --file x.csv [--school 99301] [--dry-run]   学籍 CSV, all rows or none
  import-cet4 --file x.csv [--dry-run]     CET4 score CSV, all rows or none
  sweep                                    delete expired unpaid enrolments and empty registrations now (R4, R8)
  send-messages                            send the offline outcome messages still due now (each server does it every 10 s)
  arrange [--campus 993010] [--seats 30]   编排: ticket numbers, rooms and seats for paid enrolments (R10)`;

const commandLine = z.discriminatedUnion('command', [
  z.object({ command: z.literal('outbox'), limit: z.coerce.number().int().min(1).max(1000).default(20), to: z.string().min(1).optional() }),
  z.object({
    command: z.literal('create-staff'),
    username: z.string().trim().min(1).max(64),
    name: z.string().trim().min(1).max(50),
    password: z.string().min(1),
    role: z.enum(['teacher', 'admin']),
    school: z.string().regex(/^\d{5}$/).optional(),
  }),
  z.object({ command: z.literal('migrate') }),
  z.object({ command: z.literal('seed-demo') }),
  z.object({ command: z.literal('sweep') }),
  z.object({ command: z.literal('send-messages') }),
  z.object({ command: z.literal('arrange'), campus: z.string().regex(/^\d{6}$/).optional(), seats: z.coerce.number().int().min(1).max(99).default(30) }),
  z.object({ command: z.literal('enrol-code'), campus: z.string().regex(/^\d{6}$/) }),
  z.object({ command: z.literal('import-roster'), file: z.string().min(1), school: z.string().regex(/^\d{5}$/).optional(), 'dry-run': z.boolean().default(false) }),
  z.object({ command: z.literal('import-cet4'), file: z.string().min(1), 'dry-run': z.boolean().default(false) }),
]);
type CommandLine = z.infer<typeof commandLine>;

/** The command to run, or null when the operator asked for help (`--help`, `-h`, `help`). */
function parseCommandLine(argv: readonly string[]): CommandLine | null {
  const { positionals, values } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      limit: { type: 'string' },
      to: { type: 'string' },
      username: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
      role: { type: 'string' },
      school: { type: 'string' },
      campus: { type: 'string' },
      seats: { type: 'string' },
      file: { type: 'string' },
      'dry-run': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const { help, ...options } = values;
  if (help === true || positionals[0] === 'help') return null;
  const parsed = commandLine.safeParse({ command: positionals[0], ...options });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || 'command'}: ${issue.message}`).join('\n');
    throw new Error(`${problems}\n${USAGE}`);
  }
  return parsed.data;
}

/** Services take a context like a route's; the CLI's messages go to the outbox the dev pages read. */
function serviceContext(db: Db, config: Config): ServiceContext {
  return { db, clock: systemClock, config, messages: { sms: outboxSms(db, systemClock), email: outboxEmail(db, systemClock) }, captchaImages: svgCaptchaImages, reference: referenceReader() };
}

const CLI_IMPORTER = { kind: 'SYSTEM', id: null, name: 'cli' } as const;

/** One line per refusal, in the operator's language pair, then what happened to the file. */
function printImportReport(report: ImportReport): void {
  for (const issue of report.issues) {
    const where = `line ${issue.line}${issue.column === null ? '' : ` [${issue.column}]`}`;
    process.stdout.write(`${where}: ${issue.error.code} ${issue.error.message['zh-CN']} / ${issue.error.message.en}\n`);
  }
  const outcome = report.imported ? 'imported' : report.issues.length > 0 ? 'nothing imported' : 'checked only (dry run), nothing written';
  process.stdout.write(`${report.fileName} (${report.encoding ?? 'unknown encoding'}): ${report.totalRows} rows, ${report.validRows} valid, ${report.issues.length} issues — ${outcome}\n`);
}

async function run(db: Db, config: Config, args: CommandLine): Promise<void> {
  switch (args.command) {
    case 'outbox': {
      const messages = await readOutbox(db, { limit: args.limit, ...(args.to === undefined ? {} : { recipient: args.to }) });
      for (const message of messages.reverse()) {
        const subject = message.subject === null ? '' : ` «${message.subject}»`;
        process.stdout.write(`${message.createdAt.toISOString()}  ${message.channel.padEnd(5)} → ${message.recipient}${subject}\n${message.body}\n\n`);
      }
      if (messages.length === 0) process.stdout.write('outbox is empty\n');
      return;
    }
    case 'create-staff': {
      const created = await createStaffAccount(
        db,
        { username: args.username, displayName: args.name, password: args.password, role: args.role, schoolCode: args.school ?? null },
        systemClock.now(),
      );
      if (!created.ok) throw new Error(`refused: ${created.error.code}${created.error.field === undefined ? '' : ` (${created.error.field})`}`);
      process.stdout.write(`created ${args.role} ${args.username} (${created.value.staffId})\n`);
      return;
    }
    case 'migrate':
      process.stdout.write(`applied: ${(await migrateToLatest(db)).join(', ') || 'nothing, already up to date'}\n`);
      return;
    case 'seed-demo':
      for (const login of await seedDemo(db, systemClock.now(), { printWindows: config.demoPrintWindows })) process.stdout.write(`${login.who}: ${login.account} / ${login.password}\n`);
      return;
    case 'enrol-code': {
      const issued = await issueEnrolmentCode(serviceContext(db, config), null, { campusCode: args.campus });
      if (!issued.ok) throw new Error(`refused: ${issued.error.code}`);
      process.stdout.write(`enrolment code for campus ${issued.value.campusCode}: ${issued.value.code} (one device, valid until ${issued.value.expiresAt})\n`);
      return;
    }
    case 'sweep': {
      const swept = await sweepExpired(serviceContext(db, config));
      process.stdout.write(`removed ${swept.enrolmentsRemoved} unpaid enrolments and ${swept.registrationsRemoved} registrations\n`);
      return;
    }
    case 'send-messages': {
      // Through the channels the servers use (SMTP when configured), safe beside running servers: claims skip locked rows.
      const channels = messageChannels(config, db, systemClock);
      try {
        const done = await drainOutbound({ db, clock: systemClock, messages: channels });
        const blanked = await blankSentContent({ db, clock: systemClock });
        const waiting = await db.selectFrom('outbound_messages').select(({ fn }) => fn.countAll<string>().as('n')).where('sent_at', 'is', null).executeTakeFirstOrThrow();
        process.stdout.write(`sent ${done.sent}, failed ${done.failed}; ${Number(waiting.n)} still waiting (retried with backoff); ${blanked} sent messages blanked\n`);
        if (done.failed > 0) process.exitCode = 2;
      } finally {
        channels.close();
      }
      return;
    }
    case 'arrange': {
      const ran = await runArrangement(serviceContext(db, config), null, { ...(args.campus === undefined ? {} : { campusCode: args.campus }), seatsPerRoom: args.seats });
      if (!ran.ok) throw new Error(`refused: ${ran.error.code}`);
      process.stdout.write(`arranged ${ran.value.newlyArranged} enrolments (${ran.value.alreadyArranged} already had tickets)\n`);
      return;
    }
    case 'import-roster':
    case 'import-cet4': {
      const upload = { fileName: basename(args.file), bytes: await readFile(args.file), dryRun: args['dry-run'] };
      const importer = { cli: CLI_IMPORTER };
      const ctx = serviceContext(db, config);
      const done = args.command === 'import-roster' ? await importRoster(ctx, importer, { ...upload, schoolCode: args.school ?? null }) : await importCet4Scores(ctx, importer, upload);
      if (!done.ok) throw new Error(`refused: ${done.error.code}${done.error.field === undefined ? '' : ` (${done.error.field})`}`);
      printImportReport(done.value);
      if (done.value.issues.length > 0) process.exitCode = 2;
      return;
    }
  }
}

async function main(): Promise<void> {
  const args = parseCommandLine(process.argv.slice(2));
  if (args === null) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const config = loadConfig(process.env);
  const db = openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: config.databaseUrl === null ? pgliteDirOf(config.dataDir) : null, poolSize: config.databasePoolSize });
  try {
    if (args.command !== 'migrate') await migrateToLatest(db);
    await run(db, config, args);
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
