/**
 * What an inspector may attach to their findings, told by the file's own bytes: a name or a
 * claimed type is the sender's to choose, and a file served back to officers as "photo.jpg"
 * must be a photo, not a page of script a browser would run.
 */

/**
 * Per file. Phone photos are 2 to 6 MB; 10 MB leaves room for a scanned PDF and matches Slack's
 * own limit for a file chosen in a form (docs.slack.dev/reference/block-kit/block-elements/file-input-element).
 */
export const MAX_FINDING_FILE_BYTES = 10 * 1024 * 1024;

/** Per inspector's findings: enough for a visit's photos, few enough to list on one card. */
export const MAX_FILES_PER_FINDINGS = 10;

export interface FindingFileKind {
  contentType: string;
  /** Shown inline (photos) rather than downloaded. */
  image: boolean;
}

export type FindingFileCheck =
  | { ok: true; kind: FindingFileKind }
  | { ok: false; reason: 'empty' | 'too-big' | 'type'; message: string };

const ascii = (bytes: Uint8Array, from: number, to: number) =>
  Buffer.from(bytes.subarray(from, to)).toString('latin1');

const startsWith = (bytes: Uint8Array, magic: readonly number[]) =>
  bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

/** ISO-BMFF brands of HEIF stills (ISO/IEC 23008-12): what iPhones save photos as. */
const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx']);
const HEIF_BRANDS = new Set(['mif1', 'msf1', 'heif']);

function sniffBinary(bytes: Uint8Array, extension: string): FindingFileKind | undefined {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { contentType: 'image/jpeg', image: true };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { contentType: 'image/png', image: true };
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP')
    return { contentType: 'image/webp', image: true };
  if (ascii(bytes, 4, 8) === 'ftyp') {
    const brand = ascii(bytes, 8, 12);
    if (HEIC_BRANDS.has(brand)) return { contentType: 'image/heic', image: true };
    if (HEIF_BRANDS.has(brand)) return { contentType: 'image/heif', image: true };
  }
  if (ascii(bytes, 0, 5) === '%PDF-') return { contentType: 'application/pdf', image: false };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return sniffOfficeZip(bytes, extension);
  return undefined;
}

/**
 * DOCX and XLSX are ZIP archives; any ZIP starts the same way. The part names sit uncompressed
 * in each entry's header, so an Office file is told by its content-types part and its main
 * folder (word/ or xl/) without unpacking it.
 */
function sniffOfficeZip(bytes: Uint8Array, extension: string): FindingFileKind | undefined {
  const names = Buffer.from(bytes).toString('latin1');
  if (!names.includes('[Content_Types].xml')) return undefined;
  if (extension === 'docx' && names.includes('word/'))
    return {
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      image: false,
    };
  if (extension === 'xlsx' && names.includes('xl/'))
    return {
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      image: false,
    };
  return undefined;
}

/** Text has no magic number: a .txt or .csv is taken if it is UTF-8 with no control bytes. */
function sniffText(bytes: Uint8Array, extension: string): FindingFileKind | undefined {
  if (extension !== 'txt' && extension !== 'csv') return undefined;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000B\u000E-\u001F\u007F]/.test(text)) return undefined;
  return { contentType: extension === 'csv' ? 'text/csv' : 'text/plain', image: false };
}

export const ALLOWED_FINDING_FILES_TEXT =
  'photos (JPEG, PNG, HEIC, WebP), PDF, Word (.docx), Excel (.xlsx), or plain text and CSV';

/** Whether the bytes are a file findings may carry, and as what. */
export function checkFindingFile(name: string, bytes: Uint8Array): FindingFileCheck {
  if (bytes.length === 0) return { ok: false, reason: 'empty', message: `${name} is empty.` };
  if (bytes.length > MAX_FINDING_FILE_BYTES)
    return {
      ok: false,
      reason: 'too-big',
      message: `${name} is larger than ${MAX_FINDING_FILE_BYTES / (1024 * 1024)} MB; send a smaller file.`,
    };
  const extension = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  const kind = sniffBinary(bytes, extension) ?? sniffText(bytes, extension);
  if (!kind)
    return {
      ok: false,
      reason: 'type',
      message: `${name} is not a file I can keep with findings: send ${ALLOWED_FINDING_FILES_TEXT}.`,
    };
  return { ok: true, kind };
}
