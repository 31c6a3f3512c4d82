import { AuditTrail } from '../../src/store/audit/audit-trail';
import { auditEntryModel } from '../../src/store/audit/audit-entry-model';
import { useTestDatabase } from '../support/database';

const db = useTestDatabase();

function entry(action: string, at: string) {
  return {
    organisationId: 'org-1',
    groupId: 'group-1',
    subject: { kind: 'declaration', id: 'decl-1' },
    action,
    actorId: 'person-1',
    at: new Date(at),
    reason: 'declared at the panel meeting',
  };
}

describe('audit trail (DEVELOPERS.md: every state change recorded with who, when and why)', () => {
  it('keeps entries in the order they happened, per subject and per group', async () => {
    const trail = new AuditTrail(db());
    await trail.append(entry('declaration.decided', '2026-03-02T10:00:00Z'));
    await trail.append(entry('declaration.made', '2026-03-01T10:00:00Z'));

    const bySubject = await trail.forSubject('declaration', 'decl-1');
    expect(bySubject.map((e) => e.action)).toEqual(['declaration.made', 'declaration.decided']);
    expect(bySubject[0]).toMatchObject({
      actorId: 'person-1',
      reason: 'declared at the panel meeting',
    });
    const byGroup = await trail.forGroup('group-1', new Date('2026-03-02T00:00:00Z'));
    expect(byGroup.map((e) => e.action)).toEqual(['declaration.decided']);
  });

  it('refuses to update or delete an entry, through the model or a loaded document', async () => {
    const trail = new AuditTrail(db());
    const stored = await trail.append(entry('member.suspended', '2026-04-01T09:00:00Z'));
    const model = auditEntryModel(db());

    await expect(model.updateOne({ _id: stored._id }, { reason: 'changed' })).rejects.toThrow(
      /append-only/,
    );
    await expect(model.deleteOne({ _id: stored._id })).rejects.toThrow(/append-only/);
    await expect(model.deleteMany({})).rejects.toThrow(/append-only/);
    const loaded = await model.findById(stored._id).orFail();
    loaded.reason = 'rewritten';
    await expect(loaded.save()).rejects.toThrow(/append-only/);

    const unchanged = await model.findById(stored._id).lean().orFail();
    expect(unchanged.reason).toBe('declared at the panel meeting');
  });
});
