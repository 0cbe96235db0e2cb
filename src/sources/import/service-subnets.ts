import type { Subnet } from '../azure/estate.js';

/** Subnets Azure reserves for its own services: no VM (so no test address, no VM route table) lives there. */
const SERVICE_SUBNETS = new Set(['gatewaysubnet', 'azurefirewallsubnet', 'azurefirewallmanagementsubnet', 'azurebastionsubnet', 'routeserversubnet']);

export function isServiceSubnet(subnet: Subnet): boolean {
  return SERVICE_SUBNETS.has(subnet.name.toLowerCase());
}
