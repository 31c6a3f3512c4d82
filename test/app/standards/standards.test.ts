import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importStandards, listStandards } from '../../../src/app/standards/standard-use-cases';
import { AuditTrail } from '../../../src/store/audit/audit-trail';
import { standardModel } from '../../../src/store/standards/standard-model';
import { seedOrganisation, seedPerson, useTestApp } from '../../support/app';

const app = useTestApp('2026-11-02T10:00:00Z');
const LIVERPOOL = readFileSync(
  join(__dirname, '../../../src/domain/standards/examples/torus-liverpool-local-offers-q3.csv'),
  'utf8',
);

async function setUp() {
  const ctx = app.ctx();
  const org = await seedOrganisation(ctx);
  const officer = await seedPerson(ctx, org._id, 'Stan Dards', { officer: true });
  return { ctx, org, officer };
}

describe('service standards, stored', () => {
  it('Torus Liverpool local offers: the Q3 table imports 43 standards, 3 of them below target and listed first', async () => {
    const { ctx, org, officer } = await setUp();
    const imported = await importStandards(ctx, officer, { format: 'csv', text: LIVERPOOL });
    if (!imported.ok) throw new Error(JSON.stringify(imported.refusals));
    expect(imported.value).toMatchObject({ added: 43, updated: 0, unchanged: 0 });
    expect(imported.value.candidates).toHaveLength(3);
    const listed = await listStandards(ctx, org._id);
    expect(listed).toHaveLength(43);
    expect(listed.slice(0, 3).every((l) => l.belowTarget)).toBe(true);
    expect(listed.slice(3).some((l) => l.belowTarget)).toBe(false);
  });

  it('importing the same table again changes nothing; a changed figure is updated and audited with what it was', async () => {
    const { ctx, org, officer } = await setUp();
    await importStandards(ctx, officer, { format: 'csv', text: LIVERPOOL });
    const again = await importStandards(ctx, officer, { format: 'csv', text: LIVERPOOL });
    expect(again.ok && again.value).toMatchObject({ added: 0, updated: 0, unchanged: 43 });
    const one = await standardModel(ctx.db)
      .findOne({ organisationId: org._id, 'standard.target': { $exists: true } })
      .lean();
    const json = JSON.stringify([{ ...one!.standard, latest: { value: 1, period: '2026 Q4' } }]);
    const updated = await importStandards(ctx, officer, { format: 'json', text: json });
    if (!updated.ok) throw new Error(JSON.stringify(updated.refusals));
    expect(updated.value.updated).toBe(1);
    const entries = await new AuditTrail(ctx.db).forSubject('standard', one!._id);
    expect(entries.map((e) => e.action)).toEqual(['standard.imported', 'standard.updated']);
    expect(entries[1]?.details).toMatchObject({ changed: ['latest'] });
  });

  it('a table with a bad row is refused row by row and stores nothing; a member may not import', async () => {
    const { ctx, org, officer } = await setUp();
    const lines = LIVERPOOL.trimEnd().split('\n');
    const broken = [...lines, lines[1]!.replace(/,[^,]*$/, ',not-a-thing')].join('\n');
    const refused = await importStandards(ctx, officer, { format: 'csv', text: broken + '\n,,,,' });
    expect(refused.ok).toBe(false);
    expect(await standardModel(ctx.db).countDocuments({ organisationId: org._id })).toBe(0);
    const member = await seedPerson(ctx, org._id, 'Mem Ber');
    const notOfficer = await importStandards(ctx, member, { format: 'csv', text: LIVERPOOL });
    expect(!notOfficer.ok && notOfficer.refusals[0]?.message).toBe(
      'Only an officer can import service standards.',
    );
  });
});
