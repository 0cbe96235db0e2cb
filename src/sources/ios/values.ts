import { addressProblem, maskOf, parseAddress, type Prefix } from '../../model/prefix.js';

/** Thrown by a statement handler for a value it cannot take; parse.ts turns it into a ConfigError for the line. */
export class StatementError extends Error {
  constructor(message: string, readonly hint: string) {
    super(message);
  }
}

export function ipv4(text: string | undefined, what: string): number {
  if (text === undefined) throw new StatementError(`${what} is missing`, `write ${what} as a dotted quad, e.g. 10.0.0.1`);
  const problem = addressProblem(text);
  if (problem !== undefined) throw new StatementError(`"${text}" is not a valid ${what}: ${problem}`, 'write a dotted quad, e.g. 10.0.0.1');
  return parseAddress(text);
}

/** A dotted mask (255.255.255.128) as a prefix length; IOS masks are contiguous ones then zeros. */
export function maskLength(text: string | undefined): number {
  const mask = ipv4(text, 'mask');
  const len = 32 - Math.log2(((~mask) >>> 0) + 1);
  if (!Number.isInteger(len)) throw new StatementError(`"${text}" is not a contiguous mask`, 'write a mask of leading ones, e.g. 255.255.255.252');
  return len;
}

/** A network and mask whose host bits must be clear: `network` statements name exactly one prefix. */
export function networkPrefix(addressText: string | undefined, maskText: string | undefined): Prefix {
  const net = ipv4(addressText, 'network address');
  const len = maskLength(maskText);
  if (((net & maskOf(len)) >>> 0) !== net) {
    throw new StatementError(`${addressText} has host bits set for mask ${maskText}`, 'write the network address of the prefix');
  }
  return { net, len };
}

/** `A.B.C.D/len` with no host bits set, as prefix lists write it. */
export function cidr(text: string | undefined): Prefix {
  const [addressText, lenText, extra] = (text ?? '').split('/');
  if (lenText === undefined || extra !== undefined) {
    throw new StatementError(`"${text ?? ''}" is not a prefix`, 'write a prefix as A.B.C.D/len, e.g. 10.2.30.0/25');
  }
  const len = integer(lenText, 'prefix length', 0, 32);
  const net = ipv4(addressText, 'prefix address');
  if (((net & maskOf(len)) >>> 0) !== net) throw new StatementError(`${text} has host bits set`, 'write the network address of the prefix');
  return { net, len };
}

export function integer(text: string | undefined, what: string, min: number, max: number): number {
  const value = text !== undefined && /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new StatementError(`${what} "${text ?? ''}" is not a whole number from ${min} to ${max}`, `write ${what} as a number from ${min} to ${max}`);
  }
  return value;
}

/** A 4-byte ASN in plain notation (asdot "1.10" is not in the subset). */
export function asn(text: string | undefined): number {
  return integer(text, 'AS number', 1, 4294967295);
}
