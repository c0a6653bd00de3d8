// A stand-in for the tablet camera's photograph: a 480×360 PNG of soft skin tones, so that the
// photo screens (and the user guide's screenshots of them) show a picture the size a clinician
// would see, not a one-pixel dot. Built here rather than committed as a binary fixture.

import { deflateSync } from 'node:zlib';

const kWidth = 480;
const kHeight = 360;

const kCrcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = kCrcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** An 8-bit RGB PNG: a warm gradient, lighter towards the centre, `shade` (0–1) darkening it. */
export function skinPhoto(shade = 0): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(kWidth, 0);
  header.writeUInt32BE(kHeight, 4);
  header.set([8, 2, 0, 0, 0], 8);  // bit depth 8, colour type RGB, deflate, no filter, no interlace
  const rows = Buffer.alloc(kHeight * (1 + kWidth * 3));
  for (let y = 0; y < kHeight; y++) {
    const row = y * (1 + kWidth * 3);  // each row starts with filter type 0 (none)
    for (let x = 0; x < kWidth; x++) {
      const dx = (x - kWidth / 2) / kWidth;
      const dy = (y - kHeight / 2) / kHeight;
      const light = (1 - Math.min(1, Math.sqrt(dx * dx + dy * dy) * 1.6)) * (1 - shade);
      const pixel = row + 1 + x * 3;
      rows[pixel] = Math.round(196 + 44 * light);
      rows[pixel + 1] = Math.round(150 + 50 * light);
      rows[pixel + 2] = Math.round(128 + 42 * light);
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
