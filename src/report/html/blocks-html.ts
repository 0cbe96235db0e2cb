import type { Block, Section, Table } from '../words/document.js';
import { richHtml } from './rich-html.js';
import { html, type Html } from './template.js';

/** A section of the review on the page; blocks meant for the Markdown only are left out. */
export function sectionHtml(s: Section): Html {
  return html`<section id="${s.id}"><h2>${s.title}</h2>${s.intro && html`<p class="intro">${richHtml(s.intro)}</p>`}${htmlBlocks(s).map(blockHtml)}</section>`;
}

export function htmlBlocks(s: Section): Block[] {
  return s.blocks.filter((b) => b.only !== 'markdown');
}

function blockHtml(b: Block): Html {
  switch (b.kind) {
    case 'heading': return html`<h3>${richHtml(b.text)}</h3>`;
    case 'paragraph': return html`<p${b.muted ? html` class="muted"` : ''}>${richHtml(b.text)}</p>`;
    case 'list': return html`<ul>${b.items.map((i) => html`<li>${richHtml(i)}</li>`)}</ul>`;
    case 'table': return b.folded ? html`<details class="folded"><summary>${richHtml(b.folded)}</summary>${tableHtml(b)}</details>` : tableHtml(b);
  }
}

/** A table whose headers sort it (the page's script); a row with a scenario shows it on the heatmap when clicked. */
function tableHtml(t: Table): Html {
  const head = t.columns.map((c) => html`<th scope="col"${c.numeric ? html` class="num" data-type="number"` : ''}${c.title ? html` title="${c.title}"` : ''}><button type="button">${typeof c.label === 'string' ? c.label : richHtml(c.label)}</button></th>`);
  const rows = t.rows.map((row, i) => {
    const scenario = t.scenarios?.[i];
    const attrs = scenario === undefined ? '' : html` data-heatmap="${scenario}" tabindex="0" title="Show on the heatmap"`;
    return html`<tr${attrs}>${row.map((cell, j) => html`<td${t.columns[j]?.numeric ? html` class="num"` : ''}>${richHtml(cell)}</td>`)}</tr>\n`;
  });
  return html`<table class="sortable"${t.id ? html` id="${t.id}"` : ''}><thead><tr>${head}</tr></thead><tbody>\n${rows}</tbody></table>`;
}
