import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { CLI, SEED, whatif } from '../cli-process.js';
import { runJob, type Workflow } from './github-actions.js';

/**
 * examples/: each file parses, and every whatif command in it runs here against the seed as its batch engine
 * would run it (the index in the engine's variable, the volumes as folders, `whatif` on the PATH). Their
 * shards merge into exactly the one-machine run; the merge exits as that run does with the same --fail-on
 * (the seed has pairs below 99.99%: 1); the review files are written.
 */
const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'whatif-examples-'));
const bin = join(tmp, 'bin');
mkdirSync(bin);
writeFileSync(join(bin, 'whatif'), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`, { mode: 0o755 });
const PATH_WITH_WHATIF = { ...process.env, PATH: `${bin}:${process.env.PATH}` };

/** Every example runs the seed so: the bytes its merge must give, and the exit status with --fail-on availability. */
const RUN_OPTIONS = '--max-failures 3 --availability-target 99.99';
const oneMachine = whatif([SEED, ...RUN_OPTIONS.split(' '), '--fail-on', 'availability']);

function sh(script: string, cwd: string, env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync('sh', ['-c', script], { cwd, encoding: 'utf8', env: { ...PATH_WITH_WHATIF, ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function yamlDocuments(file: string): unknown[] {
  const documents = parseAllDocuments(readFileSync(join(EXAMPLES, file), 'utf8'));
  for (const d of documents) expect(d.errors, file).toEqual([]);
  return documents.map((d) => d.toJS() as unknown);
}

function workDir(name: string): string {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

it('the one-machine run of the examples\' options finds pairs below the target', () => {
  expect(oneMachine.status).toBe(1);
});

describe('Kubernetes: an Indexed Job of shards on a shared volume, then the merge Job', () => {
  interface K8sJob {
    kind: string;
    spec: {
      completionMode?: string; completions?: number;
      template: { spec: { containers: { command: string[]; args: string[]; volumeMounts: { name: string; mountPath: string }[] }[]; volumes: { name: string; configMap?: { name: string } }[] } };
    };
  }
  const [shards] = yamlDocuments('kubernetes/whatif-shards.yaml') as [K8sJob];
  const [merge] = yamlDocuments('kubernetes/whatif-merge.yaml') as [K8sJob];
  const volumes = workDir('k8s');

  /** The container's shell script, its mount paths made folders of this machine (the ConfigMap holds the seed). */
  function script(job: K8sJob): string {
    const [container] = job.spec.template.spec.containers;
    expect(container!.command).toEqual(['sh', '-c']);
    let text = container!.args.join(' ');
    for (const mount of container!.volumeMounts) {
      const local = join(volumes, mount.name);
      mkdirSync(local, { recursive: true });
      if (job.spec.template.spec.volumes.find((v) => v.name === mount.name)?.configMap) copyFileSync(SEED, join(local, 'topology.json'));
      text = text.replaceAll(`${mount.mountPath}/`, `${local}/`);
    }
    return text;
  }

  it('shard i+1 of N in pod i (JOB_COMPLETION_INDEX), then the merge: the one-machine bytes, its exit status, the review', () => {
    expect(shards).toMatchObject({ kind: 'Job', spec: { completionMode: 'Indexed', completions: 4 } });
    expect(merge.kind).toBe('Job');
    const shardScript = script(shards);
    expect(shardScript).toContain(`${RUN_OPTIONS} --shard auto/4`);
    for (let index = 0; index < shards.spec.completions!; index++) {
      const r = sh(shardScript, tmp, { JOB_COMPLETION_INDEX: String(index) });
      expect(r.status, r.stderr).toBe(0);
    }
    const r = sh(script(merge), tmp);
    expect(r.status, r.stderr).toBe(oneMachine.status);
    const out = join(volumes, 'shards');
    expect(readFileSync(join(out, 'run.ndjson'), 'utf8') === oneMachine.stdout).toBe(true);
    expect(readFileSync(join(out, 'review.md'), 'utf8')).toMatch(/^# whatif design review/);
    expect(readFileSync(join(out, 'review.html'), 'utf8')).toMatch(/^<!doctype html>/i);
  });
});

describe('AWS Batch: the array job\'s command, AWS_BATCH_JOB_ARRAY_INDEX from 0', () => {
  it('parses; its four tasks\' shards merge into the one-machine run', () => {
    const definition = JSON.parse(readFileSync(join(EXAMPLES, 'batch/aws-batch-job-definition.json'), 'utf8')) as {
      containerProperties: { command: string[]; mountPoints: { containerPath: string }[] };
    };
    const [shell, flag, command] = definition.containerProperties.command;
    expect([shell, flag]).toEqual(['sh', '-c']);
    expect(command).toContain(`${RUN_OPTIONS} --shard auto/4`);
    // Both mount points are one EFS file system: one folder here, the seed as its topology.json.
    const efs = workDir('aws');
    copyFileSync(SEED, join(efs, 'topology.json'));
    let local = command!;
    for (const { containerPath } of definition.containerProperties.mountPoints) local = local.replaceAll(`${containerPath}/`, `${efs}/`);
    for (let index = 0; index < 4; index++) {
      const r = sh(local, tmp, { AWS_BATCH_JOB_ARRAY_INDEX: String(index) });
      expect(r.status, r.stderr).toBe(0);
    }
    const merged = whatif(['merge', ...[0, 1, 2, 3].map((i) => join(efs, `shard-${i}.ndjson`))]);
    expect(merged.status, merged.stderr).toBe(0);
    expect(merged.stdout === oneMachine.stdout).toBe(true);
  });
});

describe('Slurm: a job array, then the merge once it succeeded', () => {
  it('tasks 1-4 (SLURM_ARRAY_TASK_ID from SLURM_ARRAY_TASK_MIN), then the --wrap merge', () => {
    const text = readFileSync(join(EXAMPLES, 'batch/slurm-whatif.sbatch'), 'utf8');
    const [, min, max] = /^#SBATCH --array=(\d+)-(\d+)$/m.exec(text)!;
    const script = text.split('\n').filter((line) => !line.startsWith('#')).join('\n');
    expect(script).toContain(`${RUN_OPTIONS} --shard auto/4`);
    const dir = workDir('slurm');
    copyFileSync(SEED, join(dir, 'topology.json'));
    for (let task = Number(min); task <= Number(max); task++) {
      const r = sh(script, dir, { SLURM_ARRAY_TASK_ID: String(task), SLURM_ARRAY_TASK_MIN: min!, SLURM_CPUS_PER_TASK: '2' });
      expect(r.status, r.stderr).toBe(0);
    }
    const [, mergeCommand] = /--wrap '([^']+)'/.exec(text)!;
    const r = sh(mergeCommand!, dir);
    expect(r.status, r.stderr).toBe(oneMachine.status);
    expect(readFileSync(join(dir, 'run.ndjson'), 'utf8') === oneMachine.stdout).toBe(true);
  });
});

describe('GitHub Actions: a matrix of shards, a merge job that needs it, the review as the job summary', () => {
  const [workflow] = yamlDocuments('github/whatif-nightly.yml') as [Workflow];
  const artifacts = workDir('github/artifacts');
  // The runner's checkout: the workflow's TOPOLOGY is a path in the repository.
  const checkout = (job: string): string => {
    const dir = workDir(`github/${job}`);
    mkdirSync(join(dir, 'scenarios'), { recursive: true });
    copyFileSync(SEED, join(dir, 'scenarios/azure-interop.json'));
    return dir;
  };
  const install = (): void => undefined;

  it('runs nightly and by hand; the merge job needs the shards', () => {
    expect(Object.keys(workflow.on)).toEqual(['schedule', 'workflow_dispatch']);
    expect(workflow.env).toMatchObject({ TOPOLOGY: 'scenarios/azure-interop.json', WHATIF_OPTIONS: RUN_OPTIONS });
    expect(workflow.jobs.merge!.needs).toBe('shard');
    // What the test stands in for: installing (the PATH has whatif) and the GitHub API (below, by hand).
    for (const job of Object.values(workflow.jobs)) {
      expect(job.steps.find((s) => s.name === 'Install whatif')?.run).toBe('npm ci && npm link');
    }
  });

  /** One night: the matrix, then the merge job; `previous` the earlier night's whatif-run artifact, if any. */
  function night(name: string, previous?: string): ReturnType<typeof runJob> {
    const shard = workflow.jobs.shard!;
    for (const value of shard.strategy!.matrix.shard!) {
      const run = runJob(workflow, shard, {
        dir: checkout(`${name}/shard-${value}`), artifacts, env: PATH_WITH_WHATIF,
        expressions: { 'matrix.shard': String(value) }, standIns: { 'Install whatif': install },
      });
      expect(run.steps.filter((s) => s.status !== 0)).toEqual([]);
    }
    return runJob(workflow, workflow.jobs.merge!, {
      dir: checkout(`${name}/merge`), artifacts, env: PATH_WITH_WHATIF, expressions: {},
      standIns: {
        'Install whatif': install,
        // gh run download of the last completed run's whatif-run artifact.
        "The previous night's run": (dir) => {
          if (!previous) return;
          mkdirSync(join(dir, 'previous'));
          copyFileSync(previous, join(dir, 'previous/run.ndjson'));
        },
      },
    });
  }

  it('night 1: every step up to the gate passes; the gate fails the run, as the pairs below 99.99% demand', () => {
    const merge = night('night-1');
    expect(merge.steps.map((s) => `${s.step}: ${s.status}`)).toEqual([
      'actions/checkout@v4: 0', 'actions/setup-node@v4: 0', 'Install whatif: 0', 'actions/download-artifact@v4: 0',
      "The previous night's run: 0", 'Merge: 0', 'Review: 0', 'actions/upload-artifact@v4: 0', `Gate: ${oneMachine.status}`,
    ]);
    const dir = join(tmp, 'github/night-1/merge');
    expect(readFileSync(join(dir, 'run.ndjson'), 'utf8') === oneMachine.stdout).toBe(true);
    // The job summary is the review, as `whatif report` prints it; the artifact keeps the run and its page.
    expect(merge.summary).toBe(sh('whatif report run.ndjson', dir).stdout);
    expect(merge.summary).not.toContain('Since the previous run');
    expect(existsSync(join(artifacts, 'whatif-run/run.ndjson')) && existsSync(join(artifacts, 'whatif-run/review.html'))).toBe(true);
  });

  it('night 2: the review compares with night 1\'s run', () => {
    const previous = join(tmp, 'night-1-run.ndjson');
    copyFileSync(join(artifacts, 'whatif-run/run.ndjson'), previous);
    const merge = night('night-2', previous);
    expect(merge.steps.at(-1)).toMatchObject({ step: 'Gate', status: oneMachine.status });
    expect(merge.summary).toContain('## Since the previous run');
    expect(merge.summary).toContain('Nothing changed');
  });
});
