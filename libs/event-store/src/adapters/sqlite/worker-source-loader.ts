/** Under ts-jest or tsx a worker file is TypeScript: the thread compiles it with tsx, as they do. */
export function workerSourceLoader(file: string): { execArgv?: string[] } {
  return file.endsWith('.ts') ? { execArgv: ['--require', require.resolve('tsx/cjs')] } : {};
}
