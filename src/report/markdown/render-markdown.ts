import type { Block, ReviewDocument, Section, Table } from '../words/document.js';
import { STATE_MARK, STATE_SHORT } from '../words/labels.js';
import type { Inline, Rich } from '../words/rich.js';
import { mdCell, mdCode, mdLink, mdText } from './markdown-text.js';

/** The review as Markdown: the document's words, ids as code spans, tables cut to their short form. */
export function renderMarkdown(doc: ReviewDocument): string {
  const parts = [
    `# ${rich(doc.title)}\n\n${rich(doc.facts)}\n`,
    ...doc.warnings.map((w) => `> **Warning:** ${rich(w)}\n`),
    doc.compare ? section(doc.compare) : '',
    `## At a glance\n\n${doc.glance.map((l) => `- ${rich(l)}`).join('\n')}\n`,
    ...doc.sections.map(section),
  ];
  return parts.filter(Boolean).join('\n');
}

function section(s: Section): string {
  const blocks = s.blocks.filter((b) => b.only !== 'html').map(block);
  return [`## ${mdText(s.title)}\n`, ...(s.intro ? [`${rich(s.intro)}\n`] : []), ...blocks].join('\n');
}

function block(b: Block): string {
  switch (b.kind) {
    case 'heading': return `### ${rich(b.text)}\n`;
    case 'paragraph': return `${rich(b.text)}\n`;
    case 'list': return `${b.items.map((i) => `- ${rich(i)}`).join('\n')}\n`;
    case 'table': return table(b);
  }
}

function table(t: Table): string {
  const line = (cells: string[]): string => `| ${cells.map(mdCell).join(' | ')} |`;
  const cut = t.brief && t.rows.length > t.brief.rows ? t.brief : undefined;
  const rows = cut ? t.rows.slice(0, cut.rows) : t.rows;
  const head = t.columns.map((c) => (c.title !== undefined ? mdText(c.title) : typeof c.label === 'string' ? mdText(c.label) : rich(c.label)));
  const text = [line(head), `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => line(r.map(rich)))].join('\n') + '\n';
  return cut ? `${text}\n${rich(cut.note)}\n` : text;
}

function rich(line: Rich): string {
  return line.map(inline).join('');
}

function inline(part: Inline): string {
  if (typeof part === 'string') return mdText(part);
  if ('id' in part) return mdCode(part.id);
  if ('strong' in part) return `**${mdText(part.strong)}**`;
  if ('link' in part) return mdLink(part.text, part.link);
  if ('path' in part) return mdCode(part.path.join(' > '));
  if ('pair' in part) return `${mdCode(part.pair.a)} ${part.pair.both ? '<->' : '->'} ${mdCode(part.pair.b)}`;
  if ('state' in part) return `${STATE_MARK[part.state]} ${STATE_SHORT[part.state]}`;
  return `**${part.severity}**`;
}
