// Writes static/favicon.ico: the Convene mark (a white "C" on the accent blue) as a 32 × 32 icon,
// for browsers that ask for /favicon.ico before reading the page's SVG icon. Run once when the mark
// changes: node scripts/make-favicon.js
import fs from 'node:fs';

const SIZE = 32;
const BLUE = [0xad, 0x5c, 0x0b, 0xff]; // BGRA of #0b5cad
const WHITE = [0xff, 0xff, 0xff, 0xff];
const CLEAR = [0, 0, 0, 0];

function pixel(x, y) {
	const cx = x + 0.5 - 16;
	const cy = y + 0.5 - 16;
	// Rounded corners (radius 6).
	const dx = Math.max(0, Math.abs(cx) - 10);
	const dy = Math.max(0, Math.abs(cy) - 10);
	if (dx * dx + dy * dy > 36) return CLEAR;
	// The "C": a ring from radius 6 to 10, open on the right.
	const r = Math.hypot(cx, cy);
	const isRing = r >= 6 && r <= 10;
	const isGap = cx > 2 && Math.abs(cy) < Math.abs(cx) * 0.75;
	return isRing && !isGap ? WHITE : BLUE;
}

const pixels = Buffer.alloc(SIZE * SIZE * 4);
for (let y = 0; y < SIZE; y++) {
	for (let x = 0; x < SIZE; x++) Buffer.from(pixel(x, SIZE - 1 - y)).copy(pixels, (y * SIZE + x) * 4); // rows bottom-up
}
const mask = Buffer.alloc(SIZE * 4); // 1 bit per pixel, rows padded to 4 bytes: all shown (alpha decides)
const header = Buffer.alloc(40);
header.writeUInt32LE(40, 0);
header.writeInt32LE(SIZE, 4);
header.writeInt32LE(SIZE * 2, 8); // the XOR and AND bitmaps
header.writeUInt16LE(1, 12);
header.writeUInt16LE(32, 14);
header.writeUInt32LE(pixels.length + mask.length, 20);
const image = Buffer.concat([header, pixels, mask]);
const dir = Buffer.alloc(6 + 16);
dir.writeUInt16LE(1, 2); // an icon
dir.writeUInt16LE(1, 4); // one image
dir.writeUInt8(SIZE, 6);
dir.writeUInt8(SIZE, 7);
dir.writeUInt16LE(1, 10);
dir.writeUInt16LE(32, 12);
dir.writeUInt32LE(image.length, 14);
dir.writeUInt32LE(22, 18);
fs.writeFileSync(new URL('../static/favicon.ico', import.meta.url), Buffer.concat([dir, image]));
console.log(`static/favicon.ico: ${22 + image.length} bytes`);
