/**
 * A binary min-heap of timed entries: the simulator's calendar of what happens next. Entries at
 * the same time come out in the order they went in, so a run never depends on heap internals.
 */
export interface CalendarSnapshot<T> {
  items: { at: number; order: number; value: T }[];
  counter: number;
}

export class Calendar<T> {
  private readonly items: { at: number; order: number; value: T }[];
  private counter: number;

  constructor(snapshot?: CalendarSnapshot<T>) {
    this.items = snapshot ? snapshot.items.map((i) => ({ ...i })) : [];
    this.counter = snapshot?.counter ?? 0;
  }

  /** Everything needed to carry on later exactly where this calendar stands (plain data, JSON-safe when T is). */
  snapshot(): CalendarSnapshot<T> {
    return { items: this.items.map((i) => ({ ...i })), counter: this.counter };
  }

  /** When the next entry is due, without taking it. */
  peekAt(): number | undefined {
    return this.items[0]?.at;
  }

  get size(): number {
    return this.items.length;
  }

  push(at: number, value: T): void {
    const item = { at, order: this.counter++, value };
    const items = this.items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(items[i]!, items[parent]!)) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }

  pop(): { at: number; value: T } | undefined {
    const items = this.items;
    const top = items[0];
    if (!top) return undefined;
    const last = items.pop()!;
    if (items.length > 0) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < items.length && this.before(items[left]!, items[smallest]!)) smallest = left;
        if (right < items.length && this.before(items[right]!, items[smallest]!)) smallest = right;
        if (smallest === i) break;
        [items[i], items[smallest]] = [items[smallest]!, items[i]!];
        i = smallest;
      }
    }
    return { at: top.at, value: top.value };
  }

  private before(a: { at: number; order: number }, b: { at: number; order: number }): boolean {
    return a.at < b.at || (a.at === b.at && a.order < b.order);
  }
}
