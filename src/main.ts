import { ConfigError, loadConfig } from './config';
import { createLogger } from './log/logger';
import { startBot } from './bot';
import { NoDatabaseError } from './store/server/resolve';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const log = createLogger(config.logLevel);
  let bot;
  try {
    bot = await startBot(config, log);
  } catch (error) {
    if (error instanceof NoDatabaseError) {
      log.fatal(error.message);
      process.stderr.write(`${error.message}\n`);
      process.exit(3);
    }
    throw error;
  }

  // A second signal while draining (a supervisor, or a runner relaying signals, may send one)
  // changes nothing: the drain already under way finishes and the process exits once.
  let shuttingDown = false;
  const shutdown = (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    log.info({ signal }, 'shutting down: draining requests');
    bot
      .stop()
      .then(() => {
        log.info('stopped');
        process.exit(0);
      })
      .catch((err: unknown) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`start-up failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
