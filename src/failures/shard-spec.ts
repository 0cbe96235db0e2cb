/**
 * `--shard I/N`, or `--shard auto/N` where a batch engine gives each array task its index in the environment:
 * Kubernetes Indexed Jobs (JOB_COMPLETION_INDEX, from 0), AWS Batch array jobs (AWS_BATCH_JOB_ARRAY_INDEX, from
 * 0), Slurm job arrays (SLURM_ARRAY_TASK_ID, counted from SLURM_ARRAY_TASK_MIN). Shards count from 1.
 */
export type ShardSpec = { ok: true; index: number; count: number } | { ok: false; message: string };

const FROM_ZERO = ['JOB_COMPLETION_INDEX', 'AWS_BATCH_JOB_ARRAY_INDEX'] as const;

export function parseShard(value: string, env: Readonly<Record<string, string | undefined>>): ShardSpec {
  const match = /^(auto|\d+)\/(\d+)$/.exec(value.trim());
  if (!match) return { ok: false, message: `--shard takes I/N (the I-th of N shards, from 1) or auto/N, not "${value}"` };
  const count = Number(match[2]);
  if (!Number.isSafeInteger(count) || count < 1) return { ok: false, message: `--shard ${value}: N must be a whole number of at least 1` };
  const index = match[1] === 'auto' ? indexFromEnvironment(env) : { ok: true as const, index: Number(match[1]) };
  if (!index.ok) return index;
  if (!Number.isSafeInteger(index.index) || index.index < 1 || index.index > count) {
    return { ok: false, message: `--shard ${value}: shard ${index.index} is not one of 1..${count}${match[1] === 'auto' ? ' (check the array size matches N)' : ''}` };
  }
  return { ok: true, index: index.index, count };
}

function indexFromEnvironment(env: Readonly<Record<string, string | undefined>>): { ok: true; index: number } | { ok: false; message: string } {
  const whole = (name: string): number | undefined => {
    const raw = env[name];
    return raw !== undefined && /^\d+$/.test(raw.trim()) ? Number(raw) : undefined;
  };
  for (const name of FROM_ZERO) {
    const value = whole(name);
    if (value !== undefined) return { ok: true, index: value + 1 };
  }
  const slurm = whole('SLURM_ARRAY_TASK_ID');
  if (slurm !== undefined) return { ok: true, index: slurm - (whole('SLURM_ARRAY_TASK_MIN') ?? 0) + 1 };
  return {
    ok: false,
    message: '--shard auto/N reads the shard from JOB_COMPLETION_INDEX (Kubernetes), AWS_BATCH_JOB_ARRAY_INDEX (AWS Batch) or SLURM_ARRAY_TASK_ID (Slurm): none is set; give the shard as I/N',
  };
}
