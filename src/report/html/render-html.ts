import type { ReportView } from '../view/report-view.js';
import type { Card, ReviewDocument } from '../words/document.js';
import { htmlBlocks, sectionHtml } from './blocks-html.js';
import { heatmapPanel } from './heatmap-panel.js';
import { heatmapScript } from './heatmap-script.js';
import { pageData } from './page-data.js';
import { plainText, richHtml } from './rich-html.js';
import { STYLE } from './style.js';
import { tableSortScript } from './table-sort-script.js';
import { html, inlineScript, jsonIsland, type Html } from './template.js';

/** Up to this many sites the heatmap fits beside the ranking table. */
const SIDE_BY_SIDE_SITES = 10;

/**
 * The review as one self-contained page: inline CSS, a data island and an inline script, no network. Same
 * words and order as the Markdown; the heatmap (beside the ranking) stands for the Markdown's matrix.
 */
export function renderHtml(doc: ReviewDocument, view: ReportView): string {
  const ranking = doc.sections.find((s) => s.id === 'ranking');
  const others = doc.sections.filter((s) => s !== ranking && htmlBlocks(s).length > 0);
  const page = html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${plainText(doc.title)}</title>
${STYLE}</head>
<body>
<header class="top"><h1>${richHtml(doc.title)}${doc.partial ? html`<span class="badge partial">partial run</span>` : html`<span class="badge complete">complete</span>`}</h1>
<p class="facts">${richHtml(doc.facts)}</p></header>
<main>
${doc.warnings.map((w) => html`<div class="warning" role="alert"><strong>Warning:</strong> ${richHtml(w)}</div>\n`)}${doc.compare && sectionHtml(doc.compare)}
<div class="cards">${doc.cards.map(card)}</div>
<ul class="headlines">${doc.glance.map((l) => html`<li>${richHtml(l)}</li>`)}</ul>
<div class="${view.sites.length <= SIDE_BY_SIDE_SITES ? 'split' : 'stack'}">${heatmapPanel(view)}${ranking && sectionHtml(ranking)}</div>
${others.map((s) => html`${sectionHtml(s)}\n`)}</main>
${jsonIsland('whatif-data', pageData(view))}
${inlineScript(`(${heatmapScript.toString()})();\n(${tableSortScript.toString()})();`)}
</body></html>
`;
  return page.toString();
}

function card(c: Card): Html {
  return html`<div class="card ${c.tone}"><div class="value">${c.value}</div><div class="label">${c.label}</div></div>`;
}
