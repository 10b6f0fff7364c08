/**
 * Renders the committed PNG icons from icons/icon.svg (run by hand after changing the SVG:
 * `npx tsx apps/client/scripts/make-icons.ts`). sharp comes from the server's dependencies.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const dir = fileURLToPath(new URL('../public/icons/', import.meta.url));
const svg = await readFile(`${dir}icon.svg`);
const render = (size: number, file: string, padding = 0) =>
  sharp(svg, { density: 300 })
    .resize(size - padding * 2, size - padding * 2)
    .extend({ top: padding, bottom: padding, left: padding, right: padding, background: '#5b3cc4' })
    .png({ compressionLevel: 9, palette: true })
    .toFile(`${dir}${file}`);
await render(192, 'icon-192.png');
await render(512, 'icon-512.png');
await render(180, 'apple-touch-icon.png');
// Maskable icons keep their content inside the central 80% safe zone.
await render(512, 'maskable-512.png', 52);
