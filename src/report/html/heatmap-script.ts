import type { PageData } from './page-data.js';

/**
 * The heatmap's script, written in TypeScript and embedded in the page as its compiled source text
 * (render-html.ts): so it uses nothing outside its own body. It draws from the data island (page-data.ts):
 * sites against sites, or for an estate groups against groups with a click drilling down to the sites of two
 * groups; it redraws for the scenario picked in the list or the ranking. Every name is written with
 * textContent or setAttribute, never parsed as HTML. No network, no dependencies.
 */
export function heatmapScript(): void {
  const SVG = 'http://www.w3.org/2000/svg';
  const LABEL_CHARS = 22;
  const data = JSON.parse(document.getElementById('whatif-data')!.textContent!) as PageData;
  const n = data.sites.length;
  const baseline = data.baseline.split('') as (keyof PageData['codes'])[];
  const select = document.getElementById('scenario-select') as HTMLSelectElement | null;
  const caption = document.getElementById('heatmap-caption');
  const where = document.getElementById('heatmap-where');
  const back = document.getElementById('heatmap-back') as HTMLButtonElement | null;
  const holder = document.getElementById('heatmap');

  let cells = baseline;
  let changed = new Set<number>();
  /** The two groups drawn site by site, or undefined: every site (a network), every group (an estate). */
  let focus: { rows: number; columns: number } | undefined;

  interface Cell {
    className: string;
    title: string;
    mark?: string;
    fill?: string;
    /** The mark's colour, when the fill is drawn here rather than by the stylesheet. */
    ink?: string;
    attributes: Record<string, string>;
    onClick?: () => void;
  }

  function element<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number> = {}): SVGElementTagNameMap[K] {
    const e = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attributes)) e.setAttribute(name, String(value));
    return e;
  }

  function label(text: string): string {
    return text.length > LABEL_CHARS ? `${text.slice(0, LABEL_CHARS - 1)}…` : text;
  }

  /** Rows against columns as an SVG grid, labels on the left and slanted on top. */
  function grid(rows: string[], columns: string[], cellOf: (row: number, column: number) => Cell, groups = false): SVGSVGElement {
    const most = Math.max(rows.length, columns.length);
    // Group cells carry a percentage: they stay big enough to read it.
    const size = groups ? (most <= 12 ? 44 : most <= 24 ? 34 : 20) : most <= 8 ? 40 : most <= 16 ? 30 : most <= 40 ? 18 : 10;
    const font = Math.min(13, Math.max(9, size * 0.32));
    const longest = Math.min(LABEL_CHARS, Math.max(1, ...rows.map((r) => r.length), ...columns.map((c) => c.length)));
    const margin = Math.ceil(longest * font * 0.62) + 12;
    // Column labels at 45 degrees need about 0.71 of their length upward, and as much rightward.
    const slant = Math.ceil(longest * font * 0.62 * 0.71);
    const top = slant + 16;
    const width = margin + columns.length * size + Math.max(8, slant - size / 2);
    const height = top + rows.length * size + 8;
    const svg = element('svg', { class: 'heatmap', role: 'img', width, height, viewBox: `0 0 ${width} ${height}`, 'font-size': font });
    svg.setAttribute('aria-label', 'Reachability matrix, rows are sources, columns destinations');
    rows.forEach((text, i) => {
      const t = element('text', { class: 'row-label', x: margin - 8, y: top + i * size + size / 2, 'text-anchor': 'end', 'dominant-baseline': 'central' });
      t.append(titled(text), label(text));
      svg.append(t);
    });
    columns.forEach((text, j) => {
      const t = element('text', { class: 'col-label', transform: `translate(${margin + j * size + size / 2} ${top - 8}) rotate(-45)`, 'text-anchor': 'start' });
      t.append(titled(text), label(text));
      svg.append(t);
    });
    rows.forEach((_, i) => columns.forEach((__, j) => {
      const cell = cellOf(i, j);
      const x = margin + j * size;
      const y = top + i * size;
      const g = element('g', { class: cell.className, ...cell.attributes });
      const rect = element('rect', { x: x + 1, y: y + 1, width: size - 2, height: size - 2, rx: 3 });
      if (cell.fill) rect.setAttribute('style', `fill: ${cell.fill}`);
      g.append(rect);
      if (cell.mark && size >= (groups ? 30 : 24)) {
        const mark = element('text', { x: x + size / 2, y: y + size / 2, 'text-anchor': 'middle', 'dominant-baseline': 'central' });
        mark.textContent = cell.mark;
        if (cell.ink) mark.setAttribute('style', `fill: ${cell.ink}`);
        g.append(mark);
      }
      g.append(titled(cell.title));
      if (cell.onClick) {
        g.setAttribute('tabindex', '0');
        g.addEventListener('click', cell.onClick);
        g.addEventListener('keydown', (e) => { if (e.key === 'Enter') cell.onClick!(); });
      }
      svg.append(g);
    }));
    return svg;
  }

  function titled(text: string): SVGTitleElement {
    const t = element('title');
    t.textContent = text;
    return t;
  }

  function siteCell(s: number, d: number): Cell {
    const code = data.codes[cells[s * n + d]!];
    const outlined = changed.has(s * n + d);
    return {
      className: `cell ${code.state}${outlined ? ' changed' : ''}`,
      title: `${data.sites[s]} → ${data.sites[d]}: ${code.legend}`,
      mark: code.mark,
      attributes: { 'data-src': data.sites[s]!, 'data-dst': data.sites[d]!, 'data-row': String(s), 'data-col': String(d) },
    };
  }

  function groupCell(r: number, c: number): Cell {
    let pairs = 0;
    let reachable = 0;
    let asymmetric = 0;
    let oneWay = 0;
    let outlined = false;
    for (const s of data.groups[r]!.sites) {
      for (const d of data.groups[c]!.sites) {
        if (s === d) continue;
        const state = data.codes[cells[s * n + d]!].state;
        pairs++;
        if (state !== 'unreachable') reachable++;
        if (state === 'asymmetric') asymmetric++;
        if (state === 'one-way') oneWay++;
        if (changed.has(s * n + d)) outlined = true;
      }
    }
    const share = pairs ? reachable / pairs : 1;
    const percent = pairs ? `${Math.floor(share * 100)}%` : '-';
    const odd = [asymmetric ? `${asymmetric} asymmetric` : '', oneWay ? `${oneWay} one-way` : ''].filter(Boolean).join(', ');
    return {
      className: `group-cell${asymmetric + oneWay ? ' odd' : ''}${outlined ? ' changed' : ''}`,
      title: `${data.groups[r]!.label} → ${data.groups[c]!.label}: ${reachable} of ${pairs} pairs reachable (${percent})${odd ? `; ${odd}` : ''}. Click for the sites.`,
      mark: percent,
      // Unreachable is grey; the more pairs reachable, the deeper the green (and the mark turns white on it).
      fill: reachable === 0 ? 'var(--none)' : `hsl(145, 50%, ${Math.round(82 - share * 45)}%)`,
      ink: share > 0.6 ? '#fff' : 'var(--ink)',
      attributes: { 'data-group-row': String(r), 'data-group-col': String(c), 'data-reachable': String(reachable), 'data-pairs': String(pairs), 'data-asymmetric': String(asymmetric) },
      onClick: () => { focus = { rows: r, columns: c }; draw(); },
    };
  }

  function draw(): void {
    if (!holder) return;
    let svg: SVGSVGElement;
    if (focus) {
      const rows = data.groups[focus.rows]!.sites;
      const columns = data.groups[focus.columns]!.sites;
      svg = grid(rows.map((s) => data.sites[s]!), columns.map((d) => data.sites[d]!), (i, j) => siteCell(rows[i]!, columns[j]!));
    } else if (data.aggregate) {
      const labels = data.groups.map((g) => g.label);
      svg = grid(labels, labels, groupCell, true);
    } else {
      const all = data.sites.map((_, i) => i);
      svg = grid(data.sites, data.sites, (i, j) => siteCell(all[i]!, all[j]!));
    }
    holder.replaceChildren(svg);
    if (back) back.hidden = !focus;
    if (where) where.textContent = focus ? `${data.groups[focus.rows]!.label} → ${data.groups[focus.columns]!.label}, site by site` : data.aggregate ? 'Groups of sites: click a cell for its sites.' : '';
  }

  /** Cells of a scenario, decoded from the data island's runs of base-36 index distances (page-data.ts). */
  function show(index: number): void {
    cells = baseline;
    changed = new Set();
    if (index >= 0) {
      cells = baseline.slice();
      for (const run of data.scenarios[index]!.changes.split(';')) {
        if (!run) continue;
        const code = run[0] as keyof PageData['codes'];
        let cell = 0;
        run.slice(1).split(',').forEach((step, i) => {
          cell = (i === 0 ? 0 : cell) + parseInt(step, 36);
          cells[cell] = code;
          changed.add(cell);
        });
      }
    }
    draw();
    if (caption) {
      const count = changed.size;
      caption.textContent = index < 0 ? 'Baseline: no failure.'
        : `When ${data.scenarios[index]!.failed.join(' and ')} fails: ${count} cell${count === 1 ? '' : 's'} changed (outlined).`;
    }
    document.querySelectorAll('tr[data-heatmap]').forEach((tr) => tr.classList.toggle('selected', Number(tr.getAttribute('data-heatmap')) === index));
  }

  if (select) {
    select.addEventListener('change', () => show(Number(select.value)));
    document.querySelectorAll<HTMLTableRowElement>('tr[data-heatmap]').forEach((tr) => {
      const pick = (): void => {
        select.value = tr.getAttribute('data-heatmap')!;
        show(Number(select.value));
      };
      tr.addEventListener('click', pick);
      tr.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          pick();
        }
      });
    });
  }
  back?.addEventListener('click', () => { focus = undefined; draw(); });
  draw();
}
