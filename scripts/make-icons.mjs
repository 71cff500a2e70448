// Generates the add-in icons in assets/ (icon-16/32/64/80/128.png): three teal bars of differing height
// with a thin median line across them. Pure Node (zlib + a hand-written CRC32) so the icons can be
// regenerated on any machine without an image toolchain. Run: node scripts/make-icons.mjs
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";

const SIZES = [16, 32, 64, 80, 128];
const BAR = [0x0f, 0x6c, 0x5c]; // #0F6C5C dark teal
const LINE = [0x1f, 0x29, 0x33]; // near-black, so the median reads against both bars and background
const SUPERSAMPLE = 4; // per axis; coverage becomes alpha, which anti-aliases the small sizes

// Shapes in unit coordinates (0..1, y down). Bar heights 0.45/0.80/0.60 put the median at the third bar.
const BAR_BOTTOM = 0.9;
const BARS = [
  { x0: 0.1, x1: 0.32, top: BAR_BOTTOM - 0.45 },
  { x0: 0.39, x1: 0.61, top: BAR_BOTTOM - 0.8 },
  { x0: 0.68, x1: 0.9, top: BAR_BOTTOM - 0.6 },
];
const MEDIAN_Y = BAR_BOTTOM - 0.6;

function colourAt(u, v, size) {
  // Keep the median line at least ~1 px thick whatever the icon size.
  const half = Math.max(0.5 / size, 0.015);
  if (u >= 0.04 && u <= 0.96 && Math.abs(v - MEDIAN_Y) <= half) return LINE;
  for (const b of BARS) if (u >= b.x0 && u <= b.x1 && v >= b.top && v <= BAR_BOTTOM) return BAR;
  return null;
}

function render(size) {
  const rgba = Buffer.alloc(size * size * 4);
  const n = SUPERSAMPLE * SUPERSAMPLE;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let hits = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const c = colourAt(
            (x + (sx + 0.5) / SUPERSAMPLE) / size,
            (y + (sy + 0.5) / SUPERSAMPLE) / size,
            size,
          );
          if (c) {
            r += c[0];
            g += c[1];
            b += c[2];
            hits++;
          }
        }
      }
      const o = (y * size + x) * 4;
      if (hits > 0) {
        rgba[o] = Math.round(r / hits);
        rgba[o + 1] = Math.round(g / hits);
        rgba[o + 2] = Math.round(b / hits);
        rgba[o + 3] = Math.round((255 * hits) / n);
      }
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  // bytes 10-12: compression, filter, interlace = 0
  // Each scanline is prefixed with filter type 0 (none).
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const outDir = join(dirname(fileURLToPath(import.meta.url)), "..", "assets");
mkdirSync(outDir, { recursive: true });
for (const size of SIZES) {
  const file = join(outDir, `icon-${size}.png`);
  writeFileSync(file, encodePng(size, render(size)));
  console.log(`wrote ${file}`);
}
