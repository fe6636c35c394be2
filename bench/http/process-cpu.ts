import { readFileSync } from 'node:fs';

const CLOCK_TICKS_PER_SECOND = 100;

/** User + system CPU seconds a process has used so far (Linux /proc); undefined elsewhere. */
export function cpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** Seconds a thread has run on a CPU and waited runnable for one so far (Linux schedstat); undefined elsewhere. */
function threadSchedule(pid: number, tid: number): { run: number; wait: number } | undefined {
  try {
    const [run, wait] = readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ').map(Number);
    return { run: run / 1e9, wait: wait / 1e9 };
  } catch {
    return undefined;
  }
}

/** Shares of one core over a phase; undefined where /proc is not available. */
export interface CpuShares {
  /** The whole API process: its main thread, projection and writer threads, V8's helpers. */
  readonly api?: number;
  /** The API's main thread (HTTP, validation, deciding): its share of the time on a CPU... */
  readonly apiMainRun?: number;
  /** ...and waiting, runnable, for a CPU that other threads or processes held. */
  readonly apiMainWait?: number;
  /** This process: autocannon generating the load and reading the answers. */
  readonly loadGenerator?: number;
}

/** Measures the CPU the API process, its main thread and this process use while `work` runs. */
export async function withCpuShares<T>(
  apiPid: number,
  work: () => Promise<T>,
): Promise<{ result: T; cpu: CpuShares }> {
  const before = {
    api: cpuSeconds(apiPid),
    main: threadSchedule(apiPid, apiPid),
    own: cpuSeconds(process.pid),
  };
  const started = process.hrtime.bigint();
  const result = await work();
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  const after = {
    api: cpuSeconds(apiPid),
    main: threadSchedule(apiPid, apiPid),
    own: cpuSeconds(process.pid),
  };
  const share = (from: number | undefined, to: number | undefined) =>
    from === undefined || to === undefined ? undefined : (to - from) / elapsed;
  return {
    result,
    cpu: {
      api: share(before.api, after.api),
      apiMainRun: share(before.main?.run, after.main?.run),
      apiMainWait: share(before.main?.wait, after.main?.wait),
      loadGenerator: share(before.own, after.own),
    },
  };
}
