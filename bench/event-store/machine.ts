import { cpus, loadavg, totalmem } from 'node:os';

/** The header printed above the table: enough to tell two runs' machines apart. */
export function machineDescription(extra: Record<string, string>): string[] {
  const cores = cpus();
  const lines = [
    `- date: ${new Date().toISOString()}`,
    `- node: ${process.version} (${process.platform}/${process.arch})`,
    `- cpu: ${cores[0]?.model.trim() ?? 'unknown'} × ${cores.length}`,
    `- memory: ${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `- load average at start (1/5/15 min): ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' / ')}`,
  ];
  for (const [key, value] of Object.entries(extra)) lines.push(`- ${key}: ${value}`);
  return lines;
}
