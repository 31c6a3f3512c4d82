import { prepareModels } from '../../src/store/model-registry';
import { nextReference, normaliseReference } from '../../src/store/references';
import { useTestDatabase } from '../support/database';

const db = useTestDatabase();
beforeAll(async () => {
  await prepareModels(db());
});

describe('short references (R-12, C-40)', () => {
  it('20 checks created at once get 20 different codes, numbered per organisation', async () => {
    const codes = await Promise.all(
      Array.from({ length: 20 }, () => nextReference(db(), 'org-a', 'C')),
    );
    expect(new Set(codes).size).toBe(20);
    expect(codes.map((c) => Number(c.slice(2))).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    expect(await nextReference(db(), 'org-b', 'C')).toBe('C-1');
    expect(await nextReference(db(), 'org-a', 'R')).toBe('R-1');
  });

  it('reads what people type', () => {
    expect(normaliseReference(' r-012 ', 'R')).toBe('R-12');
    expect(normaliseReference('C-40', 'R')).toBeUndefined();
    expect(normaliseReference('R-', 'R')).toBeUndefined();
  });
});
