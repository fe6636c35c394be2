import { readdirSync, readFileSync } from 'node:fs';

const TASKS = '/proc/self/task';
const SAMPLE_EVERY_MS = 100;
/** A sample reads every thread's `stat` (~0.25 ms): after each batch it would cost 1-2 % of a rebuild. */
const MIN_SAMPLE_GAP_MS = 50;
/** USER_HZ, the unit of `stat`'s times: 100 on every Linux this runs on (`getconf CLK_TCK`). */
const TICKS_PER_SECOND = 100;

/** CPU seconds of a phase, by thread: what the wall time alone hides on a machine of two cores. */
export interface ThreadCpuSeconds {
  /** The JavaScript main thread. */
  readonly main: number;
  /** Threads started during the phase: the event store's read-ahead worker. */
  readonly started: number;
  /** Threads the process had before: V8's GC and compiler helpers, libuv's pool. */
  readonly others: number;
}

/**
 * Each thread's user + system CPU from `/proc/self/task/<tid>/stat` (Linux; elsewhere nothing is
 * reported). A thread that ends before the phase does (the read-ahead worker stops with the read) is
 * counted as of its last sample: every 100 ms, and when the phase calls `sample()` after a batch at least
 * 50 ms after the one before (a loop of resolved promises can hold the timer off for a whole run).
 */
export class ThreadCpu {
  private readonly atStart: Map<number, number>;
  private readonly latest = new Map<number, number>();
  private readonly timer: NodeJS.Timeout | undefined;
  private sampledAt = 0;

  constructor() {
    this.atStart = readTicks() ?? new Map();
    this.timer = this.atStart.size > 0 ? setInterval(() => this.sample(), SAMPLE_EVERY_MS) : undefined;
  }

  sample(): void {
    const now = Date.now();
    if (now - this.sampledAt < MIN_SAMPLE_GAP_MS) return;
    this.read(now);
  }

  stop(): ThreadCpuSeconds | undefined {
    if (this.timer === undefined) return undefined;
    clearInterval(this.timer);
    this.read(Date.now());
    const split = { main: 0, started: 0, others: 0 };
    for (const [tid, ticks] of this.latest) {
      const seconds = (ticks - (this.atStart.get(tid) ?? 0)) / TICKS_PER_SECOND;
      if (tid === process.pid) split.main += seconds;
      else if (this.atStart.has(tid)) split.others += seconds;
      else split.started += seconds;
    }
    return split;
  }

  private read(now: number): void {
    this.sampledAt = now;
    for (const [tid, ticks] of readTicks() ?? []) this.latest.set(tid, ticks);
  }
}

/** utime + stime (fields 14 and 15 of `stat`, in ticks of USER_HZ) of every thread of this process. */
function readTicks(): Map<number, number> | undefined {
  let tids: string[];
  try {
    tids = readdirSync(TASKS);
  } catch {
    return undefined;
  }
  const ticks = new Map<number, number>();
  for (const tid of tids) {
    try {
      const stat = readFileSync(`${TASKS}/${tid}/stat`, 'utf8');
      // The thread's name (field 2) may hold spaces: the fields that follow are counted from its ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks.set(Number(tid), Number(fields[11]) + Number(fields[12]));
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return ticks;
}
