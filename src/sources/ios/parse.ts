import { bgpStatement } from './bgp-statements.js';
import { globalStatement } from './global-statements.js';
import { interfaceStatement } from './interface-statements.js';
import { notUnderstood, type Outcome, type ParseState } from './outcome.js';
import { routeMapStatement } from './route-map-statements.js';
import type { BgpNeighbor, ConfigError, LineNote, ParsedConfig, PolicyRef, RouterConfig } from './router-config.js';
import { StatementError } from './values.js';

/**
 * A parser for the subset of Cisco IOS configuration that decides a CE router's BGP behaviour toward Azure:
 *
 *   hostname NAME
 *   interface NAME / ip address A M [secondary] / shutdown
 *   router bgp ASN, in or out of address-family ipv4 [unicast] [vrf NAME]:
 *     neighbor A remote-as ASN | route-map NAME in|out | prefix-list NAME in|out | weight N | shutdown |
 *       activate | update-source IF
 *     network A mask M / maximum-paths N / bgp router-id A / no bgp default ipv4-unicast
 *   route-map NAME permit|deny SEQ / match ip address prefix-list NAME... / set local-preference N |
 *     set weight N | set as-path prepend ASN...
 *   ip prefix-list NAME [seq N] permit|deny PREFIX [ge N] [le N]
 *   ip route ... (only a host route to a BGP neighbour is understood; others change routing)
 *
 * Mode follows IOS: a line at column 0 is a global statement, an indented line belongs to the last global
 * statement that opened a mode. Every line that is not imported gets a LineNote with its line number; a bad
 * value in a statement of the subset is a ConfigError.
 */
export function parseIosConfig(text: string): ParsedConfig {
  const config: RouterConfig = { interfaces: [], routeMaps: new Map(), prefixLists: new Map(), staticRoutes: [] };
  const notes: LineNote[] = [];
  const errors: ConfigError[] = [];
  let importedLines = 0;
  const state: ParseState = { config, mode: { kind: 'global' }, neighbor: (address, line) => neighbor(config, address, line) };

  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('!')) return;
    const indented = /^\s/.test(raw);
    if (!indented) state.mode = { kind: 'global' };
    if (state.mode.kind === 'block') {
      state.mode.note.lastLine = line;
      return;
    }
    let outcome: Outcome;
    try {
      outcome = statement(state, trimmed.split(/\s+/), line, indented);
    } catch (e) {
      if (!(e instanceof StatementError)) throw e;
      errors.push({ line, text: trimmed, message: e.message, hint: e.hint });
      return;
    }
    switch (outcome.kind) {
      case 'imported':
        importedLines++;
        return;
      case 'understood':
        return;
      case 'block': {
        const note = { line, lastLine: line, text: trimmed, disposition: outcome.disposition, why: outcome.why };
        notes.push(note);
        // A skipped address family inside router bgp ends at exit-address-family, not at the next global line.
        if (state.mode.kind === 'bgp') state.mode.skippedFamily = note;
        else state.mode = { kind: 'block', note };
        return;
      }
      default:
        notes.push({ line, lastLine: line, text: trimmed, disposition: outcome.kind, why: outcome.why });
    }
  });
  notes.push(...staticRouteNotes(config), ...vrfNotes(config));
  notes.sort((a, b) => a.line - b.line);
  errors.push(...undefinedPolicies(config));
  errors.sort((a, b) => a.line - b.line);
  return { config, notes, errors, importedLines };
}

function statement(state: ParseState, words: string[], line: number, indented: boolean): Outcome {
  if (!indented) return globalStatement(state, words, line);
  const mode = state.mode;
  switch (mode.kind) {
    case 'interface':
      return interfaceStatement(mode.iface, words, line);
    case 'bgp':
      return bgpStatement(state, mode, words, line);
    case 'route-map':
      return routeMapStatement(mode.entry, words, line);
    default:
      return notUnderstood('an indented line outside any mode of the subset');
  }
}

function neighbor(config: RouterConfig, address: number, line: number): BgpNeighbor {
  const neighbors = config.bgp!.neighbors;
  let n = neighbors.find((x) => x.address === address);
  if (!n) {
    n = { address, line, definedInAddressFamily: false, activate: false, shutdown: false };
    neighbors.push(n);
  }
  return n;
}

/**
 * IOS accepts a reference to a route map or prefix list it has no lines for, and what it then does differs by
 * release and by where the reference sits: the importer refuses to guess.
 */
function undefinedPolicies(config: RouterConfig): ConfigError[] {
  const refs: { kind: 'route-map' | 'prefix-list'; ref: PolicyRef }[] = [];
  for (const n of config.bgp?.neighbors ?? []) {
    for (const ref of [n.routeMapIn, n.routeMapOut]) if (ref) refs.push({ kind: 'route-map', ref });
    for (const ref of [n.prefixListIn, n.prefixListOut]) if (ref) refs.push({ kind: 'prefix-list', ref });
  }
  for (const entries of config.routeMaps.values()) {
    for (const ref of entries.flatMap((e) => e.matchPrefixLists.flat())) refs.push({ kind: 'prefix-list', ref });
  }
  return refs
    .filter(({ kind, ref }) => !(kind === 'route-map' ? config.routeMaps : config.prefixLists).has(ref.name))
    .map(({ kind, ref }) => ({
      line: ref.line,
      text: `${kind} ${ref.name}`,
      message: `${kind} ${ref.name} is named here but not defined in this configuration`,
      hint: `add its ${kind === 'route-map' ? 'route-map' : 'ip prefix-list'} lines, or remove the reference`,
    }));
}

/**
 * A host route to a BGP neighbour is what makes a multihop session (the seed's tunnel) come up, and the model
 * already has that session; any other static route would change forwarding on the CE, which the model cannot
 * carry.
 */
function staticRouteNotes(config: RouterConfig): LineNote[] {
  const neighbors = new Set(config.bgp?.neighbors.map((n) => n.address));
  return config.staticRoutes.map((r) => {
    const toNeighbor = r.prefix.len === 32 && neighbors.has(r.prefix.net);
    return toNeighbor
      ? { line: r.line, lastLine: r.line, text: r.text, disposition: 'ignored', why: 'a host route to a BGP neighbour: the model has the session it carries' }
      : { line: r.line, lastLine: r.line, text: r.text, disposition: 'changes-routing', why: 'a static route, not imported: the model has none on CE routers' };
  });
}

/** The model has one routing table per router: neighbours in several VRFs are merged into it. */
function vrfNotes(config: RouterConfig): LineNote[] {
  const bgp = config.bgp;
  if (!bgp) return [];
  const vrfs = [...new Set(bgp.neighbors.map((n) => n.vrf ?? 'the global table'))];
  if (vrfs.length < 2) return [];
  const text = `router bgp ${bgp.asn}`;
  return [{ line: bgp.line, lastLine: bgp.line, text, disposition: 'changes-routing', why: `neighbours in ${vrfs.join(', ')} are imported into one routing table` }];
}
