import type { ReadStore } from '@crm/read-store';

/** A reactor's own checkpoint in the read store (by default the automation's): how far it has acted on the log. */
export const AUTOMATION_CHECKPOINT = 'automation';

/**
 * Writes the reactor's checkpoint: at once after a trigger (so a restart does not redo a firing it
 * need not), otherwise at most every `idleMs`, so a busy log costs few writes and an idle one still
 * ends up saved. Writes are serialised and never move the checkpoint back.
 */
export class ReactorCheckpoint {
  /** -1 before the first save, so that even position 0 (an empty log) is written. */
  private saved = -1;
  private pending: number | undefined;
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: ReadStore,
    private readonly idleMs = 250,
    private readonly name = AUTOMATION_CHECKPOINT,
  ) {}

  async load(): Promise<number | undefined> {
    const checkpoint = await this.store.getCheckpoint(this.name);
    this.saved = checkpoint?.position ?? -1;
    return checkpoint?.position;
  }

  /** `position` is acted on; `now` saves it before returning. */
  async advance(position: number, now: boolean): Promise<void> {
    this.pending = position;
    if (now) return this.flush();
    // A failed idle write is not fatal: the next event or flush writes a later position.
    this.timer ??= setTimeout(() => this.flush().catch(() => undefined), this.idleMs);
  }

  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const position = this.pending;
    this.pending = undefined;
    if (position !== undefined) await this.write(position);
    await this.writing;
  }

  private write(position: number): Promise<void> {
    this.writing = this.writing
      .catch(() => undefined)
      .then(async () => {
        if (position <= this.saved) return;
        await this.store.saveCheckpoint(this.name, {
          position,
          updatedAt: new Date().toISOString(),
        });
        this.saved = position;
      });
    return this.writing;
  }
}
