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

  it('answers a repeat with what the first handling answered, and the first answer stands', async () => {
    const ledger = new InboundLedger(db());
    const at = new Date('2026-03-02T09:00:00Z');
    expect(await ledger.claimOrRecall('teams:answered', at)).toMatchObject({ first: true });
    expect(await ledger.claimOrRecall('teams:answered', at)).toMatchObject({ finished: false });
    await ledger.remember('teams:answered', { statusCode: 200, value: 'first' }, at);
    // A run that took over and finished too does not replace the answer already given.
    await ledger.remember('teams:answered', { statusCode: 200, value: 'second' }, at);
    expect(await ledger.claimOrRecall('teams:answered', at)).toMatchObject({
      first: false,
      finished: true,
      answer: { statusCode: 200, value: 'first' },
    });
  });

  it('tells a finished delivery from a running one, whether its request was kept or not', async () => {
    const ledger = new InboundLedger(db());
    await ledger.claimOrRecall('teams:plain');
    await ledger.claimToReplay('slack:kept', { command: '/scrutiny' });
    await ledger.finish('teams:plain');
    await ledger.finishKept('slack:kept');
    expect(await ledger.claimOrRecall('teams:plain')).toMatchObject({ finished: true });
    expect(await ledger.claimOrRecall('slack:kept')).toMatchObject({ finished: true });
    expect(await ledger.unfinished(new Date(Date.now() + 60_000), 10)).toEqual([]);
  });

  it('prunes finish marks with their claims', async () => {
    const ledger = new InboundLedger(db());
    const old = new Date('2026-01-01T00:00:00Z');
    await ledger.claimOrRecall('teams:old', old);
    await ledger.remember('teams:old', { statusCode: 200 }, old);
    await ledger.prune(new Date('2026-01-02T00:00:00Z'));
    expect(await ledger.claimOrRecall('teams:old')).toMatchObject({ first: true });
    expect(await ledger.claimOrRecall('teams:old')).toMatchObject({ finished: false });
  });
});
