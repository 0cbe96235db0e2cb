import { basename } from 'node:path';
import type { Site, Topology } from '../../model/topology.js';
import { validateTopology } from '../../model/validate.js';
import { readEstate } from '../azure/read-estate.js';
import { Findings, type ImportNote, type ImportProblem } from '../findings.js';
import { ceRouters } from './ce-routers.js';
import { buildCircuits } from './er-circuits.js';
import { Names } from './names.js';
import { onPremSites } from './onprem-sites.js';
import { Origins } from './origins.js';
import { buildPeerings } from './peerings.js';
import { applyPolicies } from './policies.js';
import { readInputs, type InputFile } from './read-inputs.js';
import { buildVpnConnections } from './vpn-connections.js';
import { vnetSites } from './vnet-sites.js';

export type ImportResult =
  | { ok: true; topology: Topology; notes: ImportNote[]; files: InputFile[] }
  | { ok: false; problems: ImportProblem[] };

/**
 * `whatif import`: a topology from Azure resource exports and CE router configurations. VNets (with gateways,
 * appliances, Route Servers, test addresses, subnets and their route tables) and peerings come from the export; circuits get their links from the CE
 * sessions with their MSEEs; VPN connections get their CE peers from the sessions with the gateways; on-premises
 * sites are the CE routers grouped by the prefixes they announce, plus routers that local network gateways
 * stand for. The result is checked by validateTopology like any file: a problem it finds is reported at the
 * resource or configuration line the object came from. Every default chosen is in the topology's assumptions;
 * what was not mapped is in the notes.
 */
export function importTopology(paths: readonly string[]): ImportResult {
  const findings = new Findings();
  const inputs = readInputs(paths, findings);
  if (findings.problems.length > 0) return failed(findings);
  for (const { file, parsed } of inputs.routers) {
    for (const n of parsed.notes) findings.note({ file, line: n.line, lastLine: n.lastLine }, n.disposition, `${n.text}: ${n.why}`);
  }
  const estate = readEstate(inputs.azure, findings);
  if (estate.vnets.length === 0 && findings.problems.length === 0) {
    const azureFiles = inputs.files.filter((f) => f.kind === 'azure').map((f) => f.file);
    findings.problem({ file: azureFiles.join(', ') || paths.join(', ') }, 'no virtual network in the input: nothing to build a topology on',
      azureFiles.length === 0 ? 'add an Azure export (see README: whatif import)' : 'export Microsoft.Network/virtualNetworks too');
  }
  if (findings.problems.length > 0) return failed(findings);

  const names = new Names();
  const origins = new Origins();
  const { placements, routeTables } = vnetSites(estate, names, origins, findings);
  const routers = ceRouters(inputs.routers, names, findings);
  const peerings = buildPeerings(placements, names, origins, findings);
  const circuits = buildCircuits(estate, placements, routers, names, origins, findings);
  const vpn = buildVpnConnections(estate, placements, routers, names, origins, findings);
  const onprem = onPremSites(routers, vpn.lngRouters, names, origins, findings);
  if (findings.problems.length > 0) return failed(findings);

  const byId = (a: Site, b: Site) => a.id.localeCompare(b.id);
  const topology: Topology = origins.set({
    name: 'imported',
    description: `Imported by whatif import from ${paths.map((p) => basename(p)).join(', ')}.`,
    assumptions: [],
    sites: [...[...placements.values()].map((p) => p.site).sort(byId), ...onprem.sort(byId)],
    ...(peerings.length > 0 && { peerings }),
    ...(vpn.connections.length > 0 && { vpnConnections: vpn.connections.sort((a, b) => a.name.localeCompare(b.name)) }),
    ...(circuits.circuits.length > 0 && { erCircuits: circuits.circuits }),
    ...(circuits.globalReach.length > 0 && { globalReach: circuits.globalReach }),
    ...(routeTables.length > 0 && { routeTables }),
  }, { file: paths.join(', ') });
  applyPolicies(topology, [...circuits.jobs, ...vpn.jobs], routers, findings);
  topology.assumptions = findings.assumptions;

  const validation = validateTopology(topology);
  const where = (path: string) => origins.ofPath(topology, path) ?? { file: paths.join(', ') };
  if (!validation.ok) {
    for (const issue of validation.issues.filter((i) => i.severity === 'error')) {
      findings.problem(where(issue.path), `the imported topology is not valid at ${issue.path}: ${issue.message}`, issue.hint);
    }
    return failed(findings);
  }
  for (const w of validation.warnings) findings.note(where(w.path), 'check', `${w.path}: ${w.message} (${w.hint})`);
  return { ok: true, topology, notes: findings.notes, files: inputs.files };
}

function failed(findings: Findings): ImportResult {
  return { ok: false, problems: findings.problems };
}
