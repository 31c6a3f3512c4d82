import { loadConfig } from '../../src/config';
import { startBot, type RunningBot, type StartOptions } from '../../src/bot';
import { createLogger } from '../../src/log/logger';
import { testDatabaseUri, testPostgresqlEnv } from './database';

/**
 * Starts the whole bot in this process on a free loopback port, on this test file's database.
 * Returns a getter: the bot exists once beforeAll has run; afterAll stops it.
 */
export function useTestBot(
  env: Record<string, string> = {},
  options: StartOptions = {},
): () => RunningBot {
  let bot: RunningBot | undefined;
  beforeAll(async () => {
    const config = loadConfig({
      MONGODB_URI: testDatabaseUri(),
      ...testPostgresqlEnv(),
      PORT: '0',
      HOST: '127.0.0.1',
      // The Bot Framework Emulator's mode: tests post activities without tokens, on loopback.
      ...(env.MICROSOFT_APP_ID ? {} : { TEAMS_MODE: 'emulator' }),
      LOG_LEVEL: 'silent',
      ...env,
    });
    bot = await startBot(config, createLogger(config.logLevel), {
      drainTimeoutMs: 2000,
      runSchedules: false,
      ...options,
    });
  });
  afterAll(async () => {
    await bot?.stop();
  });
  return () => {
    if (!bot) throw new Error('useTestBot(): the bot only runs inside tests');
    return bot;
  };
}
