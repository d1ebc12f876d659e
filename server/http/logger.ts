/**
 * The server's logger settings, in one place so the log-redaction test runs the very same ones.
 * Requests are logged as method and path only: query strings can carry a petitioner's name
 * being searched for, and bodies carry personal data. Fields that could hold personal data are
 * redacted by name should any code ever log an object holding them.
 */
import type { FastifyServerOptions } from 'fastify'

export const REDACTED_PATHS = [
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'body',
  '*.body',
  '*.password',
  '*.name',
  '*.idNumber',
  '*.phone',
  '*.address',
  '*.petitioners',
  '*.people',
]

export function loggerOptions(
  level: string,
  stream?: { write(msg: string): void },
): FastifyServerOptions['logger'] {
  return {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: {
      req: (req: { method: string; url: string }) => ({ method: req.method, path: req.url.split('?')[0] }),
      // Fastify's own, plus whether the answer cache served it (read by bench/load.ts).
      res: (reply: { statusCode: number; getHeader?(name: string): unknown }) => {
        const cache = reply.getHeader?.('x-answer-cache')
        return cache === undefined
          ? { statusCode: reply.statusCode }
          : { statusCode: reply.statusCode, cache }
      },
    },
    ...(stream ? { stream } : {}),
  }
}

/** Digit runs long enough to be a phone or an ID number, masked in error messages before logging. */
export function scrubDigits(text: string): string {
  return text.replace(/\d{7,}[\dXx]?/g, '[number]')
}
