import { error, type Issue } from '../issue.js';
import type { CeInfo, Model, VnetInfo } from './model.js';
import { nameList } from './name-list.js';
import type { Vocabulary } from './spelling.js';

/**
 * Resolving the ids that peerings, VPN connections and ExpressRoute links and connections name. A reference
 * must name an existing node of the right kind (a peering joins VNets, an ER link ends at a CE router), and
 * where it uses a gateway, the VNet must have one: Azure refuses to create the resource otherwise. Each lookup
 * reports why it failed and suggests the closest id (see spelling.ts for what that may cost). References to
 * objects with structural problems of their own are not judged: their own issues say what is wrong.
 */

type Need = 'vpnGateway' | 'erGateway';

const GATEWAY_NAMES = { vpnGateway: 'VPN gateway', erGateway: 'ExpressRoute gateway' } as const;

/** The VNet `ref` names (with the gateway `need` if given), or undefined after reporting why it cannot be used. */
export function refVnet(
  m: Model,
  ref: string | undefined,
  path: string,
  issues: Issue[],
  need?: Need,
): VnetInfo | undefined {
  if (ref === undefined || m.uncertain.has(ref)) return undefined;
  const node = m.nodes.get(ref);
  if (!node) {
    issues.push(error(path, `no VNet has the id "${ref}"`, knownHint(m, ref, m.vocabulary.vnets, 'VNets')));
    return undefined;
  }
  if (node.kind !== 'vnet') {
    const what = node.kind === 'ce' ? 'a CE router' : 'an on-premises site';
    issues.push(error(path, `"${ref}" is ${what}, not a VNet`, knownHint(m, ref, m.vocabulary.vnets, 'VNets')));
    return undefined;
  }
  if (need && node.site[need] === undefined) {
    const others = listText(m.withGateway[need], 'VNets with one');
    const article = need === 'erGateway' ? 'an' : 'a';
    const hint = `add ${article} ${need} to "${ref}", or name a VNet that has one${others}`;
    issues.push(error(path, `VNet "${ref}" has no ${GATEWAY_NAMES[need]}`, hint));
    return undefined;
  }
  return node;
}

/** The CE router `ref` names, or undefined after reporting why it cannot be used. */
export function refCe(m: Model, ref: string | undefined, path: string, issues: Issue[]): CeInfo | undefined {
  if (ref === undefined || m.uncertain.has(ref)) return undefined;
  const node = m.nodes.get(ref);
  if (node?.kind === 'ce') return node;
  if (node?.kind === 'onprem') {
    const routers = listText(node.routers.map((r) => r.id), '');
    issues.push(error(path, `"${ref}" is a site, not a CE router`, `name one of its routers${routers}`));
  } else if (node?.kind === 'vnet') {
    issues.push(error(path, `"${ref}" is a VNet, not a CE router`, knownHint(m, ref, m.vocabulary.ces, 'CE routers')));
  } else {
    issues.push(error(path, `no CE router has the id "${ref}"`, knownHint(m, ref, m.vocabulary.ces, 'CE routers')));
  }
  return undefined;
}

/** "did you mean ...? <what>: <the first ids>", or that the file has none. */
export function knownHint(m: Model, ref: string, known: Vocabulary, what: string): string {
  if (known.words.length === 0) return `the file defines no ${what}`;
  const guess = m.speller.didYouMean(ref, known);
  return `${guess ? `${guess} ` : ''}${what}: ${nameList(known.words)}`;
}

function listText(ids: readonly string[], label: string): string {
  if (ids.length === 0) return '';
  return label ? ` (${label}: ${nameList(ids)})` : ` (${nameList(ids)})`;
}
