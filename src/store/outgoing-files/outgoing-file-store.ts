import { randomBytes } from 'node:crypto';
import { mongo, Types, type Connection, type Model } from 'mongoose';
import {
  OUTGOING_FILES_BUCKET,
  outgoingFileModel,
  type OutgoingFileRecord,
} from './outgoing-file-model';

/**
 * How long an offered file waits for its accept. A person's own data is among these bytes, so
 * they are kept no longer than someone plausibly takes to click; asking again makes a new offer.
 */
export const OFFER_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** The file as the app hands it over (src/app/messaging/outgoing-file.ts). */
export interface OfferedFile {
  name: string;
  contentType: string;
  bytes: Buffer;
  description?: string;
}

export interface OfferTo {
  recipientChatId: string;
  organisationId?: string;
  personId?: string;
}

/** Files offered to a person and waiting for their consent: bytes in GridFS, a record each. */
export class OutgoingFileStore {
  private readonly records: Model<OutgoingFileRecord>;
  private readonly bucket: mongo.GridFSBucket;

  constructor(connection: Connection) {
    this.records = outgoingFileModel(connection);
    this.bucket = new mongo.GridFSBucket(connection.db as mongo.Db, {
      bucketName: OUTGOING_FILES_BUCKET,
    });
  }

  /** Keeps the bytes for `to` and gives back the offer's id, the one key to them. */
  async offer(file: OfferedFile, to: OfferTo, now: Date): Promise<OutgoingFileRecord> {
    const bytesId = new Types.ObjectId();
    await new Promise<void>((resolve, reject) => {
      const stream = this.bucket.openUploadStreamWithId(bytesId, file.name, {
        metadata: { contentType: file.contentType },
      });
      stream.once('error', reject);
      stream.once('finish', () => resolve());
      stream.end(file.bytes);
    });
    const created = await this.records.create({
      _id: randomBytes(24).toString('base64url'),
      bytesId: bytesId.toHexString(),
      ...to,
      name: file.name,
      contentType: file.contentType,
      size: file.bytes.length,
      ...(file.description ? { description: file.description } : {}),
      createdAt: now,
      expiresAt: new Date(now.getTime() + OFFER_LIFETIME_MS),
    });
    return created.toObject();
  }

  /** The offer, unless it is unknown or has expired (the prune may not have run yet). */
  async live(id: string, now: Date): Promise<OutgoingFileRecord | null> {
    return this.records.findOne({ _id: id, expiresAt: { $gt: now } }).lean<OutgoingFileRecord>();
  }

  async bytesOf(record: OutgoingFileRecord): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of this.bucket.openDownloadStream(
      new Types.ObjectId(record.bytesId),
    ) as AsyncIterable<Buffer>)
      chunks.push(chunk);
    return Buffer.concat(chunks);
  }

  /** Takes an offer out, bytes and all: once delivered, declined or expired. */
  async remove(record: Pick<OutgoingFileRecord, '_id' | 'bytesId'>): Promise<void> {
    await this.bucket.delete(new Types.ObjectId(record.bytesId)).catch(() => undefined);
    await this.records.deleteOne({ _id: record._id });
  }

  /** Every offer still waiting for one person (erasing them takes these too). */
  async removeFor(filter: { recipientChatId: string } | { personId: string }): Promise<number> {
    const offers = await this.records.find(filter).lean<OutgoingFileRecord[]>();
    for (const offer of offers) await this.remove(offer);
    return offers.length;
  }

  /** Offers nobody took in time. */
  async prune(now: Date): Promise<number> {
    const expired = await this.records
      .find({ expiresAt: { $lte: now } })
      .lean<OutgoingFileRecord[]>();
    for (const offer of expired) await this.remove(offer);
    return expired.length;
  }
}
