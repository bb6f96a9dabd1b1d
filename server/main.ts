import { pino } from 'pino';
import { ConfigError, loadConfig, publicUrl } from './config.ts';
import { startServer } from './server.ts';

/** The process entry: `npm start` runs this after building what is missing. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nThe server did not start. See the configuration table in README.md.\n`);
      process.exit(1);
    }
    throw error;
  }
  const log = pino({ level: config.logLevel });
  const server = await startServer({ config, log });
  const url = publicUrl(config, server.port);
  const lines = [
    '',
    `  Ambulance operations dashboard is running: ${url}`,
    `  Database: ${server.db.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `embedded, in ${config.dataDir}`}${config.redisUrl ? '; live updates shared through Redis' : ''}`,
  ];
  if (server.generatedAdminPassword) {
    lines.push('', `  Sign in at ${url}/signin as admin with password: ${server.generatedAdminPassword}`, '  This password is shown only this once. Change it on the admin page, or set ADMIN_PASSWORD before the first start.');
  } else if (server.adminCreated) {
    lines.push('', `  Sign in at ${url}/signin as admin with the password from ADMIN_PASSWORD.`);
  } else {
    lines.push(`  Sign in at ${url}/signin`);
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'failed to stop cleanly');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`The server failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
