/**
 * Personal data encrypted at rest, in the application (AES-256-GCM), so a copied database file,
 * a backup or a careless SELECT shows ciphertext. The key comes from `EDU_LEDGER_DATA_KEY`
 * (32 bytes, base64 or hex) or, on a single machine, from a key file the server creates beside
 * the database, readable by its owner only (mode 0600). Lose the key and the personal fields are
 * gone: back it up apart from the database (docs/ARCHITECTURE.md says so).
 *
 * Lookups (the same petitioner again) use a keyed hash (HMAC-SHA-256), never the plaintext.
 */
import { createCipheriv, createDecipheriv, hash, hkdfSync, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

const PREFIX = 'v1:'

export interface PersonalDataCipher {
  encrypt(plain: string): string
  decrypt(stored: string): string
  /** A stable keyed digest for equality lookups (normalise before hashing). */
  lookupHash(value: string): string
}

export function parseKey(text: string): Buffer {
  const t = text.trim()
  const key = /^[0-9a-fA-F]{64}$/.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64')
  if (key.length !== 32) throw new Error('EDU_LEDGER_DATA_KEY must be 32 bytes, as 64 hex digits or base64')
  return key
}

/** The key file beside the database: created once with mode 0600, then only read. */
export function loadOrCreateKeyFile(dataDir: string): Buffer {
  const file = path.join(dataDir, 'personal-data.key')
  if (fs.existsSync(file)) return parseKey(fs.readFileSync(file, 'utf8'))
  fs.mkdirSync(dataDir, { recursive: true })
  const key = randomBytes(32)
  // 'wx' fails if another process created it first; then read theirs.
  try {
    fs.writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' })
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
    return parseKey(fs.readFileSync(file, 'utf8'))
  }
  return key
}

/** IVs drawn from a pooled random buffer: one getrandom call per 4,096 values, not per value. */
let ivPool = Buffer.alloc(0)
let ivAt = 0
function freshIv(): Buffer {
  if (ivAt + 12 > ivPool.length) {
    ivPool = randomBytes(12 * 4096)
    ivAt = 0
  }
  const iv = ivPool.subarray(ivAt, ivAt + 12)
  ivAt += 12
  return iv
}

/**
 * HMAC-SHA-256 (RFC 2104) from two one-shot hashes: the same digest as `createHmac`, without
 * building an Hmac object per call, which was most of a keyed hash's cost in a 100,000-row import
 * (four per row). The key is 32 bytes, under SHA-256's 64-byte block, so it is only padded.
 */
export function hmacSha256(key: Buffer): (value: string) => Buffer {
  if (key.length > 64) throw new Error('hmacSha256: key longer than a block')
  const pad = (byte: number) => {
    const b = Buffer.alloc(64, byte)
    for (let i = 0; i < key.length; i++) b[i] = (b[i] as number) ^ (key[i] as number)
    return b
  }
  const inner = pad(0x36)
  const outer = pad(0x5c)
  return (value) =>
    hash(
      'sha256',
      Buffer.concat([outer, hash('sha256', Buffer.concat([inner, Buffer.from(value, 'utf8')]), 'buffer')]),
      'buffer',
    )
}

export function createCipher(masterKey: Buffer): PersonalDataCipher {
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), info, 32))
  const encKey = derive('edu-ledger personal data encryption')
  const mac = hmacSha256(derive('edu-ledger personal data lookup'))
  return {
    encrypt(plain) {
      const iv = freshIv()
      const c = createCipheriv('aes-256-gcm', encKey, iv)
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()])
      return PREFIX + Buffer.concat([iv, c.getAuthTag(), body]).toString('base64')
    },
    decrypt(stored) {
      if (!stored.startsWith(PREFIX)) throw new Error('not an encrypted value')
      const raw = Buffer.from(stored.slice(PREFIX.length), 'base64')
      const d = createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, 12))
      d.setAuthTag(raw.subarray(12, 28))
      return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8')
    },
    lookupHash(value) {
      return mac(value).toString('base64url').slice(0, 32)
    },
  }
}

export function openPersonalDataCipher(opts: {
  key?: string | undefined
  dataDir: string
}): PersonalDataCipher {
  return createCipher(opts.key ? parseKey(opts.key) : loadOrCreateKeyFile(opts.dataDir))
}

/**
 * The lookup hash of a person's name (petitioners and ethics teachers alike): a report's public copy
 * hashes its own short windows of text and asks which are names, never decrypting one.
 */
export const nameHash = (cipher: Pick<PersonalDataCipher, 'lookupHash'>, name: string) =>
  cipher.lookupHash(`name:${name.trim()}`)
