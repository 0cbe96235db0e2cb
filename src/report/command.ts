import { openAtomicFile } from '../output/atomic-file.js';
import { compareRuns } from './compare.js';
import { ReportInputError } from './digest-builder.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import { readRun } from './read-run.js';
import { buildView } from './view.js';

export interface ReportOptions {
  run: string;
  html?: string | undefined;
  compare?: string | undefined;
}

/**
 * `whatif report`: Markdown on stdout, the page to `--html FILE`. Both files are read before anything is
 * written, so bad input leaves stdout empty and returns 2 with the reason on stderr.
 */
export async function reportCommand(options: ReportOptions, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  let markdown: string;
  let page: string | undefined;
  try {
    const current = await readRun(options.run);
    const previous = options.compare ? await readRun(options.compare) : undefined;
    const view = buildView(current);
    const comparison = previous ? compareRuns(previous, current) : undefined;
    markdown = renderMarkdown(view, comparison);
    if (options.html) page = renderHtml(view, comparison);
  } catch (error) {
    if (!(error instanceof ReportInputError)) throw error;
    err.write(`whatif report: ${error.message}\n`);
    return 2;
  }
  if (options.html && page !== undefined) {
    const file = openAtomicFile(options.html);
    file.stream.write(page);
    await file.commit();
    err.write(`whatif report: wrote ${options.html}\n`);
  }
  out.write(markdown);
  return 0;
}
