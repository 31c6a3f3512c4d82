import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { mongo, Types, type Connection, type Model } from 'mongoose';
import { checkFindingFile, type FindingFileKind } from '../../domain/findings/finding-file-kinds';
import { isDuplicateKeyError } from '../connection';
import { newId } from '../model-registry';
import {
  FINDING_FILES_BUCKET,
  findingFileModel,
  type FindingFileRecord,
} from './finding-file-model';

export type NewFindingFile = Omit<FindingFileRecord, '_id' | 'contentType' | 'size' | 'sha256'>;

export type AddedFindingFile =
  | { added: true; record: FindingFileRecord }
  | { added: false; reason: 'duplicate'; record: FindingFileRecord }
  | { added: false; reason: 'refused'; message: string };

/**
 * Files attached to findings: their bytes in GridFS, which is two plain collections
 * (`finding_files.files`, `finding_files.chunks`) and so works on FerretDB v1 and Cosmos DB as on
 * MongoDB, and a record each saying whose they are.
 */
export class FindingFileStore {
  private readonly records: Model<FindingFileRecord>;
  private readonly bucket: mongo.GridFSBucket;

  constructor(connection: Connection) {
    this.records = findingFileModel(connection);
    // The driver's Db under mongoose's connection; GridFS is not something mongoose models.
    this.bucket = new mongo.GridFSBucket(connection.db as mongo.Db, {
      bucketName: FINDING_FILES_BUCKET,
    });
  }

  /**
   * Stores the bytes, then the record. The bytes are checked here too, so nothing reaches the
   * bucket that the rules would refuse, whoever calls. The same bytes already on the same
   * findings are not stored twice (a unique index settles a race between two uploads).
   */
  async add(file: NewFindingFile, bytes: Buffer): Promise<AddedFindingFile> {
    const checked = checkFindingFile(file.name, bytes);
    if (!checked.ok) return { added: false, reason: 'refused', message: checked.message };
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const existing = await this.records
      .findOne({ assignmentId: file.assignmentId, sha256 })
      .lean<FindingFileRecord>();
    if (existing) return { added: false, reason: 'duplicate', record: existing };
    const id = newId();
    await this.upload(id, file.name, checked.kind, bytes);
    try {
      const created = await this.records.create({
        ...file,
        _id: id,
        contentType: checked.kind.contentType,
        size: bytes.length,
        sha256,
      });
      return { added: true, record: created.toObject() };
    } catch (error) {
      // Nothing refers to the bytes just written: take them out again.
      await this.bucket.delete(new Types.ObjectId(id)).catch(() => undefined);
      if (!isDuplicateKeyError(error)) throw error;
      const winner = await this.records
        .findOne({ assignmentId: file.assignmentId, sha256 })
        .lean<FindingFileRecord>();
      if (!winner) throw error;
      return { added: false, reason: 'duplicate', record: winner };
    }
  }

  async get(id: string): Promise<FindingFileRecord | null> {
    return this.records.findOne({ _id: id }).lean<FindingFileRecord>();
  }

  /** One inspector's files on one check, oldest first. */
  async ofAssignment(assignmentId: string): Promise<FindingFileRecord[]> {
    return this.records
      .find({ assignmentId })
      .sort({ uploadedAt: 1, _id: 1 })
      .lean<FindingFileRecord[]>();
  }

  /** Every inspector's files on a check, oldest first. */
  async ofCheck(checkId: string): Promise<FindingFileRecord[]> {
    return this.records
      .find({ checkId })
      .sort({ uploadedAt: 1, _id: 1 })
      .lean<FindingFileRecord[]>();
  }

  async countOf(assignmentId: string): Promise<number> {
    return this.records.countDocuments({ assignmentId });
  }

  /** The stored bytes, streamed a chunk at a time. */
  openBytes(id: string): Readable {
    return this.bucket.openDownloadStream(new Types.ObjectId(id));
  }

  private upload(id: string, name: string, kind: FindingFileKind, bytes: Buffer): Promise<void> {
    return new Promise((resolve, reject) => {
      const stream = this.bucket.openUploadStreamWithId(new Types.ObjectId(id), name, {
        metadata: { contentType: kind.contentType },
      });
      stream.once('error', reject);
      stream.once('finish', () => resolve());
      stream.end(bytes);
    });
  }
}
