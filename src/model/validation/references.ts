import { error, type Issue } from '../issue.js';
import type { CeInfo, Model, VnetInfo } from './model.js';
import { didYouMean } from './spelling.js';

/**
 * Resolving the ids that peerings, VPN connections and ExpressRoute links and connections name. A reference
 * must name an existing node of the right kind (a peering joins VNets, an ER link ends at a CE router), and
 * where it uses a gateway, the VNet must have one: Azure refuses to create the resource otherwise. Each lookup
 * reports why it failed and suggests the closest id. References to objects with structural problems of their
 * own are not judged: their own issues say what is wrong.
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
    issues.push(error(path, `no VNet has the id "${ref}"`, knownHint(ref, m.vnets, 'VNets')));
    return undefined;
  }
  if (node.kind !== 'vnet') {
    const what = node.kind === 'ce' ? 'a CE router' : 'an on-premises site';
    issues.push(error(path, `"${ref}" is ${what}, not a VNet`, knownHint(ref, m.vnets, 'VNets')));
    return undefined;
  }
  if (need && node.site[need] === undefined) {
    const others = listText(
      m.vnets.filter((v) => v.site[need] !== undefined),
      'VNets with one',
    );
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
    const routers = m.ces.filter((c) => c.site === node);
    issues.push(error(path, `"${ref}" is a site, not a CE router`, `name one of its routers${listText(routers, '')}`));
  } else if (node?.kind === 'vnet') {
    issues.push(error(path, `"${ref}" is a VNet, not a CE router`, knownHint(ref, m.ces, 'CE routers')));
  } else {
    issues.push(error(path, `no CE router has the id "${ref}"`, knownHint(ref, m.ces, 'CE routers')));
  }
  return undefined;
}

/** "did you mean ...? <what>: <every id>", or that the file has none. */
export function knownHint(ref: string, known: readonly { id: string }[], what: string): string {
  const ids = known.map((k) => k.id);
  const guess = didYouMean(ref, ids);
  return ids.length === 0 ? `the file defines no ${what}` : `${guess ? `${guess} ` : ''}${what}: ${ids.join(', ')}`;
}

function listText(items: readonly { id: string }[], label: string): string {
  if (items.length === 0) return '';
  const ids = items.map((i) => i.id).join(', ');
  return label ? ` (${label}: ${ids})` : ` (${ids})`;
}
