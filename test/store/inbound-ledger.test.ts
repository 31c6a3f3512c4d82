import { InboundLedger } from '../../src/store/inbound-ledger';
import { useTestDatabase } from '../support/database';

describe('the inbound delivery ledger', () => {
  const db = useTestDatabase();

  it('lets exactly one of 20 racing claims of the same delivery win', async () => {
    const ledger = new InboundLedger(db());
    const claims = await Promise.all(Array.from({ length: 20 }, () => ledger.claim('Ev-race')));
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it('gives a released claim back so that Slack’s retry is processed', async () => {
    const ledger = new InboundLedger(db());
    expect(await ledger.claim('Ev-fail')).toBe(true);
    expect(await ledger.claim('Ev-fail')).toBe(false);
    await ledger.release('Ev-fail');
    expect(await ledger.claim('Ev-fail')).toBe(true);
  });

  it('prunes deliveries older than the cut-off and keeps newer ones', async () => {
    const ledger = new InboundLedger(db());
    await ledger.claim('Ev-old', new Date('2026-01-01T00:00:00Z'));
    await ledger.claim('Ev-new', new Date('2026-01-03T00:00:00Z'));
    expect(await ledger.prune(new Date('2026-01-02T00:00:00Z'))).toBe(1);
    expect(await ledger.claim('Ev-old')).toBe(true);
    expect(await ledger.claim('Ev-new')).toBe(false);
  });
});
