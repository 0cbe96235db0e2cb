import type { RouterConfig } from './router-config.js';

/**
 * The BGP router id IOS uses: `bgp router-id` when configured, else the highest address of a loopback
 * interface, else the highest address of any other interface that is up (Cisco's documented order).
 */
export function bgpRouterId(config: RouterConfig): { id: number; from: string } | undefined {
  if (config.bgp?.routerId !== undefined) return { id: config.bgp.routerId, from: `bgp router-id (line ${config.bgp.line})` };
  const up = config.interfaces.filter((i) => !i.shutdown);
  const highest = (loopback: boolean) =>
    up.filter((i) => /^loopback/i.test(i.name) === loopback)
      .flatMap((i) => i.addresses.map((a) => ({ id: a.address, from: `the highest ${loopback ? 'loopback' : 'interface'} address (${i.name})` })))
      .sort((a, b) => b.id - a.id)[0];
  return highest(true) ?? highest(false);
}
