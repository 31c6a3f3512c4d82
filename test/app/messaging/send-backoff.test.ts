import { DELIVERY_BACKOFF } from '../../../src/app/messaging/delivery-post';
import { afterFailure } from '../../../src/app/messaging/send-backoff';

const busy = { sent: false as const, retryable: true, reason: 'Slack answered 503' };

describe('how long a delivery waits after a failed attempt', () => {
  it('doubles from 30 s to an hour, anywhere up to it (full jitter)', () => {
    const waits = [0, 1, 2, 3, 4, 5, 6].map((before) =>
      afterFailure(busy, before, DELIVERY_BACKOFF, () => 0.999999),
    );
    expect(waits.map((w) => (w.retry ? Math.round(w.waitMs / 1000) : null))).toEqual([
      30, 60, 120, 240, 480, 960, 1920,
    ]);
    expect(afterFailure(busy, 3, DELIVERY_BACKOFF, () => 0)).toEqual({ retry: true, waitMs: 0 });
    expect(
      afterFailure(busy, 6, { ...DELIVERY_BACKOFF, maxAttempts: 20 }, () => 0.999999),
    ).toMatchObject({ retry: true, waitMs: 1919998 });
    expect(
      afterFailure(busy, 12, { ...DELIVERY_BACKOFF, maxAttempts: 20 }, () => 0.999999),
    ).toMatchObject({ retry: true, waitMs: 3599996 });
  });

  it('stops after the eighth attempt', () => {
    expect(afterFailure(busy, 6, DELIVERY_BACKOFF).retry).toBe(true);
    expect(afterFailure(busy, 7, DELIVERY_BACKOFF)).toEqual({ retry: false });
  });

  it('waits exactly as long as Retry-After asks', () => {
    expect(afterFailure({ ...busy, retryAfterMs: 120_000 }, 0, DELIVERY_BACKOFF)).toEqual({
      retry: true,
      waitMs: 120_000,
    });
  });

  it('stops at once on a refusal that is not a 429 or a 5xx', () => {
    const refused = { sent: false as const, retryable: false, reason: 'Teams answered 413' };
    expect(afterFailure(refused, 0, DELIVERY_BACKOFF)).toEqual({ retry: false });
  });
});
