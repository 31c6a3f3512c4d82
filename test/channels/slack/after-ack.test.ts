import {
  AcksInFlight,
  afterAckQueue,
  AFTER_ACK_CONCURRENCY,
  WHILE_ACKING_CONCURRENCY,
} from '../../../src/channels/slack/listeners/after-ack';

/** Work that runs until it is let go, recording when it started. */
function gatedWork(started: number[]) {
  const releases: Array<() => void> = [];
  const work = (n: number) => () =>
    new Promise<number>((resolve) => {
      started.push(n);
      releases.push(() => resolve(n));
    });
  return { work, releaseAll: () => releases.splice(0).forEach((release) => release()) };
}

/** Lets every promise callback that can run, run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('the work after Slack acks', () => {
  it('runs sixteen at a time, in the order queued, when no request waits for its ack', async () => {
    const queue = afterAckQueue(new AcksInFlight());
    const started: number[] = [];
    const { work, releaseAll } = gatedWork(started);
    const done = Array.from({ length: 20 }, (_, n) => queue(work(n)));
    await settle();
    expect(started).toEqual(Array.from({ length: AFTER_ACK_CONCURRENCY }, (_, n) => n));
    releaseAll();
    await settle();
    expect(started).toEqual(Array.from({ length: 20 }, (_, n) => n));
    releaseAll();
    expect(await Promise.all(done)).toEqual(Array.from({ length: 20 }, (_, n) => n));
  });

  it('gives way to requests still waiting for their ack, and catches up once they have it', async () => {
    const acks = new AcksInFlight();
    const queue = afterAckQueue(acks);
    const started: number[] = [];
    const { work, releaseAll } = gatedWork(started);
    const answered = [acks.begin(), acks.begin()];
    const done = Array.from({ length: 10 }, (_, n) => queue(work(n)));
    await settle();
    expect(started).toHaveLength(WHILE_ACKING_CONCURRENCY);
    answered[0]?.();
    answered[0]?.(); // answered twice ('finish', then 'close') counts once
    await settle();
    expect(acks.pending).toBe(1);
    expect(started).toHaveLength(WHILE_ACKING_CONCURRENCY);
    answered[1]?.();
    await settle();
    expect(acks.pending).toBe(0);
    expect(started).toEqual(Array.from({ length: 10 }, (_, n) => n));
    releaseAll();
    await Promise.all(done);
  });

  it('a piece of work that fails fails alone: the queue goes on', async () => {
    const queue = afterAckQueue(new AcksInFlight(), 1);
    const failed = queue(() => Promise.reject(new Error('Slack was down')));
    const next = queue(() => Promise.resolve('answered'));
    await expect(failed).rejects.toThrow('Slack was down');
    await expect(next).resolves.toBe('answered');
  });
});
