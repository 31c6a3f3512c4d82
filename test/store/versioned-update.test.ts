import { Schema } from 'mongoose';
import { defineModel, prepareModels } from '../../src/store/model-registry';
import { updateIfUnchanged } from '../../src/store/versioned-update';
import { useTestDatabase } from '../support/database';

const db = useTestDatabase();

interface Decision {
  _id: string;
  outcome?: string;
  decidedBy?: string;
  version: number;
}
const decisionModel = defineModel<Decision>(
  'TestDecision',
  new Schema<Decision>({ _id: String, outcome: String, decidedBy: String, version: Number }),
);

beforeAll(async () => {
  await prepareModels(db());
});

describe('versioned updates: a decision cannot be silently overwritten', () => {
  it('of 20 people deciding the same record at once, exactly one wins and the record shows them', async () => {
    const model = decisionModel(db());
    await model.create({ _id: 'd1', version: 0 });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        updateIfUnchanged(model, 'd1', 0, { outcome: `outcome ${i}`, decidedBy: `chair-${i}` }),
      ),
    );
    const winners = results.filter((r): r is Decision => r !== null);
    expect(winners).toHaveLength(1);
    const stored = await model.findById('d1').lean().orFail();
    expect(stored).toMatchObject({
      version: 1,
      outcome: winners[0]?.outcome,
      decidedBy: winners[0]?.decidedBy,
    });
  });

  it('a change from a stale version is refused', async () => {
    const model = decisionModel(db());
    await model.create({ _id: 'd2', version: 0 });
    expect(await updateIfUnchanged(model, 'd2', 0, { outcome: 'noted' })).toMatchObject({
      version: 1,
    });
    expect(await updateIfUnchanged(model, 'd2', 0, { outcome: 'excluded' })).toBeNull();
    expect((await model.findById('d2').lean().orFail()).outcome).toBe('noted');
  });
});
