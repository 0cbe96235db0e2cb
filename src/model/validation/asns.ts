import { error, type Issue } from '../issue.js';
import type { Model } from './model.js';

interface Reservation {
  from: number;
  to: number;
  why: string;
}

const FOR_EVERY_ROUTER: readonly Reservation[] = [
  { from: 0, to: 0, why: '0 is reserved (RFC 7607)' },
  { from: 8074, to: 8075, why: "8074 and 8075 are Microsoft's ASNs" },
  { from: 12076, to: 12076, why: "12076 is the MSEE's ASN (Microsoft's ExpressRoute edge)" },
  { from: 23456, to: 23456, why: '23456 is AS_TRANS, standing in for 4-byte ASNs (RFC 6793)' },
  { from: 65535, to: 65535, why: '65535 is reserved (RFC 7300)' },
  { from: 4294967295, to: 4294967295, why: '4294967295 is reserved (RFC 7300)' },
];

/** What each kind of router may not use: the ASNs reserved for every BGP speaker, and Azure's own. */
const RESERVED = {
  ce: [
    ...FOR_EVERY_ROUTER,
    { from: 65515, to: 65515, why: '65515-65520 are reserved by Azure (65515: its gateways)' },
    { from: 65516, to: 65520, why: '65515-65520 are reserved by Azure' },
  ],
  vpnGateway: [
    ...FOR_EVERY_ROUTER,
    { from: 65517, to: 65520, why: 'the VPN gateway BGP FAQ reserves 65517-65520 for Azure (vpn-gateway-vpn-faq)' },
  ],
  routeServerPeer: [
    ...FOR_EVERY_ROUTER,
    { from: 65515, to: 65515, why: '65515 is the Route Server\'s own ASN: the peering must be eBGP (route-server-faq)' },
    { from: 65517, to: 65520, why: 'the Route Server FAQ reserves 65515 and 65517-65520 for Azure (route-server-faq)' },
    { from: 64496, to: 64511, why: '64496-64511 are reserved by IANA for documentation (route-server-faq)' },
  ],
} satisfies Record<string, readonly Reservation[]>;

/** Why a router of this kind may not use `asn`, or undefined when it may. */
export function reservation(router: keyof typeof RESERVED, asn: number): string | undefined {
  return RESERVED[router].find((r) => asn >= r.from && asn <= r.to)?.why;
}

/**
 * ASNs a router may not use. Some are reserved for every BGP speaker (by RFCs, or as Microsoft's own), and
 * Azure reserves more, differently for the two kinds of router a file configures. A customer's CE router may
 * not use 65515-65520: "We have reserved ASNs from 65515 to 65520 for internal use" (expressroute-routing).
 * A VPN gateway may not use the ASNs the VPN gateway BGP FAQ (vpn-gateway-vpn-faq) lists as reserved: 8074,
 * 8075, 12076, 65515 and 65517-65520, where 65515 is the gateway's own default and so is fine. 65516 is not on
 * that list, and Microsoft's interoperability test setup (the seed) uses it on its branch VPN gateway.
 */
export function asnIssues(m: Model): Issue[] {
  const issues: Issue[] = [];
  for (const ce of m.ces) {
    const why = ce.ce.asn === undefined ? undefined : reservation('ce', ce.ce.asn);
    if (why === undefined) continue;
    const hint = `${why}: use another ASN, e.g. a private one from 64512 to 65514`;
    issues.push(error(`${ce.path}.asn`, `ASN ${ce.ce.asn} is reserved`, hint));
  }
  for (const v of m.vnets) {
    const asn = v.site.vpnGateway?.asn;
    const why = asn === undefined ? undefined : reservation('vpnGateway', asn);
    if (why === undefined) continue;
    const hint = `${why}: use 65515 (the default) or a private ASN from 64512 to 65514`;
    issues.push(error(`${v.path}.vpnGateway.asn`, `ASN ${asn} is reserved`, hint));
  }
  return issues;
}
