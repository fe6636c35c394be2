import { once } from 'node:events';
import { open } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';

/** Where exported lines go: stdout or a file, written no faster than the reader takes them. */
export class JsonlSink {
  private failure: Error | undefined;
  private readonly recordFailure = (error: Error): void => {
    this.failure = error;
  };

  /** `ownsStream`: close() ends the stream and waits until it is flushed. */
  constructor(
    private readonly stream: Writable,
    private readonly ownsStream: boolean,
  ) {
    stream.on('error', this.recordFailure);
  }

  static stdout(): JsonlSink {
    return new JsonlSink(process.stdout, false);
  }

  /** Opens (and truncates) the file before anything is read, so a bad path fails at once. */
  static async file(path: string): Promise<JsonlSink> {
    const handle = await open(path, 'w');
    return new JsonlSink(handle.createWriteStream(), true);
  }

  /** Resolves once the stream has room again: a slow reader slows the export instead of filling memory. */
  async write(lines: string): Promise<void> {
    if (this.failure !== undefined) throw this.failure;
    if (!this.stream.write(lines)) await once(this.stream, 'drain');
  }

  /** Flushes a file; stdout stays open for the process. Rethrows a write error the stream reported. */
  async close(): Promise<void> {
    if (this.ownsStream) {
      this.stream.end();
      await finished(this.stream);
    }
    this.stream.off('error', this.recordFailure);
    if (this.failure !== undefined) throw this.failure;
  }
}

/** The reader of stdout went away (`crm export … | head`): nothing is wrong with the export. */
export const isBrokenPipe = (error: unknown): boolean => (error as NodeJS.ErrnoException)?.code === 'EPIPE';
