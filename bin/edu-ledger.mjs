#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's loader, so there is no separate build step for the server.
import v8 from 'node:v8'
import { register } from 'tsx/esm/api'

// V8 lets the old generation grow to 2.5–4× what is live before a full collection: a 100,000-row
// import with ~60 MB live peaked at over 500 MB of RSS. Growing by at most half keeps the server
// under 500 MB through imports and load (bench/petitions.ts, bench/load.ts) for a few percent of CPU.
// Set at run time, so it holds however the CLI is started (npm start, node bin/…, a service unit).
v8.setFlagsFromString('--heap-growing-percent=50')

register()
await import('../server/cli.ts')
