/** Where a run file goes wrong: a line (1-based) or, without one, the file as a whole; and what may be the cause. */
export interface InputProblem {
  line?: number;
  message: string;
  hint?: string;
}

/** Most problems listed; a count stands for the rest (a topology given by mistake is hundreds of bad lines). */
const LISTED = 10;

/**
 * A run file the report cannot read, with every problem found: the CLI prints `text()` on stderr and exits 2,
 * writing nothing else.
 */
export class ReportInputError extends Error {
  constructor(readonly file: string, readonly problems: InputProblem[]) {
    super(`${file}: ${problems[0]?.message ?? 'cannot be read'}`);
    this.name = 'ReportInputError';
  }

  /** One line per problem as compilers write them, `FILE:LINE: message`, then each hint once. */
  text(prefix: string): string {
    const lines = this.problems.slice(0, LISTED).map((p) => `${prefix}${this.file}${p.line === undefined ? '' : `:${p.line}`}: ${p.message}`);
    const more = this.problems.length - LISTED;
    if (more > 0) lines.push(`${prefix}${this.file}: ${more} more problem${more === 1 ? '' : 's'}`);
    const hints = new Set(this.problems.flatMap((p) => (p.hint ? [p.hint] : [])));
    return [...lines, ...[...hints].map((h) => `${prefix}${h}`)].map((l) => `${l}\n`).join('');
  }
}
