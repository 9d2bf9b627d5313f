// Draws the CallPop icon (a white call bubble on a blue rounded square) at 16/32/48/128 px.
// Plain PNG encoding with zlib so no image tool is needed: node scripts/make-icons.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

function pixel(x, y) {
  // Coordinates in a 0..1 square; returns [r, g, b, a].
  const r = 0.22;
  const dx = Math.max(r - x, 0, x - (1 - r));
  const dy = Math.max(r - y, 0, y - (1 - r));
  if (dx * dx + dy * dy > r * r) return [0, 0, 0, 0];
  const blue = [37 - y * 20, 99 - y * 30, 235 - y * 20, 255];
  const bx = x - 0.5;
  const by = y - 0.46;
  const inBubble = (bx * bx) / 0.09 + (by * by) / 0.065 <= 1;
  const inTail = y > 0.6 && y < 0.82 && x > 0.3 && x < 0.46 && x - 0.3 < (0.82 - y) * 0.8;
  if (inBubble || inTail) {
    const dot = [-0.16, 0, 0.16].some((ox) => (bx - ox) ** 2 + by ** 2 < 0.0025);
    return dot ? blue : [255, 255, 255, 255];
  }
  return blue;
}

function png(size) {
  const samples = 4;
  const rows = [];
  for (let y = 0; y < size; y += 1) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x += 1) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const p = pixel((x + (sx + 0.5) / samples) / size, (y + (sy + 0.5) / samples) / size);
          for (let i = 0; i < 4; i += 1) acc[i] += p[i] * (i < 3 ? p[3] / 255 : 1);
        }
      }
      const a = acc[3] / (samples * samples);
      for (let i = 0; i < 3; i += 1)
        row[1 + x * 4 + i] = a ? Math.round(acc[i] / (samples * samples) / (a / 255)) : 0;
      row[1 + x * 4 + 3] = Math.round(a);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of [16, 32, 48, 128]) writeFileSync(`public/icons/icon-${size}.png`, png(size));
