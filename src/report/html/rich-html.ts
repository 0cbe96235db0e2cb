import { STATE_MARK, STATE_SHORT } from '../words/labels.js';
import type { Inline, Rich } from '../words/rich.js';
import { html, type Html } from './template.js';

/** A line of the review as HTML: ids in <code>, verdicts with their swatch, links to their (https) source. */
export function richHtml(line: Rich): Html {
  return html`${line.map(inlineHtml)}`;
}

function inlineHtml(part: Inline): Html {
  if (typeof part === 'string') return html`${part}`;
  if ('id' in part) return html`<code>${part.id}</code>`;
  if ('strong' in part) return html`<strong>${part.strong}</strong>`;
  if ('link' in part) return html`<a href="${part.link}" rel="noreferrer">${part.text}</a>`;
  if ('path' in part) return html`<span class="path">${part.path.map((u, i) => html`${i ? html` <span class="hop">›</span> ` : ''}<code>${u}</code>`)}</span>`;
  if ('pair' in part) return html`<span class="pair"><code>${part.pair.a}</code> <span class="arrow">${part.pair.both ? '↔' : '→'}</span> <code>${part.pair.b}</code></span>`;
  if ('state' in part) return html`<span class="swatch ${part.state}">${STATE_MARK[part.state]}</span> ${STATE_SHORT[part.state]}`;
  return html`<span class="severity ${part.severity}">${part.severity}</span>`;
}

/** A line as plain text (the page's script writes such text with textContent). */
export function plainText(line: Rich): string {
  return line.map((part) => (typeof part === 'string' ? part : 'id' in part ? part.id : 'strong' in part ? part.strong : 'link' in part ? part.text
    : 'path' in part ? part.path.join(' > ') : 'pair' in part ? `${part.pair.a} ${part.pair.both ? '↔' : '→'} ${part.pair.b}` : 'state' in part ? STATE_SHORT[part.state] : part.severity)).join('');
}
