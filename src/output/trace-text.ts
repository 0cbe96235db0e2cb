import type { PairRecord } from './records.js';
import { textTable } from './text-table.js';

/** `whatif trace` for people: each direction like a traceroute listing, then the symmetry verdict. */
export function traceText(forward: PairRecord, reverse: PairRecord): string {
  const symmetric = forward.symmetric === null ? 'n/a (not delivered both ways)' : forward.symmetric ? 'yes' : 'NO (asymmetric)';
  return `${direction(forward)}\n${direction(reverse)}\nsymmetric: ${symmetric}\n`;
}

function direction(pair: PairRecord): string {
  let text = `${pair.src} -> ${pair.dst}  [${pair.scenario}]\n`;
  pair.hops.forEach((hops, b) => {
    if (pair.hops.length > 1) text += `  ECMP branch ${b + 1} of ${pair.hops.length}\n`;
    const rows = hops.map((hop, i) => [
      String(i + 1), hop.node, hop.address ?? '*', hop.via ? `${hop.via.node}: ${hop.via.prefix} (${hop.via.source})` : '',
    ]);
    text += textTable(['HOP', 'NODE', 'ADDRESS', 'SENT BY'], rows, '  ');
  });
  const paths = pair.paths.map((p) => (p.length ? p.join(' > ') : '(no failure unit)')).join('  |  ');
  text += `  ${pair.outcome}${pair.outcome === 'DELIVERED' ? `  over: ${paths}` : ''}\n`;
  return text;
}
