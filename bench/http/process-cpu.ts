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

/** Measures the CPU a process uses while `work` runs, as a share of one core. */
export async function withCpuShare<T>(
  pid: number,
  work: () => Promise<T>,
): Promise<{ result: T; share?: number }> {
  const before = cpuSeconds(pid);
  const started = process.hrtime.bigint();
  const result = await work();
  const after = cpuSeconds(pid);
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  if (before === undefined || after === undefined) return { result };
  return { result, share: (after - before) / elapsed };
}
