import { createHmac, randomBytes } from 'node:crypto'
import { expect, it } from 'vitest'
import { createCipher, hmacSha256 } from './personal-data.js'

it('computes HMAC-SHA-256 exactly as createHmac does, for short, long and non-ASCII values', () => {
  for (const keyLength of [1, 32, 64]) {
    const key = randomBytes(keyLength)
    const mac = hmacSha256(key)
    for (const value of ['', 'name:张三', `id:${'1'.repeat(17)}X`, '地址'.repeat(200), '\u{1F600}x\0y'])
      expect(mac(value).toString('hex')).toBe(createHmac('sha256', key).update(value).digest('hex'))
  }
  expect(() => hmacSha256(randomBytes(65))).toThrow()
})

it('keeps lookup hashes stable for a key and different between keys; encryption round-trips', () => {
  const key = randomBytes(32)
  const a = createCipher(key)
  const b = createCipher(Buffer.from(key))
  expect(a.lookupHash('phone:13912345678')).toBe(b.lookupHash('phone:13912345678'))
  expect(a.lookupHash('phone:13912345678')).toHaveLength(32)
  expect(a.lookupHash('phone:13912345678')).not.toBe(a.lookupHash('phone:13912345679'))
  expect(createCipher(randomBytes(32)).lookupHash('phone:13912345678')).not.toBe(
    a.lookupHash('phone:13912345678'),
  )
  const sealed = a.encrypt('张三')
  expect(sealed).not.toContain('张三')
  expect(b.decrypt(sealed)).toBe('张三')
})
