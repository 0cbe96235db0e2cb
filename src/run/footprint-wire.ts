import type { Footprint } from '../analysis/footprint.js';

/** A footprint as msgpack gives it back: each typed array as bytes. */
export type WireFootprint = { [K in keyof Footprint]: unknown };

/**
 * msgpack carries a typed array as its bytes, and gives back a Uint8Array at any offset of the message: each
 * field is copied into its own buffer and viewed as its type again.
 */
export function footprintFromWire(wire: WireFootprint): Footprint {
  const int32 = (v: unknown): Int32Array => new Int32Array((v as Uint8Array).slice().buffer);
  return {
    converged: wire.converged as boolean,
    prefixes: int32(wire.prefixes), itemStart: int32(wire.itemStart), items: int32(wire.items),
    probes: int32(wire.probes), writeStart: int32(wire.writeStart), writes: int32(wire.writes),
    movedStart: int32(wire.movedStart), moved: int32(wire.moved), readStart: int32(wire.readStart), reads: int32(wire.reads),
    pairs: new Float64Array((wire.pairs as Uint8Array).slice().buffer),
  };
}
