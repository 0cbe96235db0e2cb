/**
 * Ids for the topology from the names in the input. Topology ids name nodes (`hub/ergw`) and appear in
 * comma-separated --fail lists, so ',' '/' and whitespace become '-'. Names are unique per namespace (sites and
 * CE routers share one, as in the format; each failure-unit kind and circuits have their own): a repeated name
 * gets -2, -3... and the caller says so where it matters.
 */
export class Names {
  private readonly taken = new Map<string, Set<string>>();

  claim(namespace: 'node' | 'peering' | 'vpn' | 'er-link' | 'er-conn' | 'circuit' | 'global-reach' | 'nva' | 'rs-peer' | 'route-table', wanted: string): string {
    const used = this.taken.get(namespace) ?? new Set<string>();
    this.taken.set(namespace, used);
    const base = wanted.replace(/[,/\s]+/g, '-') || namespace;
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base}-${n}`;
    used.add(name.toLowerCase());
    return name;
  }
}
