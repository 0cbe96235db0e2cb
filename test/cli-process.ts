import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The built CLI (`npm test` builds first): tests run it as a user would, as a real process. */
export const CLI = fileURLToPath(new URL('../dist/src/cli.js', import.meta.url));
export const SEED = fileURLToPath(new URL('../scenarios/azure-interop.json', import.meta.url));

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function whatif(args: string[], options: { nodeArgs?: string[]; env?: NodeJS.ProcessEnv } = {}): CliResult {
  const result = spawnSync(process.execPath, [...(options.nodeArgs ?? []), CLI, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, ...(options.env ? { env: options.env } : {}) });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function records(stdout: string): Record<string, unknown>[] {
  return stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
}

/**
 * A run stopped with Ctrl-C once it is demonstrably in flight: failure scenarios are on stdout, and this reader
 * stops reading first, so the run blocks on backpressure and cannot finish before the signal, however fast it is.
 */
export async function interruptedRun(args: string[]): Promise<{ code: number | null; stdout: string }> {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let signalled = false;
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    if (!signalled && stdout.split('\n').length > 20) {
      signalled = true;
      child.stdout.pause();
      child.kill('SIGINT');
      setImmediate(() => child.stdout.resume());
    }
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, stdout };
}

export { spawn };
