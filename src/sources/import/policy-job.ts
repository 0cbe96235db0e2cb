import type { NeighborPolicy } from '../../model/topology.js';
import type { BgpSession, CeRouterSource } from './ce-routers.js';

/**
 * A CE session whose policy goes into the topology once every prefix of the topology is known (the filters are
 * evaluated on them: see ios/neighbor-policy.ts): the ER link or VPN peer it belongs to receives it.
 */
export interface PolicyJob {
  router: CeRouterSource;
  session: BgpSession;
  apply(policy: NeighborPolicy): void;
}
