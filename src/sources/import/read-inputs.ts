import { readFileSync } from 'node:fs';
import { parseJson } from '../../model/load.js';
import { readAzureExport, type AzureResource } from '../azure/read-export.js';
import type { Findings } from '../findings.js';
import { parseIosConfig } from '../ios/parse.js';
import type { ParsedConfig } from '../ios/router-config.js';

/** One router configuration file, parsed. */
export interface RouterSource {
  file: string;
  parsed: ParsedConfig;
}

export type InputFile = { file: string; kind: 'azure'; resources: number } | { file: string; kind: 'ios' };

/**
 * Reads every file and decides what it is: a file whose first character is `{` or `[` is JSON (an Azure
 * export), anything else a router configuration. A file that is neither (bad JSON, no line of the IOS subset)
 * is a problem for that file; every file is read, so that all problems are reported at once.
 */
export function readInputs(paths: readonly string[], findings: Findings): { azure: AzureResource[]; routers: RouterSource[]; files: InputFile[] } {
  const azure: AzureResource[] = [];
  const routers: RouterSource[] = [];
  const files: InputFile[] = [];
  for (const file of paths) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      findings.problem({ file }, `cannot read the file: ${readError(e)}`, 'check the path and the file permissions');
      continue;
    }
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    if (/^\s*[[{]/.test(body)) {
      const parsed = parseJson(body);
      if (!parsed.ok) {
        findings.problem({ file }, parsed.issue.message, parsed.issue.hint);
        continue;
      }
      const read = readAzureExport(parsed.value, file);
      for (const issue of read.issues) findings.problem({ file, path: issue.path }, issue.message, issue.hint);
      azure.push(...read.resources);
      files.push({ file, kind: 'azure', resources: read.resources.length });
      continue;
    }
    const parsed = parseIosConfig(body);
    for (const e of parsed.errors) findings.problem({ file, line: e.line }, `${e.text}: ${e.message}`, e.hint);
    if (parsed.importedLines === 0 && parsed.errors.length === 0) {
      findings.problem({ file }, 'neither JSON nor a Cisco IOS configuration: no line of the supported subset', 'give Azure resource JSON or a router configuration (see README: whatif import)');
      continue;
    }
    routers.push({ file, parsed });
    files.push({ file, kind: 'ios' });
  }
  return { azure, routers, files };
}

function readError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES') return 'permission denied';
  return (e as Error).message;
}
