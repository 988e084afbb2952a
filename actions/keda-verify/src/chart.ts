/** A dependency-free SVG of a surge: p95 (with its target), burn rate and replicas over time. */
import type { Sample } from './timeline.ts';

const W = 720;
const PANEL = 150;
const LEFT = 60;

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function chartSvg(samples: readonly Sample[], p95Target: number, title: string): string {
  const tMax = Math.max(1, ...samples.map((s) => s.t));
  const x = (t: number) => LEFT + ((W - LEFT - 20) * t) / tMax;
  const panels: Array<{ label: string; key: 'p95' | 'burn' | 'replicas'; colour: string; line?: number }> = [
    { label: 'p95 latency (s)', key: 'p95', colour: '#d62728', line: p95Target },
    { label: 'error-budget burn (x)', key: 'burn', colour: '#ff7f0e' },
    { label: 'replicas', key: 'replicas', colour: '#1f77b4' },
  ];
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${panels.length * (PANEL + 30) + 40}" font-family="sans-serif" font-size="11">`,
    `<text x="${LEFT}" y="16" font-size="13">${esc(title)}</text>`,
  ];
  panels.forEach((p, i) => {
    const top = 30 + i * (PANEL + 30);
    const values = samples.map((s) => s[p.key]).filter((v): v is number => v !== null);
    const vMax = Math.max(1e-9, ...values, p.line ?? 0) * 1.1;
    const y = (v: number) => top + PANEL - (PANEL * v) / vMax;
    parts.push(
      `<rect x="${LEFT}" y="${top}" width="${W - LEFT - 20}" height="${PANEL}" fill="none" stroke="#ccc"/>`,
    );
    parts.push(`<text x="4" y="${top + 12}">${esc(p.label)}</text>`);
    parts.push(`<text x="${LEFT - 4}" y="${top + 10}" text-anchor="end">${+vMax.toPrecision(3)}</text>`);
    const surge = samples.filter((s) => s.phase === 'surge');
    if (surge.length)
      parts.push(
        `<rect x="${x(surge[0]!.t)}" y="${top}" width="${Math.max(1, x(surge[surge.length - 1]!.t) - x(surge[0]!.t))}" height="${PANEL}" fill="#f3e6ff" opacity="0.5"/>`,
      );
    if (p.line !== undefined)
      parts.push(
        `<line x1="${LEFT}" x2="${W - 20}" y1="${y(p.line)}" y2="${y(p.line)}" stroke="#999" stroke-dasharray="4 3"/><text x="${W - 22}" y="${y(p.line) - 3}" text-anchor="end">target ${p.line}</text>`,
      );
    const points = samples
      .filter((s) => s[p.key] !== null)
      .map((s) => `${x(s.t).toFixed(1)},${y(s[p.key] as number).toFixed(1)}`);
    if (points.length)
      parts.push(
        `<polyline fill="none" stroke="${p.colour}" stroke-width="1.5" points="${points.join(' ')}"/>`,
      );
  });
  parts.push(
    `<text x="${LEFT}" y="${panels.length * (PANEL + 30) + 30}">time (s) 0 … ${tMax.toFixed(0)}; shaded: surge</text>`,
    '</svg>',
  );
  return parts.join('\n') + '\n';
}
