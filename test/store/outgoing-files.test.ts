import { prepareModels } from '../../src/store/model-registry';
import {
  OFFER_LIFETIME_MS,
  OutgoingFileStore,
} from '../../src/store/outgoing-files/outgoing-file-store';
import { OUTGOING_FILES_BUCKET } from '../../src/store/outgoing-files/outgoing-file-model';
import { useTestDatabase } from '../support/database';

const db = useTestDatabase();

beforeAll(async () => {
  await prepareModels(db());
});

const file = (name: string) => ({
  name,
  contentType: 'application/json',
  bytes: Buffer.from(JSON.stringify({ name, padding: 'x'.repeat(300_000) })),
});

describe('files waiting for a person’s consent', () => {
  it('keeps the bytes under an unguessable id until taken, and the prune removes what nobody took', async () => {
    const store = new OutgoingFileStore(db());
    const at = new Date('2026-03-02T10:00:00Z');
    const taken = await store.offer(file('a.json'), { recipientChatId: '29:a' }, at);
    const left = await store.offer(file('b.json'), { recipientChatId: '29:b' }, at);
    expect(taken._id).not.toBe(left._id);
    expect(taken._id).toMatch(/^[\w-]{32}$/);
    expect((await store.bytesOf(taken)).equals(file('a.json').bytes)).toBe(true);

    await store.remove(taken);
    expect(await store.live(taken._id, at)).toBeNull();

    const later = new Date(at.getTime() + OFFER_LIFETIME_MS);
    expect(await store.live(left._id, new Date(later.getTime() - 1))).not.toBeNull();
    // Past its day it is no longer offered, even before the prune has run.
    expect(await store.live(left._id, later)).toBeNull();
    expect(await store.prune(later)).toBe(1);
    const bucketFiles = db().collection(`${OUTGOING_FILES_BUCKET}.files`);
    const chunks = db().collection(`${OUTGOING_FILES_BUCKET}.chunks`);
    expect(await bucketFiles.countDocuments({})).toBe(0);
    expect(await chunks.countDocuments({})).toBe(0);
  });
});
