/**
 * What an import found besides the topology, each with where it came from: problems (bad input: the import
 * fails), notes (what was not mapped, skipped or could not be expressed: stderr), and assumptions (every
 * default the importer chose: the topology's `assumptions`).
 */

/** A place in the input: a file, and in it a JSON path or resource id, or a range of configuration lines. */
export interface SourceRef {
  file: string;
  path?: string;
  line?: number;
  lastLine?: number;
}

export interface ImportProblem {
  at: SourceRef;
  message: string;
  /** What to do about it. */
  hint: string;
}

/**
 * - not-mapped: a resource or reference the topology could not use (a peering to a VNet outside the export)
 * - not-expressible: something the input does that the topology format cannot hold; what was imported instead
 * - skipped: a resource of a type the importer does not use
 * - ignored / not-understood / changes-routing: configuration lines that were not imported (see LineNote)
 * - check: a warning of the topology's own validation (what `whatif validate` would say of the result)
 */
export type NoteKind = 'not-mapped' | 'not-expressible' | 'skipped' | 'ignored' | 'not-understood' | 'changes-routing' | 'check';

export interface ImportNote {
  at: SourceRef;
  kind: NoteKind;
  message: string;
}

export class Findings {
  readonly problems: ImportProblem[] = [];
  readonly notes: ImportNote[] = [];
  readonly assumptions: string[] = [];

  problem(at: SourceRef, message: string, hint: string): void {
    this.problems.push({ at, message, hint });
  }

  note(at: SourceRef, kind: NoteKind, message: string): void {
    this.notes.push({ at, kind, message });
  }

  assume(text: string): void {
    this.assumptions.push(text);
  }
}

/** `file: path` or `file line 12` or `file lines 14-17`: how a person finds the place. */
export function describeSource(at: SourceRef): string {
  const lines = describeLines(at);
  if (lines !== undefined) return `${at.file} ${lines}`;
  return at.path === undefined ? at.file : `${at.file}: ${at.path}`;
}

/** `line 12` or `lines 14-17`, or undefined for a place that is not in a configuration. */
export function describeLines(at: SourceRef): string | undefined {
  if (at.line === undefined) return undefined;
  return at.lastLine !== undefined && at.lastLine !== at.line ? `lines ${at.line}-${at.lastLine}` : `line ${at.line}`;
}
