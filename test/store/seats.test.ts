import { prepareModels } from '../../src/store/model-registry';
import { Seats } from '../../src/store/seats';
import { useTestDatabase } from '../support/database';

const db = useTestDatabase();
const now = new Date('2026-05-01T09:00:00Z');

beforeAll(async () => {
  await prepareModels(db());
});

describe('seats: caps without transactions', () => {
  it('Southampton ToR: 20 inspectors racing for an inspection capped at 12 leave exactly 12 seated', async () => {
    const seats = new Seats(db());
    const claims = await Promise.all(
      Array.from({ length: 20 }, (_, i) => seats.claim('check:abc', 12, `person-${i}`, now)),
    );
    expect(claims.filter((c) => c.taken)).toHaveLength(12);
    expect(claims.filter((c) => !c.taken)).toHaveLength(8);
    expect(await seats.count('check:abc')).toBe(12);
    const numbers = claims.flatMap((c) => (c.taken ? [c.seat] : [])).sort((a, b) => a - b);
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('the same holder racing 20 times holds one seat', async () => {
    const seats = new Seats(db());
    const claims = await Promise.all(
      Array.from({ length: 20 }, () => seats.claim('group:g1', 15, 'person-x', now)),
    );
    expect(new Set(claims.map((c) => (c.taken ? c.seat : 0)))).toEqual(new Set([1]));
    expect(await seats.count('group:g1')).toBe(1);
  });

  it('a released seat can be taken again', async () => {
    const seats = new Seats(db());
    await seats.claim('group:g2', 1, 'a', now);
    expect(await seats.claim('group:g2', 1, 'b', now)).toEqual({ taken: false, reason: 'full' });
    await seats.release('group:g2', 'a');
    expect(await seats.claim('group:g2', 1, 'b', now)).toEqual({ taken: true, seat: 1 });
  });
});
