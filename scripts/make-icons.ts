/**
 * Draws the Teams app icons (no image library needed): color.png 192x192, a white magnifier
 * with a tick on the accent colour; outline.png 32x32, the same shape in white on transparent.
 * Run: npx tsx scripts/make-icons.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

type Pixel = [number, number, number, number];

function crc32(buffer: Buffer): number {
  let crc = ~0;
  for (const byte of buffer) {
    crc ^= byte;
    for (let k = 0; k < 8; k += 1) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export function encodePng(size: number, pixel: (x: number, y: number) => Pixel): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y += 1) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x += 1) row.set(pixel(x, y), 1 + x * 4);
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** True where the magnifier (ring, handle) or the tick inside it is drawn, in unit coordinates. */
function isMark(u: number, v: number): boolean {
  const dx = u - 0.42;
  const dy = v - 0.42;
  const r = Math.hypot(dx, dy);
  const ring = r > 0.22 && r < 0.3;
  const along = (u + v) / 2;
  const across = Math.abs(u - v);
  const handle = along > 0.62 && along < 0.85 && across < 0.09;
  const tick =
    (Math.abs(v - (u + 0.06)) < 0.04 && u > 0.3 && u < 0.4) ||
    (Math.abs(v - (-u + 0.88)) < 0.04 && u > 0.38 && u < 0.54);
  return ring || handle || tick;
}

const ACCENT: Pixel = [0x0b, 0x6e, 0x4f, 255];
const WHITE: Pixel = [255, 255, 255, 255];
const CLEAR: Pixel = [0, 0, 0, 0];

if (require.main === module) {
  const dir = join(__dirname, '..', 'manifest', 'teams');
  writeFileSync(
    join(dir, 'color.png'),
    encodePng(192, (x, y) => (isMark(x / 192, y / 192) ? WHITE : ACCENT)),
  );
  writeFileSync(
    join(dir, 'outline.png'),
    encodePng(32, (x, y) => (isMark((x + 0.5) / 32, (y + 0.5) / 32) ? WHITE : CLEAR)),
  );
  console.log(`icons written to ${dir}`);
}
