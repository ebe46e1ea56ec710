import { describe, expect, it } from 'vitest';
import { loadActors } from './dictionaries.ts';

// Colour science for the check: WCAG relative luminance, CIELAB (D65), and Machado et al. (2009)
// matrices for full-severity colour-vision deficiencies, applied in linear sRGB.
const lin = (c: number) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
const unlin = (c: number) => {
  const x = Math.min(1, Math.max(0, c));
  return 255 * (x <= 0.0031308 ? 12.92 * x : 1.055 * x ** (1 / 2.4) - 0.055);
};
const rgb = (hex: string) =>
  [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
const luminance = (c: number[]) => {
  const [r = 0, g = 0, b = 0] = c.map(lin);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a: number[], b: number[]) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
};
const CVD: Record<string, number[][]> = {
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};
const simulate = (c: number[], m: number[][]) => {
  const l = c.map(lin);
  return m.map((row) => unlin(row.reduce((s, v, j) => s + v * (l[j] ?? 0), 0)));
};
const lab = (c: number[]) => {
  const [r = 0, g = 0, b = 0] = c.map(lin);
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
  const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
  const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
};
const deltaE = (a: number[], b: number[]) => Math.hypot(...lab(a).map((v, i) => v - (lab(b)[i] ?? 0)));

const LAND = rgb('#f3f1ec');
// Actors with a colour of their own; the others take their ACLED type's colour.
const actors = loadActors(['seeds/actors.yaml']).flatMap((a) => (a.color ? [{ ...a, color: a.color }] : []));

describe('the actor palette', () => {
  it('has at least 3:1 contrast against the land colour of the basemap (WCAG 1.4.11)', () => {
    for (const a of actors)
      expect(contrast(rgb(a.color), LAND), `${a.id} ${a.color}`).toBeGreaterThanOrEqual(3);
  });
  it('keeps every two actors apart for normal vision and under each colour-vision deficiency', () => {
    for (const [name, m] of [['normal', null], ...Object.entries(CVD)] as [string, number[][] | null][]) {
      for (let i = 0; i < actors.length; i++) {
        for (let j = i + 1; j < actors.length; j++) {
          const a = actors[i];
          const b = actors[j];
          if (!a || !b) continue;
          const [x, y] = [rgb(a.color), rgb(b.color)].map((c) => (m ? simulate(c, m) : c)) as [
            number[],
            number[],
          ];
          expect(deltaE(x, y), `${name}: ${a.id} vs ${b.id}`).toBeGreaterThanOrEqual(15);
        }
      }
    }
  });
});
