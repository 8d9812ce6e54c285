// Draws the toolbar icon (a lens over a highlighted line) at each size and writes PNGs to assets/extension/icons.
// Run once when the design changes: `npx tsx scripts/make-icons.ts`.
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) { c ^= b; for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1)); }
  return ~c >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4); ihdr[8] = 8; ihdr[9] = 6;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

const out = new URL('../assets/extension/icons/', import.meta.url).pathname;
mkdirSync(out, { recursive: true });
for (const size of [16, 32, 48, 128]) {
  const s = 4; // supersampling
  const data = png(size, (px, py) => {
    let r = 0, g = 0, b = 0, a = 0;
    for (let i = 0; i < s; i++) for (let j = 0; j < s; j++) {
      const x = (px + (i + 0.5) / s) / size, y = (py + (j + 0.5) / s) / size;
      const d = Math.hypot(x - 0.42, y - 0.42);
      const handle = x > 0.58 && y > 0.58 && Math.abs((x - 0.58) - (y - 0.58)) < 0.09 && x < 0.93 && y < 0.93;
      let c: number[] | null = null;
      if (d < 0.33 && d > 0.25) c = [16, 60, 120];
      else if (handle) c = [16, 60, 120];
      else if (d <= 0.25) c = Math.abs(y - 0.42) < 0.07 && x > 0.24 && x < 0.6 ? [255, 190, 0] : [235, 244, 255];
      if (c) { r += c[0]; g += c[1]; b += c[2]; a += 255; }
    }
    const n = s * s;
    return a ? [Math.round(r / (a / 255)), Math.round(g / (a / 255)), Math.round(b / (a / 255)), Math.round(a / n)] : [0, 0, 0, 0];
  });
  writeFileSync(`${out}icon-${size}.png`, data);
}
console.log('icons written');
