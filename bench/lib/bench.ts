/** The shape of a benchmark file: bench/run.ts runs every bench/*.ts that default-exports one. */
export interface BenchContext {
  /** A PostgreSQL server to make fresh databases on; undefined runs SQLite only. */
  databaseUrl?: string
  log(message: string): void
}

export interface Bench {
  name: string
  title: string
  /** Measures and returns a Markdown section body (without its heading). */
  run(ctx: BenchContext): Promise<string>
}

export const defineBench = (b: Bench): Bench => b
