import { hasErrors, type Issue } from './issue.js';
import type { Topology } from './topology.js';
import { addressIssues } from './validation/addresses.js';
import { applianceIssues } from './validation/appliances.js';
import { asnIssues } from './validation/asns.js';
import { circuitIssues, globalReachIssues } from './validation/circuits.js';
import { nodeIdIssues, routerIdIssues, unitNameIssues } from './validation/ids.js';
import { isObject, type LooseTopology } from './validation/loose.js';
import { buildModel, type Model } from './validation/model.js';
import { sortIssues } from './validation/order.js';
import { siteOverlaps, vnetSpaceOverlaps } from './validation/overlaps.js';
import { peeringIssues } from './validation/peerings.js';
import { routeServerIssues } from './validation/route-server.js';
import { routeTableIssues } from './validation/route-tables.js';
import { routeIssues } from './validation/routes.js';
import { sanitize } from './validation/sanitize.js';
import { Speller } from './validation/spelling.js';
import { ceNetworkIssues, hopAddressIssues, testAddressIssues } from './validation/site-addresses.js';
import { structuralCheck } from './validation/structure.js';
import { subnetIssues } from './validation/subnets.js';
import { unconnectedIssues } from './validation/unconnected.js';
import { vpnStaticIssues } from './validation/vpn-static.js';
import { vpnGatewayIssues, vpnIssues } from './validation/vpn.js';

export { failIdIssues } from './validation/fail-ids.js';

/**
 * Topology validation: a structural pass (ajv against scenarios/topology.schema.json), then semantic checks
 * (addresses, ids, references, overlaps, gateway transit, ASNs, routes, subnets and their tables, appliances,
 * Route Server) on the parts that passed it.
 * Every problem is reported, never only the first; each check lives in validation/, one rule family a file.
 */

export type ValidationResult =
  | { ok: true; topology: Topology; warnings: Issue[] }
  | { ok: false; issues: Issue[] };

/** Each takes the model of the well-formed parts of the file and returns what is wrong with them. */
const CHECKS: readonly ((m: Model) => Issue[])[] = [
  addressIssues,
  nodeIdIssues,
  unitNameIssues,
  testAddressIssues,
  vnetSpaceOverlaps,
  hopAddressIssues,
  ceNetworkIssues,
  routerIdIssues,
  siteOverlaps,
  asnIssues,
  peeringIssues,
  vpnIssues,
  vpnGatewayIssues,
  vpnStaticIssues,
  circuitIssues,
  globalReachIssues,
  routeIssues,
  subnetIssues,
  routeTableIssues,
  applianceIssues,
  routeServerIssues,
  unconnectedIssues,
];

export function validateTopology(value: unknown): ValidationResult {
  // One speller for the whole file: its budget bounds the work of every "did you mean" together.
  const speller = new Speller();
  const structural = structuralCheck(value, speller);
  const clean = sanitize(value, structural.tainted);
  let semantic: Issue[] = [];
  if (isObject(clean) && !structural.overflow) {
    const model = buildModel(clean as LooseTopology, { ...structural, speller });
    semantic = CHECKS.flatMap((check) => check(model));
  }
  const issues = sortIssues([...structural.issues, ...semantic], value);
  if (hasErrors(issues)) return { ok: false, issues };
  return { ok: true, topology: value as Topology, warnings: issues };
}
