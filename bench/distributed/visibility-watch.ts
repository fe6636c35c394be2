import type { Collection } from 'mongodb';

interface VersionedDocument {
  _id: string;
  version: number;
}

/**
 * Watches a read-model collection for documents reaching a version: a document's version is the global
 * position of the last event applied to it, so `version >= position` means that event's write is visible.
 * One `find` of all awaited ids (versions only) every `intervalMs`; an event counts as seen at the wall-clock
 * time that find answered, so a figure is late by at most the interval plus one round trip.
 */
export class VisibilityWatch {
  /** Awaited positions by document id. */
  private readonly awaited = new Map<string, number[]>();
  /** Wall-clock ms (Date.now) at which each awaited position was first seen. */
  readonly seenAt = new Map<number, number>();
  private running: Promise<void> | undefined;
  private stopping = false;

  constructor(
    private readonly documents: Collection<VersionedDocument>,
    private readonly intervalMs: number,
  ) {}

  expect(documentId: string, position: number): void {
    const positions = this.awaited.get(documentId) ?? [];
    positions.push(position);
    this.awaited.set(documentId, positions);
  }

  get pending(): number {
    let count = 0;
    for (const positions of this.awaited.values()) count += positions.length;
    return count;
  }

  start(): void {
    this.running = this.loop();
  }

  /** Keeps watching until nothing is awaited or `graceMs` has passed; returns how many were never seen. */
  async drain(graceMs: number): Promise<number> {
    const deadline = Date.now() + graceMs;
    while (this.pending > 0 && Date.now() < deadline) await sleep(this.intervalMs);
    this.stopping = true;
    await this.running;
    return this.pending;
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      if (this.awaited.size > 0) await this.poll();
      await sleep(this.intervalMs);
    }
  }

  private async poll(): Promise<void> {
    const ids = [...this.awaited.keys()];
    const found = await this.documents.find({ _id: { $in: ids } }, { projection: { version: 1 } }).toArray();
    const now = Date.now();
    for (const document of found) {
      const positions = this.awaited.get(document._id);
      if (positions === undefined) continue;
      const waiting = positions.filter((position) => {
        if (position > document.version) return true;
        this.seenAt.set(position, now);
        return false;
      });
      if (waiting.length === 0) this.awaited.delete(document._id);
      else this.awaited.set(document._id, waiting);
    }
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
