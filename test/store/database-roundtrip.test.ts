import { Schema } from 'mongoose';
import { useTestDatabase } from '../support/database';

describe('the test harness database', () => {
  const db = useTestDatabase();

  it('stores and reads back a document through mongoose on the server global setup started', async () => {
    const Note = db().model('Note', new Schema({ text: String, at: Date }));
    const at = new Date('2026-01-05T09:00:00Z');
    await Note.create({ text: 'hello', at });
    const found = await Note.findOne({ text: 'hello' }).lean();
    expect(found?.at?.toISOString()).toBe(at.toISOString());
    expect(await Note.countDocuments()).toBe(1);
  });

  it('keeps a compound unique index when the same insert is raced 20 times', async () => {
    const schema = new Schema({ group: String, person: String });
    schema.index({ group: 1, person: 1 }, { unique: true });
    const Member = db().model('RaceMember', schema);
    await Member.init();
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => Member.create({ group: 'g1', person: 'p1' })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await Member.countDocuments({ group: 'g1', person: 'p1' })).toBe(1);
  });
});
