/**
 * A growable list of 32-bit integers: what the packed engine tables are built in before `done()` copies them
 * to their exact size (and, in the coordinator, into shared memory).
 */
export class Int32List {
  private data: Int32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Int32Array(Math.max(1, capacity));
  }

  /** A list holding `values`, read in place (shared memory stays shared until the list grows). */
  static over(values: Int32Array): Int32List {
    const list = new Int32List(1);
    list.data = values;
    list.length = values.length;
    return list;
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  at(index: number): number {
    return this.data[index]!;
  }

  set(index: number, value: number): void {
    this.data[index] = value;
  }

  done(): Int32Array {
    return this.data.slice(0, this.length);
  }
}
