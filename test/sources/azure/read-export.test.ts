import { describe, expect, it } from 'vitest';
import { readAzureExport } from '../../../src/sources/azure/read-export.js';

const VNET = '/subscriptions/s1/resourceGroups/rg1/providers/Microsoft.Network/virtualNetworks/vnet1';
const NIC = '/subscriptions/s1/resourceGroups/rg1/providers/Microsoft.Network/networkInterfaces/nic1';
const vnet = { id: VNET, name: 'vnet1', type: 'Microsoft.Network/virtualNetworks', properties: { addressSpace: { addressPrefixes: ['10.0.0.0/16'] } } };
const nic = { id: NIC, name: 'nic1', type: 'Microsoft.Network/networkInterfaces', properties: {} };

function summary(value: unknown) {
  const read = readAzureExport(value, 'f.json');
  return { resources: read.resources.map((r) => [r.type, r.name]), issues: read.issues.map((i) => [i.path, i.message]) };
}

describe('readAzureExport(): the shapes users get', () => {
  it('Resource Graph output: {count, data: [rows]}, types lower-cased as Resource Graph writes them', () => {
    const row = { ...vnet, type: 'microsoft.network/virtualnetworks', resourceGroup: 'rg1', subscriptionId: 's1' };
    expect(summary({ count: 2, data: [row, nic], skip_token: null, total_records: 2 }).resources).toEqual([
      ['microsoft.network/virtualnetworks', 'vnet1'],
      ['microsoft.network/networkinterfaces', 'nic1'],
    ]);
  });

  it('a row list alone (older az graph query)', () => {
    expect(summary([vnet, nic]).resources).toHaveLength(2);
  });

  it('an ARM REST list: {value: [...]}, nextLink ignored', () => {
    expect(summary({ value: [vnet], nextLink: 'https://management.azure.com/...&$skipToken=x' }).resources).toEqual([['microsoft.network/virtualnetworks', 'vnet1']]);
  });

  it('one resource, its type taken from its id when the response has none (a REST GET of a peering)', () => {
    const peering = { id: `${VNET}/virtualNetworkPeerings/peer`, name: 'peer', properties: { remoteVirtualNetwork: { id: 'x' } } };
    expect(summary(peering).resources).toEqual([['microsoft.network/virtualnetworks/virtualnetworkpeerings', 'peer']]);
  });

  it('az network output: properties lifted to the top level, resourceGroup added', () => {
    const lifted = { id: VNET, name: 'vnet1', type: 'Microsoft.Network/virtualNetworks', resourceGroup: 'rg1', addressSpace: { addressPrefixes: ['10.0.0.0/16'] } };
    const read = readAzureExport(lifted, 'f.json');
    expect(read.resources.map((r) => r.key)).toEqual([VNET.toLowerCase()]);
  });
});

describe('readAzureExport(): what is not an export', () => {
  it('JSON of another kind is one issue at $, with the shapes as a hint', () => {
    const read = readAzureExport({ name: 'a topology?', sites: [] }, 'f.json');
    expect(read.issues.map((i) => [i.path, i.message])).toEqual([['$', 'not an Azure resource export']]);
    expect(read.issues[0]!.hint).toContain('az graph query');
  });

  it('a row that is not a resource is an issue at its index; the others are read', () => {
    expect(summary({ count: 3, data: [vnet, { name: 'projected without id' }, 42] })).toEqual({
      resources: [['microsoft.network/virtualnetworks', 'vnet1']],
      issues: [
        ['$.data[1]', 'not an Azure resource: it needs a string "id" (and "type", unless the id names it)'],
        ['$.data[2]', 'not an Azure resource: it needs a string "id" (and "type", unless the id names it)'],
      ],
    });
  });
});
