import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { DigestBuilder } from './digest-builder.js';
import { checkRecord } from './record-schema.js';
import { ReportInputError, type InputProblem } from './report-input-error.js';
import type { RunDigest } from './run-digest.js';

/**
 * Streams a run file into a RunDigest, line by line: records are folded one at a time, so a run with millions
 * of pair records costs no more memory than its summary. Every line is parsed and checked against its record's
 * schema, even after a problem, so that one reading names every bad line; the fold stops at the first problem
 * (what follows a bad record cannot be trusted to make sense). Rejects with a ReportInputError listing them.
 */
export async function readRun(file: string): Promise<RunDigest> {
  const problems: InputProblem[] = [];
  const builder = new DigestBuilder(file);
  let handle;
  try {
    handle = await open(file);
  } catch (error) {
    throw new ReportInputError(file, [{ message: `cannot read the run file: ${reason(error)}` }]);
  }
  try {
    const lines = createInterface({ input: handle.createReadStream(), crlfDelay: Infinity });
    let line = 0;
    for await (const text of lines) {
      line++;
      if (text.trim() === '') continue;
      const problem = checkLine(text, builder, problems.length === 0);
      if (problem) problems.push({ line, ...problem });
    }
  } catch (error) {
    throw new ReportInputError(file, [...problems, { message: `cannot read the run file: ${reason(error)}` }]);
  } finally {
    await handle.close();
  }
  if (problems.length) throw new ReportInputError(file, problems);
  const digest = builder.finish();
  if ('message' in digest) throw new ReportInputError(file, [digest]);
  return digest;
}

const NOT_A_RUN = 'is this a whatif run (NDJSON, one record a line), complete and not cut short?';
const NOT_AS_WRITTEN = 'the README\'s "Output contract" says what each record holds: was the file written by whatif, and left unedited?';

function checkLine(text: string, builder: DigestBuilder, fold: boolean): Omit<InputProblem, 'line'> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { message: `not JSON (${(error as Error).message})`, hint: NOT_A_RUN };
  }
  const checked = checkRecord(value);
  if ('problem' in checked) return { message: checked.problem, hint: checked.notARecord ? NOT_A_RUN : NOT_AS_WRITTEN };
  if ('skip' in checked || !fold) return undefined;
  const problem = builder.add(checked.record);
  return problem === undefined ? undefined : { message: problem };
}

function reason(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  return e.code === 'ENOENT' ? 'no such file' : e.code === 'EISDIR' ? 'a directory, not a file' : e.message;
}
