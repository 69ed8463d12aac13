/**
 * A binary min-heap of scheduled entries ordered by (due time, lane, insertion sequence): ties fire in the order
 * they were scheduled, which is what makes a run reproducible (design.md, determinism rule 3). Lane 1 holds
 * inputs from outside, which act after everything else due in the same millisecond, exactly as an input applied
 * to a running twin does (so a live session and its replay order events the same way).
 */
export interface QueueEntry {
  readonly dueMs: number;
  readonly lane: 0 | 1;
  readonly seq: number;
  /** Called with `arg` when the entry fires (a shared function and its argument need no closure per entry). */
  readonly callback: (arg: unknown) => void;
  readonly arg: unknown;
  cancelled: boolean;
}

function before(a: QueueEntry, b: QueueEntry): boolean {
  if (a.dueMs !== b.dueMs) return a.dueMs < b.dueMs;
  if (a.lane !== b.lane) return a.lane < b.lane;
  return a.seq < b.seq;
}

export class EventQueue {
  private readonly heap: QueueEntry[] = [];

  get size(): number {
    return this.heap.length;
  }

  peek(): QueueEntry | undefined {
    return this.heap[0];
  }

  push(entry: QueueEntry): void {
    const heap = this.heap;
    heap.push(entry);
    let index = heap.length - 1;
    while (index > 0) {
      const parentIndex = (index - 1) >> 1;
      const parent = heap[parentIndex] as QueueEntry;
      if (!before(entry, parent)) break;
      heap[index] = parent;
      index = parentIndex;
    }
    heap[index] = entry;
  }

  pop(): QueueEntry | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    const length = heap.length;
    let index = 0;
    for (;;) {
      const leftIndex = 2 * index + 1;
      if (leftIndex >= length) break;
      const rightIndex = leftIndex + 1;
      let childIndex = leftIndex;
      let child = heap[leftIndex] as QueueEntry;
      if (rightIndex < length) {
        const right = heap[rightIndex] as QueueEntry;
        if (before(right, child)) {
          childIndex = rightIndex;
          child = right;
        }
      }
      if (!before(child, last)) break;
      heap[index] = child;
      index = childIndex;
    }
    heap[index] = last;
    return top;
  }
}
