import { describe, expect, it } from 'vitest';
import type { Topology } from '../../src/model/topology.js';
import { importProblemsText, importSummaryText } from '../../src/output/import-text.js';
import type { ImportNote } from '../../src/sources/findings.js';

const topology: Topology = {
  name: 'imported',
  assumptions: ['hub: test address 10.1.0.4'],
  sites: [
    { kind: 'vnet', id: 'hub', addressSpace: ['10.1.0.0/16'], testAddresses: ['10.1.0.4'], erGateway: {} },
    { kind: 'onprem', id: 'dc', prefixes: ['10.9.0.0/16'], testAddresses: ['10.9.0.1'], routers: [{ id: 'dc-ce', asn: 65001, routerId: '10.9.0.1', networks: ['10.9.0.0/16'] }] },
  ],
  erCircuits: [{
    name: 'er', links: [{ name: 'er-primary', role: 'primary', ce: 'dc-ce' }, { name: 'er-secondary', role: 'secondary', ce: 'dc-ce', enabled: false }],
    connections: [{ name: 'er-hub', vnet: 'hub' }],
  }],
};

describe('importSummaryText()', () => {
  it('says what was imported, the assumptions, then every kind of note in its section', () => {
    const notes: ImportNote[] = [
      { at: { file: 'ce.cfg', line: 2 }, kind: 'ignored', message: 'description x: a description' },
      { at: { file: 'ce.cfg', line: 3, lastLine: 5 }, kind: 'ignored', message: 'crypto y: IPsec' },
      { at: { file: 'ce.cfg', line: 9 }, kind: 'ignored', message: 'end: management' },
      { at: { file: 'ce.cfg', line: 7, lastLine: 8 }, kind: 'changes-routing', message: 'router ospf 1: LAN-side routing' },
      { at: { file: 'ce.cfg', line: 6 }, kind: 'not-understood', message: 'frob: a global statement outside the subset' },
      { at: { file: 'g.json', path: '/s/pip1' }, kind: 'skipped', message: 'type Microsoft.Network/publicIPAddresses is not used by the topology' },
      { at: { file: 'g.json', path: '/s/pip2' }, kind: 'skipped', message: 'type Microsoft.Network/publicIPAddresses is not used by the topology' },
      { at: { file: 'g.json', path: '/s/vnet' }, kind: 'not-mapped', message: 'peering p: its remote VNet /s/other is not in the export' },
    ];
    expect(importSummaryText(topology, notes, [{ file: 'g.json', kind: 'azure', resources: 7 }, { file: 'ce.cfg', kind: 'ios' }])).toBe([
      'whatif import: 2 sites, 3 failure units (2 enabled) from 1 Azure export (7 resources) and 1 router configuration',
      '  VNets: hub',
      '  on-premises: dc (dc-ce)',
      '  failure units: er-link:er-primary, er-link:er-secondary (disabled), er-conn:er-hub',
      '  1 assumption, also in the topology\'s "assumptions":',
      '    - hub: test address 10.1.0.4',
      'not mapped (1):',
      '  g.json: /s/vnet: peering p: its remote VNet /s/other is not in the export',
      'configuration lines not imported (2):',
      '  ce.cfg lines 7-8: changes routing: router ospf 1: LAN-side routing',
      '  ce.cfg line 6: not understood: frob: a global statement outside the subset',
      'configuration lines without effect on routing (descriptions, crypto, tunnel transport...), skipped:',
      '  ce.cfg lines 2-5, 9',
      'skipped, of types the topology does not use:',
      '  type Microsoft.Network/publicIPAddresses is not used by the topology (2):',
      '    g.json: /s/pip1',
      '    g.json: /s/pip2',
      '',
    ].join('\n'));
  });
});

describe('importProblemsText()', () => {
  it('groups problems by file in the shape of whatif validate, and says nothing was written', () => {
    const text = importProblemsText([
      { at: { file: 'a.json', path: '/s/c1' }, message: 'its gateway /s/gw is not in the export', hint: 'export it too' },
      { at: { file: 'b.cfg', line: 3 }, message: 'ip address 1.2.3: bad', hint: 'write a dotted quad' },
      { at: { file: 'a.json' }, message: 'not an Azure resource export', hint: 'give...' },
    ]);
    expect(text).toBe([
      'a.json: 2 problems',
      '  /s/c1: its gateway /s/gw is not in the export',
      '    hint: export it too',
      '  $: not an Azure resource export',
      '    hint: give...',
      'b.cfg: 1 problem',
      '  line 3: ip address 1.2.3: bad',
      '    hint: write a dotted quad',
      'whatif import: nothing written',
      '',
    ].join('\n'));
  });
});
