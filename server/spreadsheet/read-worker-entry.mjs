// The worker's entry point. Node 20 does not pass loader hooks registered in the main thread
// (bin/edu-ledger.mjs, vitest) on to workers, so this plain module registers tsx itself before
// loading the TypeScript side.
import { register } from 'tsx/esm/api'

register()
await import('./read-worker.ts')
