import { Writable } from 'node:stream';
import { JsonlSink } from './jsonl-sink';

/** A reader that takes one chunk at a time, and only when the test lets it. */
function slowReader(): { stream: Writable; received: string[]; release: () => void } {
  const received: string[] = [];
  const waiting: Array<() => void> = [];
  const stream = new Writable({
    highWaterMark: 8,
    write(chunk: Buffer, _encoding, done) {
      received.push(chunk.toString());
      waiting.push(done);
    },
  });
  return { stream, received, release: () => waiting.shift()?.() };
}

describe('JsonlSink', () => {
  it('holds the writer until a slow reader has drained what it was given', async () => {
    const reader = slowReader();
    const sink = new JsonlSink(reader.stream, true);
    let written = false;

    const write = sink.write('{"position":1}\n{"position":2}\n').then(() => (written = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(written).toBe(false);

    reader.release();
    await write;
    expect(written).toBe(true);
    expect(reader.received).toEqual(['{"position":1}\n{"position":2}\n']);
  });

  it('fails the write, and every later one, when the stream fails, instead of losing lines silently', async () => {
    const failing = new Writable({ write: (_chunk, _encoding, done) => done(new Error('disk full')) });
    const sink = new JsonlSink(failing, true);

    await expect(sink.write('{"position":1}\n')).rejects.toThrow('disk full');
    await expect(sink.write('{"position":2}\n')).rejects.toThrow('disk full');
  });
});
