/**
 * npm run icons
 * Draws the Teams app icons into appPackage/: a white shield holding three
 * conversation dots (safeguarding, in a chat). color.png is 192×192 on the
 * accent colour; outline.png is 32×32, white on transparent, as Teams asks.
 * The PNGs are committed; a test checks they are what this script draws.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';

/** Also the manifest's accentColor (a test keeps them equal). */
export const ACCENT = '#0B5563';

type Shape = (x: number, y: number) => boolean;

const TIP = 0.92;

/** A shield in unit coordinates (x and y from -1 to 1, y down), shrunk by `inset` for an inner edge. */
function shield(inset = 0): Shape {
  const halfWidth = 0.72 - inset;
  const tip = TIP - inset * 1.8;
  return (x, y) => {
    const top = -0.8 + inset + 0.1 * (1 - Math.min(1, (x / halfWidth) ** 2));
    if (y < top || y > tip) return false;
    const width = y <= 0 ? halfWidth : halfWidth * Math.max(0, 1 - (y / tip) ** 2) ** 0.8;
    return Math.abs(x) <= width;
  };
}

const DOT_CENTRES = [-0.32, 0, 0.32];

function dots(radius: number): Shape {
  return (x, y) => DOT_CENTRES.some((cx) => (x - cx) ** 2 + (y + 0.05) ** 2 <= radius ** 2);
}

type Rgba = [number, number, number, number];

/**
 * Renders layers back to front, 4×4 samples per pixel for smooth edges. Each
 * layer is a shape and its colour; `scale` is the share of the icon the
 * symbol spans.
 */
function render(size: number, scale: number, background: Rgba, layers: Array<[Shape, Rgba]>): Buffer {
  const png = new PNG({ width: size, height: size });
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum: Rgba = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = ((px + (sx + 0.5) / samples) / size - 0.5) * (2 / scale);
          const y = ((py + (sy + 0.5) / samples) / size - 0.5) * (2 / scale);
          let colour = background;
          for (const [inside, fill] of layers) if (inside(x, y)) colour = fill;
          // Premultiplied, so transparent samples do not darken an edge.
          const alpha = colour[3] / 255;
          sum[0] += colour[0] * alpha;
          sum[1] += colour[1] * alpha;
          sum[2] += colour[2] * alpha;
          sum[3] += colour[3];
        }
      }
      const n = samples * samples;
      const alpha = sum[3] / n;
      const i = (py * size + px) * 4;
      const unpremultiply = (c: number) => (alpha === 0 ? 0 : Math.round(c / n / (alpha / 255)));
      png.data[i] = unpremultiply(sum[0]);
      png.data[i + 1] = unpremultiply(sum[1]);
      png.data[i + 2] = unpremultiply(sum[2]);
      png.data[i + 3] = Math.round(alpha);
    }
  }
  return PNG.sync.write(png, { colorType: 6 });
}

function hex(colour: string): Rgba {
  const n = Number.parseInt(colour.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, 255];
}

const WHITE: Rgba = [255, 255, 255, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

export function drawColorIcon(): Buffer {
  const accent = hex(ACCENT);
  return render(192, 0.62, accent, [
    [shield(), WHITE],
    [dots(0.11), accent],
  ]);
}

export function drawOutlineIcon(): Buffer {
  const outer = shield();
  const inner = shield(0.16);
  const ring: Shape = (x, y) => outer(x, y) && !inner(x, y);
  return render(32, 0.97, CLEAR, [
    [ring, WHITE],
    [dots(0.13), WHITE],
  ]);
}

export const ICON_FILES = { color: 'color.png', outline: 'outline.png' } as const;

if (require.main === module) {
  const dir = path.resolve(__dirname, '..', 'appPackage');
  writeFileSync(path.join(dir, ICON_FILES.color), drawColorIcon());
  writeFileSync(path.join(dir, ICON_FILES.outline), drawOutlineIcon());
  console.log(`Wrote ${ICON_FILES.color} and ${ICON_FILES.outline} in ${dir}`);
}
