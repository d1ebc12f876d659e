import { describe, expect, it } from 'vitest'
import { sharedCompute } from './shared-compute.js'

describe('sharedCompute', () => {
  it('runs one computation per key, concurrent callers included, and forgets failures and old keys', async () => {
    const shared = sharedCompute<number>(2)
    let runs = 0
    const work = (v: number) => async () => {
      runs++
      return v
    }
    expect(await Promise.all([shared('a', work(1)), shared('a', work(2))])).toEqual([1, 1])
    expect(runs).toBe(1)
    await expect(shared('bad', () => Promise.reject(new Error('x')))).rejects.toThrow('x')
    expect(await shared('bad', work(3))).toBe(3)
    await shared('c', work(4))
    // size 2: 'a' was the oldest and is computed again.
    expect(await shared('a', work(5))).toBe(5)
  })
})
