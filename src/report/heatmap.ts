import { CELL_STATES, type CellState } from './cells.js';
import { esc } from './html-blocks.js';
import { STATE_CAPTION, STATE_LEGEND, STATE_MARK } from './labels.js';

const LABEL_CHARS = 22;

/**
 * The sites x sites matrix as inline SVG: one `<g class="cell STATE" data-src data-dst>` per cell, the
 * diagonal included, so the page's script can recolour a scenario in place by changing classes.
 */
export function heatmapSvg(sites: readonly string[], states: CellState[][]): string {
  const n = sites.length;
  const cell = n <= 8 ? 44 : n <= 16 ? 30 : n <= 40 ? 18 : 10;
  const font = Math.min(13, Math.max(9, cell * 0.32));
  const longest = Math.min(LABEL_CHARS, Math.max(...sites.map((s) => s.length)));
  const margin = Math.ceil(longest * font * 0.62) + 12;
  // Column labels are drawn at 45 degrees: they need about 0.71 of their length upward, and as much rightward.
  const slant = Math.ceil(longest * font * 0.62 * 0.71);
  const top = slant + 16;
  const size = { w: margin + n * cell + Math.max(8, slant - cell / 2), h: top + n * cell + 8 };
  const label = (s: string): string => (s.length > LABEL_CHARS ? `${s.slice(0, LABEL_CHARS - 1)}…` : s);
  const rows = sites.map((s, i) => {
    const y = top + i * cell + cell / 2;
    return `<text class="row-label" x="${margin - 8}" y="${y}" text-anchor="end" dominant-baseline="central"><title>${esc(s)}</title>${esc(label(s))}</text>`;
  });
  const cols = sites.map((s, j) => {
    const x = margin + j * cell + cell / 2;
    return `<text class="col-label" transform="translate(${x} ${top - 8}) rotate(-45)" text-anchor="start"><title>${esc(s)}</title>${esc(label(s))}</text>`;
  });
  const cells = states.flatMap((row, i) => row.map((state, j) => {
    const x = margin + j * cell;
    const y = top + i * cell;
    const mark = cell >= 24 ? `<text x="${x + cell / 2}" y="${y + cell / 2}" text-anchor="middle" dominant-baseline="central">${STATE_MARK[state]}</text>` : '';
    return `<g class="cell ${state}" data-src="${esc(sites[i]!)}" data-dst="${esc(sites[j]!)}" data-row="${i}" data-col="${j}">`
      + `<rect x="${x + 1}" y="${y + 1}" width="${cell - 2}" height="${cell - 2}" rx="3"/>${mark}`
      + `<title>${esc(sites[i]!)} → ${esc(sites[j]!)}: ${STATE_LEGEND[state]}</title></g>`;
  }));
  return `<svg class="heatmap" role="img" aria-label="Reachability matrix, rows are sources, columns destinations" width="${size.w}" height="${size.h}" viewBox="0 0 ${size.w} ${size.h}" font-size="${font}">`
    + rows.join('') + cols.join('') + cells.join('') + '</svg>';
}

export function heatmapLegend(): string {
  return `<ul class="legend">${CELL_STATES.map((s) => `<li><span class="swatch ${s}">${STATE_MARK[s]}</span>${esc(STATE_CAPTION[s])}</li>`).join('')}`
    + '<li><span class="swatch changed"></span>changed from the baseline</li></ul>';
}
