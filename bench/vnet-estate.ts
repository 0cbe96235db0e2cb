import { pathToFileURL } from 'node:url';

/**
 * A flat estate for measuring validation at scale (README, Performance): COUNT VNets with a /24 each, peered in
 * a ring, the first MISSPELT peerings naming their second VNet with "_" for "-" (`vnet_1` for `vnet-1`).
 *
 *     npm run build && node dist/bench/vnet-estate.js 200000 > /tmp/200k.json
 *     node dist/bench/vnet-estate.js 3000 --misspelt 3000 > /tmp/3k-misspelt.json
 *     /usr/bin/time -v node dist/src/cli.js validate /tmp/200k.json
 */
export function vnetEstate(count: number, misspelt = 0): object {
  const id = (i: number): string => `vnet-${i}`;
  const sites = Array.from({ length: count }, (_, i) => {
    // 10.0.0.0/24, 10.0.1.0/24, ..., 10.255.255.0/24, 11.0.0.0/24, ...: millions before they run out.
    const net = `${10 + Math.floor(i / 65536)}.${(i >> 8) & 255}.${i & 255}`;
    return { kind: 'vnet', id: id(i), addressSpace: [`${net}.0/24`], testAddresses: [`${net}.4`] };
  });
  const peerings = sites.map((_, i) => {
    const other = (i + 1) % count;
    const name = i < misspelt ? id(other).replace('-', '_') : id(other);
    return { name: `ring-${i}`, sides: [{ vnet: id(i) }, { vnet: name }] };
  });
  return { name: `estate-${count}`, sites, peerings: count > 1 ? peerings : [] };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [count, flag, misspelt] = process.argv.slice(2);
  if (!count || !/^\d+$/.test(count) || (flag !== undefined && (flag !== '--misspelt' || !/^\d+$/.test(misspelt ?? '')))) {
    process.stderr.write('usage: node dist/bench/vnet-estate.js COUNT [--misspelt N] > estate.json\n');
    process.exitCode = 2;
  } else {
    process.stdout.write(JSON.stringify(vnetEstate(Number(count), Number(misspelt ?? 0))));
  }
}
