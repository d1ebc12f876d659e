#!/usr/bin/env node
/**
 * Prints the failed tests of vitest JSON reports (.ci/out/*.json), one line each with the first
 * line of its error, so that the last lines of a CI log name what broke even when the log is cut.
 *
 *   node scripts/ci-failures.mjs .ci/out
 */
import fs from 'node:fs'
import path from 'node:path'

const dir = process.argv[2] ?? '.ci/out'
if (!fs.existsSync(dir)) process.exit(0)
for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
  let report
  try {
    report = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'))
  } catch {
    continue
  }
  for (const file of report.testResults ?? []) {
    const rel = path.relative(process.cwd(), file.name)
    const failed = (file.assertionResults ?? []).filter((t) => t.status === 'failed')
    if (failed.length === 0 && file.status === 'failed')
      console.log(`  ${name}: ${rel}: ${(file.message ?? '').split('\n')[0].slice(0, 200)}`)
    for (const t of failed) {
      const first = (t.failureMessages?.[0] ?? '').split('\n')[0].slice(0, 200)
      console.log(`  ${name}: ${rel} › ${t.fullName}\n      ${first}`)
    }
  }
}
