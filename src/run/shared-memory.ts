/**
 * A copy of `value` whose typed arrays live in SharedArrayBuffers: given to workers as workerData, they are
 * shared, not copied, so N workers read one baseline. Plain objects are copied member by member; other
 * values are kept as they are.
 */
export function inSharedMemory<T>(value: T): T {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const view = value as unknown as Uint8Array;
    const shared = new Uint8Array(new SharedArrayBuffer(view.byteLength));
    shared.set(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
    const Kind = view.constructor as new (buffer: SharedArrayBuffer) => T;
    return new Kind(shared.buffer as SharedArrayBuffer);
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inSharedMemory(v)])) as T;
  }
  return value;
}
