export type CrmMode = 'embedded' | 'distributed';

export function readCrmMode(env: NodeJS.ProcessEnv): CrmMode {
  const mode = env.CRM_MODE ?? 'embedded';
  if (mode !== 'embedded' && mode !== 'distributed') {
    throw new Error(`CRM_MODE must be "embedded" or "distributed", got "${mode}"`);
  }
  return mode;
}
