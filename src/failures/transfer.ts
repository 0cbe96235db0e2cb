/**
 * msgpack's encode() returns a view into a larger buffer; transferring that buffer would hand over (and
 * detach) bytes that are not ours. Copy when the view does not own its whole buffer.
 */
export function ownBuffer(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
}
