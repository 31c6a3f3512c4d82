import { randomBytes } from 'node:crypto';

/**
 * Files as phones and office software write them, made of their real leading bytes (the magic
 * numbers the bot reads) and filler: PNG (ISO/IEC 15948), JPEG/JFIF, HEIC (ISO-BMFF `ftyp` box,
 * brand `heic`), PDF (`%PDF-`), DOCX (a ZIP whose entries name `[Content_Types].xml` and `word/`).
 */
export const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function pngOf(size: number): Buffer {
  return Buffer.concat([PNG_MAGIC, randomBytes(Math.max(0, size - PNG_MAGIC.length))]);
}

export function jpegOf(size: number): Buffer {
  const head = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]);
  return Buffer.concat([head, randomBytes(Math.max(0, size - head.length))]);
}

export function heicOf(size: number): Buffer {
  const head = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic', 'latin1')]);
  return Buffer.concat([head, randomBytes(Math.max(0, size - head.length))]);
}

export const PDF = Buffer.from(
  '%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n',
  'latin1',
);

export const DOCX = Buffer.concat([
  Buffer.from([0x50, 0x4b, 0x03, 0x04]),
  Buffer.from(
    '\u0000\u0000[Content_Types].xml<Types/>PK\u0003\u0004word/document.xml<w/>',
    'latin1',
  ),
]);

/** A Windows program (`MZ`), named as a photo. */
export const EXE_AS_PHOTO = Buffer.concat([Buffer.from('MZ'), randomBytes(200)]);

/** An HTML page claiming to be a photo: served back as a photo it would run in a browser. */
export const HTML_AS_PHOTO = Buffer.from('<html><script>alert(1)</script></html>');
