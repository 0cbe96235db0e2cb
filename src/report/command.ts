import { openAtomicFile } from '../output/atomic-file.js';
import { renderHtml } from './html/render-html.js';
import { renderMarkdown } from './markdown/render-markdown.js';
import { readRun } from './read/read-run.js';
import { ReportInputError } from './read/report-input-error.js';
import { buildView } from './view/build-view.js';
import { compareRuns } from './view/compare.js';
import { reviewDocument } from './words/review.js';

export interface ReportOptions {
  run: string;
  html?: string | undefined;
  compare?: string | undefined;
}

/**
 * `whatif report`: Markdown on stdout, the page to `--html FILE`. Both runs are read and checked before
 * anything is written, so bad input leaves stdout empty and returns 2 with every problem on stderr.
 */
export async function reportCommand(options: ReportOptions, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  let markdown: string;
  let page: string | undefined;
  try {
    const current = await readRun(options.run);
    const previous = options.compare ? await readRun(options.compare) : undefined;
    const view = buildView(current);
    const doc = reviewDocument(view, previous && compareRuns(previous, current));
    markdown = renderMarkdown(doc);
    if (options.html) page = renderHtml(doc, view);
  } catch (error) {
    if (!(error instanceof ReportInputError)) throw error;
    err.write(error.text('whatif report: '));
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
