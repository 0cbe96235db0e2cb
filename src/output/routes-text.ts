import type { RouteRow } from '../control/route-table.js';
import { textTable } from './text-table.js';

/** `whatif routes` for people: installed routes marked `*`, losers with why they lost. */
export function routesText(node: string, scenario: string, rows: RouteRow[]): string {
  if (rows.length === 0) return `${node} (${scenario}): no routes\n`;
  const body = rows.map((r) => [
    r.best ? '*' : ' ', r.prefix, r.source, r.nextHop ?? '-', r.asPath.join(' ') || '-', String(r.localPref), String(r.weight), r.reason ?? '',
  ]);
  return `${node} (${scenario})\n${textTable(['', 'PREFIX', 'SOURCE', 'NEXT HOP', 'AS PATH', 'LOCPRF', 'WEIGHT', 'WHY NOT BEST'], body, '  ')}`;
}
