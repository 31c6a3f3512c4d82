import pino, { type Logger } from 'pino';
import type { LogLevel } from '../config';

export type { Logger };

/**
 * JSON logs. Secrets and the text members type are redacted wherever they could appear, so
 * a log shipped to the landlord's SIEM holds no credentials and no personal content.
 */
export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'scrutiny-bot' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers["x-slack-signature"]',
          'req.headers.cookie',
          'headers.authorization',
          'body',
          'text',
          '*.text',
          'password',
          '*.password',
          'token',
          '*.token',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
