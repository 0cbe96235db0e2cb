import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Just enough of GitHub Actions to run examples/github/whatif-nightly.yml's jobs here: `run` steps in bash as
 * the runner starts them (`-eo pipefail`), with the workflow's and the step's env, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY
 * and the `${{ }}` expressions the test supplies (an unknown one fails the step); a failed step ends the job.
 * Checkout and setup-node are the job's directory holding the repository's files; artifacts are folders under
 * `artifacts`. What cannot run here (installing, the GitHub API) the test names and does itself.
 */
export interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string | number | boolean>;
  env?: Record<string, string>;
}

export interface Job {
  needs?: string | string[];
  strategy?: { matrix: Record<string, (string | number)[]> };
  steps: Step[];
}

export interface Workflow {
  name: string;
  on: Record<string, unknown>;
  env: Record<string, string>;
  jobs: Record<string, Job>;
}

export interface JobRun {
  /** Each step, in order, up to the first that failed: its name (or `uses`) and exit status. */
  steps: { step: string; status: number; stderr: string }[];
  /** The job summary that `run` steps appended. */
  summary: string;
}

export interface JobContext {
  dir: string;
  artifacts: string;
  env: NodeJS.ProcessEnv;
  expressions: Record<string, string>;
  /** Steps the test stands in for, by name: what the step would have done, done by the test. */
  standIns: Record<string, (dir: string) => void>;
}

export function runJob(workflow: Workflow, job: Job, context: JobContext): JobRun {
  const outputs: Record<string, string> = {};
  const summaryFile = join(context.dir, '.step-summary.md');
  writeFileSync(summaryFile, '');
  const result: JobRun = { steps: [], summary: '' };
  for (const step of job.steps) {
    const label = step.name ?? step.uses ?? '(unnamed)';
    const standIn = step.name !== undefined ? context.standIns[step.name] : undefined;
    let status = 0;
    let stderr = '';
    if (standIn) standIn(context.dir);
    else if (step.uses) useAction(step, context);
    else if (step.run !== undefined) {
      const expression = expand(context.expressions, outputs);
      const outputFile = join(context.dir, '.step-output');
      writeFileSync(outputFile, '');
      const env = Object.fromEntries(Object.entries({ ...workflow.env, ...step.env }).map(([k, v]) => [k, expression(String(v))]));
      const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', expression(step.run)], {
        cwd: context.dir, encoding: 'utf8', maxBuffer: 1 << 28,
        env: { ...context.env, ...env, GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile },
      });
      status = r.status ?? 1;
      stderr = r.stderr;
      if (step.id) {
        for (const line of readFileSync(outputFile, 'utf8').split('\n')) {
          const at = line.indexOf('=');
          if (at > 0) outputs[`steps.${step.id}.outputs.${line.slice(0, at)}`] = line.slice(at + 1);
        }
      }
    } else throw new Error(`step ${label}: neither run nor uses`);
    result.steps.push({ step: label, status, stderr });
    if (status !== 0) break;
  }
  result.summary = readFileSync(summaryFile, 'utf8');
  return result;
}

/** `${{ expr }}` from the test's values and earlier steps' outputs; anything else is an error, never ''. */
function expand(values: Record<string, string>, outputs: Record<string, string>): (text: string) => string {
  return (text) => text.replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_, name: string) => {
    const value = values[name] ?? outputs[name];
    if (value === undefined) throw new Error(`no value for \${{ ${name} }}`);
    return value;
  });
}

function useAction(step: Step, context: JobContext): void {
  const action = step.uses!.replace(/@.*$/, '');
  const w = step.with ?? {};
  const value = (key: string): string => expand(context.expressions, {})(String(w[key]));
  if (action === 'actions/checkout' || action === 'actions/setup-node') return;
  if (action === 'actions/upload-artifact') {
    const into = join(context.artifacts, value('name'));
    mkdirSync(into, { recursive: true });
    for (const path of value('path').split('\n').map((p) => p.trim()).filter((p) => p !== '')) {
      if (!existsSync(join(context.dir, path))) throw new Error(`upload-artifact: no ${path}`);
      cpSync(join(context.dir, path), join(into, path));
    }
    return;
  }
  if (action === 'actions/download-artifact') {
    const pattern = new RegExp(`^${value('pattern').replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
    if (w['merge-multiple'] !== true) throw new Error('download-artifact: only merge-multiple is simulated');
    const into = join(context.dir, value('path'));
    mkdirSync(into, { recursive: true });
    for (const name of readdirSync(context.artifacts).filter((n) => pattern.test(n))) cpSync(join(context.artifacts, name), into, { recursive: true });
    return;
  }
  throw new Error(`no stand-in for the action ${step.uses}`);
}
