import { addressProblem, parseAddress, parsePrefix, prefixProblem, type Prefix } from '../prefix.js';

/**
 * The file's addresses and prefixes, each string parsed once: ip-num costs ~15 us a parse and several checks
 * read the same strings. One parser serves one validation (it lives in the model), so nothing outlives it.
 */

/** Why a string is not a valid address or prefix, in ip-num's words. */
interface Problem {
  problem: string;
}

export interface IpParser {
  prefix(text: string): Prefix | Problem;
  address(text: string): number | Problem;
  /** The prefix, or undefined when it is absent or invalid (addresses.ts reports why). */
  validPrefix(text: string | undefined): Prefix | undefined;
  validAddress(text: string | undefined): number | undefined;
}

export function ipParser(): IpParser {
  const prefix = memoised(prefixProblem, parsePrefix);
  const address = memoised(addressProblem, parseAddress);
  return { prefix, address, validPrefix: validOnly(prefix), validAddress: validOnly(address) };
}

export function isProblem<T>(r: T | Problem): r is Problem {
  return typeof r === 'object' && r !== null && 'problem' in r;
}

function memoised<T>(
  problemOf: (text: string) => string | undefined,
  parse: (text: string) => T,
): (text: string) => T | Problem {
  const memo = new Map<string, T | Problem>();
  return (text) => {
    let r = memo.get(text);
    if (r === undefined) {
      const problem = problemOf(text);
      r = problem === undefined ? parse(text) : { problem };
      memo.set(text, r);
    }
    return r;
  };
}

function validOnly<T>(parse: (text: string) => T | Problem): (text: string | undefined) => T | undefined {
  return (text) => {
    if (text === undefined) return undefined;
    const r = parse(text);
    return isProblem(r) ? undefined : r;
  };
}
