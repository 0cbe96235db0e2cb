import { describe, expect, it } from 'vitest';
import { parseShard } from '../../src/failures/shard-spec.js';

describe('--shard', () => {
  it('takes I/N, counting shards from 1', () => {
    expect(parseShard('1/4', {})).toEqual({ ok: true, index: 1, count: 4 });
    expect(parseShard('4/4', {})).toEqual({ ok: true, index: 4, count: 4 });
    expect(parseShard(' 1/1 ', {})).toEqual({ ok: true, index: 1, count: 1 });
  });

  it('refuses what is not one of N shards, saying what it takes', () => {
    expect(parseShard('0/4', {})).toMatchObject({ ok: false, message: expect.stringContaining('shard 0 is not one of 1..4') as string });
    expect(parseShard('5/4', {})).toMatchObject({ ok: false, message: expect.stringContaining('shard 5 is not one of 1..4') as string });
    expect(parseShard('1/0', {})).toMatchObject({ ok: false, message: expect.stringContaining('N must be a whole number of at least 1') as string });
    for (const bad of ['1', '1/', '/4', '1.5/4', '-1/4', 'a/4', '1/4/2', 'auto']) {
      expect(parseShard(bad, {})).toMatchObject({ ok: false, message: expect.stringContaining('I/N') as string });
    }
  });

  describe('auto/N: the index a batch engine gives each task', () => {
    it('Kubernetes Indexed Job: JOB_COMPLETION_INDEX counts from 0', () => {
      expect(parseShard('auto/4', { JOB_COMPLETION_INDEX: '0' })).toEqual({ ok: true, index: 1, count: 4 });
      expect(parseShard('auto/4', { JOB_COMPLETION_INDEX: '3' })).toEqual({ ok: true, index: 4, count: 4 });
    });

    it('AWS Batch array job: AWS_BATCH_JOB_ARRAY_INDEX counts from 0', () => {
      expect(parseShard('auto/3', { AWS_BATCH_JOB_ARRAY_INDEX: '2' })).toEqual({ ok: true, index: 3, count: 3 });
    });

    it('Slurm job array: SLURM_ARRAY_TASK_ID counted from SLURM_ARRAY_TASK_MIN (0 when unset)', () => {
      expect(parseShard('auto/4', { SLURM_ARRAY_TASK_ID: '1', SLURM_ARRAY_TASK_MIN: '1' })).toEqual({ ok: true, index: 1, count: 4 });
      expect(parseShard('auto/4', { SLURM_ARRAY_TASK_ID: '7', SLURM_ARRAY_TASK_MIN: '4' })).toEqual({ ok: true, index: 4, count: 4 });
      expect(parseShard('auto/4', { SLURM_ARRAY_TASK_ID: '0' })).toEqual({ ok: true, index: 1, count: 4 });
    });

    it('an index beyond N says the array size and N disagree', () => {
      expect(parseShard('auto/4', { JOB_COMPLETION_INDEX: '4' })).toMatchObject({
        ok: false, message: expect.stringContaining('check the array size matches N') as string,
      });
    });

    it('without any of them, names the variables it reads and the way out', () => {
      const result = parseShard('auto/4', { JOB_COMPLETION_INDEX: 'x', HOME: '/root' });
      expect(result).toMatchObject({ ok: false });
      const { message } = result as { message: string };
      for (const name of ['JOB_COMPLETION_INDEX', 'AWS_BATCH_JOB_ARRAY_INDEX', 'SLURM_ARRAY_TASK_ID', 'I/N']) expect(message).toContain(name);
    });
  });
});
