import { Int32List } from '../model/int32-list.js';
import { ROUTE_SOURCES, type Route } from './route.js';


/**
 * Routes and ECMP lists interned to ids, for packing a routing state into flat arrays. A baseline has
 * millions of (prefix, node) cells but only thousands of distinct routes (a route names no prefix), so each
 * cell becomes one id. Routes are looked up by content (AS paths, interned, by identity).
 */
export class RouteInterner {
  /** Open-addressing index by content: slot -> route id + 1 (0 = free); each route's hash kept for growing it. */
  private slots = new Int32Array(1024);
  private readonly hashes = new Int32List();
  private readonly pathByObject = new Map<readonly number[], number>();
  private readonly pathByContent = new Map<string, number>();
  private readonly singletonLists = new Map<number, number>();
  private readonly listByContent = new Map<string, number>();

  readonly source: number[] = [];
  readonly out = new Int32List();
  readonly asPath = new Int32List();
  readonly localPref = new Int32List();
  readonly weight = new Int32List();
  readonly origin: number[] = [];
  readonly med = new Int32List();
  readonly asPathStart = new Int32List();
  readonly asns: number[] = [];
  readonly listStart = new Int32List();
  readonly listRoutes = new Int32List();

  constructor() {
    this.asPathStart.push(0);
    this.listStart.push(0);
  }

  list(routes: readonly Route[]): number {
    if (routes.length === 1) {
      const route = this.route(routes[0]!);
      let id = this.singletonLists.get(route);
      if (id === undefined) this.singletonLists.set(route, (id = this.addList([route])));
      return id;
    }
    const ids = routes.map((r) => this.route(r));
    const key = ids.join(',');
    let id = this.listByContent.get(key);
    if (id === undefined) this.listByContent.set(key, (id = this.addList(ids)));
    return id;
  }

  route(r: Route): number {
    const path = this.path(r.asPath);
    const source = ROUTE_SOURCES.indexOf(r.source);
    let hash = Math.imul(0x811c9dc5 ^ source, 0x01000193);
    hash = Math.imul(hash ^ r.out, 0x01000193);
    hash = Math.imul(hash ^ path, 0x01000193);
    hash = Math.imul(hash ^ r.localPref, 0x01000193);
    hash = Math.imul(hash ^ r.weight, 0x01000193);
    hash = Math.imul(hash ^ (r.origin + r.med * 4), 0x01000193) >>> 0;
    if ((this.source.length + 1) * 2 > this.slots.length) this.rehash();
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    for (let entry = this.slots[slot]!; entry !== 0; slot = (slot + 1) & mask, entry = this.slots[slot]!) {
      const c = entry - 1;
      if (this.source[c] === source && this.out.at(c) === r.out && this.asPath.at(c) === path && this.localPref.at(c) === r.localPref
        && this.weight.at(c) === r.weight && this.origin[c] === r.origin && this.med.at(c) === r.med) {
        return c;
      }
    }
    const id = this.source.length;
    this.source.push(source);
    this.out.push(r.out);
    this.asPath.push(path);
    this.localPref.push(r.localPref);
    this.weight.push(r.weight);
    this.origin.push(r.origin);
    this.med.push(r.med);
    this.hashes.push(hash);
    this.slots[slot] = id + 1;
    return id;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    const mask = this.slots.length - 1;
    for (let id = 0; id < this.source.length; id++) {
      let slot = this.hashes.at(id) & mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = id + 1;
    }
  }

  private path(asPath: readonly number[]): number {
    const known = this.pathByObject.get(asPath);
    if (known !== undefined) return known;
    const key = asPath.join('.');
    let id = this.pathByContent.get(key);
    if (id === undefined) {
      id = this.pathByContent.size;
      this.pathByContent.set(key, id);
      this.asns.push(...asPath);
      this.asPathStart.push(this.asns.length);
    }
    this.pathByObject.set(asPath, id);
    return id;
  }

  private addList(ids: readonly number[]): number {
    for (const id of ids) this.listRoutes.push(id);
    this.listStart.push(this.listRoutes.length);
    return this.listStart.length - 2;
  }
}
