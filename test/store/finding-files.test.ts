import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import {
  checkFindingFile,
  MAX_FINDING_FILE_BYTES,
} from '../../src/domain/findings/finding-file-kinds';
import { prepareModels } from '../../src/store/model-registry';
import { FindingFileStore, type NewFindingFile } from '../../src/store/findings/finding-file-store';
import { useTestDatabase } from '../support/database';
import {
  DOCX,
  EXE_AS_PHOTO,
  heicOf,
  HTML_AS_PHOTO,
  jpegOf,
  PDF,
  pngOf,
} from '../support/finding-files';

const db = useTestDatabase();

beforeAll(async () => {
  await prepareModels(db());
});

const owner = (assignmentId: string, name: string): NewFindingFile => ({
  organisationId: 'org1',
  groupId: 'group1',
  checkId: 'check1',
  assignmentId,
  personId: 'inspector1',
  name,
  uploadedBy: 'inspector1',
  uploadedAt: new Date('2026-03-02T10:00:00Z'),
});

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('findings files in GridFS, on the real test database', () => {
  it('stores a photo over several chunks and reads the same bytes back, with its record', async () => {
    const store = new FindingFileStore(db());
    // 255 KiB chunks: this photo takes four.
    const photo = pngOf(900_000);
    const added = await store.add(owner('a1', 'kitchen.png'), photo);
    expect(added.added).toBe(true);
    if (!added.added) return;
    expect(added.record).toMatchObject({
      name: 'kitchen.png',
      contentType: 'image/png',
      size: photo.length,
      sha256: createHash('sha256').update(photo).digest('hex'),
    });
    expect((await readAll(store.openBytes(added.record._id))).equals(photo)).toBe(true);
    expect(await db().collection('finding_files.files').countDocuments({})).toBe(1);
    expect(await db().collection('finding_files.chunks').countDocuments({})).toBeGreaterThanOrEqual(
      4,
    );
    expect((await store.ofAssignment('a1')).map((f) => f._id)).toEqual([added.record._id]);
  });

  it('keeps the same bytes on the same findings once, and a different file as a new record', async () => {
    const store = new FindingFileStore(db());
    const photo = jpegOf(5000);
    const first = await store.add(owner('a2', 'door.jpg'), photo);
    const again = await store.add(owner('a2', 'door (1).jpg'), photo);
    expect(again).toMatchObject({ added: false, reason: 'duplicate' });
    const other = await store.add(owner('a2', 'door.jpg'), jpegOf(5000));
    expect(other.added).toBe(true);
    expect(await store.countOf('a2')).toBe(2);
    expect(first.added && other.added && first.record._id !== other.record._id).toBe(true);
  });

  it('twenty uploads of the same bytes at once store one record and one file', async () => {
    const store = new FindingFileStore(db());
    const photo = heicOf(3000);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => store.add(owner('a3', 'IMG_0001.HEIC'), photo)),
    );
    expect(results.filter((r) => r.added)).toHaveLength(1);
    expect(await store.countOf('a3')).toBe(1);
    const [record] = await store.ofAssignment('a3');
    expect(
      await db().collection('finding_files.files').countDocuments({ filename: 'IMG_0001.HEIC' }),
    ).toBe(1);
    expect(record?.contentType).toBe('image/heic');
  });

  it('refuses a file whose bytes are not an allowed type, or too big, and stores nothing', async () => {
    const store = new FindingFileStore(db());
    const before = await db().collection('finding_files.files').countDocuments({});
    for (const [name, bytes] of [
      ['photo.jpg', EXE_AS_PHOTO],
      ['photo.png', HTML_AS_PHOTO],
      ['notes.txt', Buffer.from([0x68, 0x69, 0x00, 0x01])],
      ['huge.png', pngOf(MAX_FINDING_FILE_BYTES + 1)],
    ] as const) {
      const refused = await store.add(owner('a4', name), bytes);
      expect(refused).toMatchObject({ added: false, reason: 'refused' });
    }
    expect(await store.countOf('a4')).toBe(0);
    expect(await db().collection('finding_files.files').countDocuments({})).toBe(before);
  });

  it('tells each allowed type by its bytes, not by its name', () => {
    expect(checkFindingFile('scan.pdf', PDF)).toMatchObject({
      ok: true,
      kind: { contentType: 'application/pdf' },
    });
    expect(checkFindingFile('report.docx', DOCX)).toMatchObject({ ok: true });
    expect(checkFindingFile('report.xlsx', DOCX)).toMatchObject({ ok: false, reason: 'type' });
    expect(checkFindingFile('photo.jpg', pngOf(100))).toMatchObject({
      ok: true,
      kind: { contentType: 'image/png' },
    });
    expect(checkFindingFile('readings.csv', Buffer.from('room,damp\nkitchen,yes\n'))).toMatchObject(
      { ok: true, kind: { contentType: 'text/csv' } },
    );
    expect(checkFindingFile('page.html', Buffer.from('<p>hi</p>'))).toMatchObject({ ok: false });
    expect(checkFindingFile('big.png', pngOf(MAX_FINDING_FILE_BYTES + 1))).toMatchObject({
      ok: false,
      reason: 'too-big',
    });
  });
});
