// `npm run server`: the central registration server on PGlite (or DATABASE_URL), migrated, with demo data unless production.
import type { Logger } from 'pino';
import { systemClock } from '../../shared/domain/clock.js';
import { loadConfig, type Config } from '../config/config.js';
import { migrateToLatest, openDatabase, pgliteDirOf } from '../db/database.js';
import { seedDemo } from '../demo/seed.js';
import { buildApp } from '../http/app.js';
import { createLogger } from '../http/logger.js';
import { startDispatcher } from '../jobs/dispatcher.js';
import { startSweeper } from '../jobs/sweeper.js';
import { messageChannels } from '../messages/channels.js';
import { svgCaptchaImages } from '../services/captcha.js';
import { referenceReader } from '../services/reference-cache.js';

function printDemoLogins(logins: Awaited<ReturnType<typeof seedDemo>>, config: Config): void {
  const lines = logins.map((login) => `  ${login.who.padEnd(24)} ${login.where}\n    账号 ${login.account}    密码 ${login.password}`);
  process.stdout.write(`\n演示账号 demo logins (${config.publicBaseUrl}):\n${lines.join('\n')}\n`);
  if (config.devPages) process.stdout.write(`短信和邮件 SMS and email: ${config.publicBaseUrl}/dev/outbox  or  npm run cli -- outbox\n\n`);
}

async function main(logger: Logger): Promise<void> {
  const config = loadConfig(process.env);
  logger.level = config.logLevel;
  const db = openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: config.databaseUrl === null ? pgliteDirOf(config.dataDir) : null, poolSize: config.databasePoolSize }, (error) =>
    logger.warn({ err: error }, 'an idle database connection dropped; the pool will open a new one'),
  );
  const applied = await migrateToLatest(db);
  logger.info({ applied, database: config.databaseUrl === null ? pgliteDirOf(config.dataDir) : 'DATABASE_URL' }, 'database ready');
  const messages = messageChannels(config, db, systemClock);
  const logins = config.seedDemo ? await seedDemo(db, systemClock.now(), { printWindows: config.demoPrintWindows }) : [];
  // One reference cache per process: the routes and the sweeper read the same snapshot.
  const reference = referenceReader();
  const app = buildApp({ db, clock: systemClock, config, messages, logger, reference });
  await app.listen({ host: config.host, port: config.port });
  // R4/R8 deadlines are hours long: a minute's lateness is invisible, and every process may sweep.
  const sweeper = startSweeper({ db, clock: systemClock, config, messages, captchaImages: svgCaptchaImages, reference }, SWEEP_INTERVAL_MS, logger);
  // Outcome messages a push could not send at once (a kill, a failing channel) go out on this tick.
  const dispatcher = startDispatcher({ db, clock: systemClock, messages }, DISPATCH_INTERVAL_MS, logger);
  if (logins.length > 0) printDemoLogins(logins, config);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    await sweeper.stop();
    await dispatcher.stop();
    await app.close();
    messages.close();
    await db.destroy();
    process.exit(0);
  };
  process.on('SIGINT', (signal) => void stop(signal));
  process.on('SIGTERM', (signal) => void stop(signal));
}

const SWEEP_INTERVAL_MS = 60_000;
/** Pushes send their own messages at once; the tick only bounds how late a leftover or a retry due goes out. */
const DISPATCH_INTERVAL_MS = 10_000;

const logger = createLogger({ logLevel: 'info' });
main(logger).catch((error: unknown) => {
  logger.fatal({ err: error }, 'server failed to start');
  process.exit(1);
});
