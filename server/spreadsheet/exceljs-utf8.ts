/**
 * A workaround for exceljs's streaming reader: it decodes every zlib chunk to text on its own, so
 * a multi-byte character cut by a chunk boundary is garbled (see `decodeUtf8Safely`).
 */
import { EventEmitter } from 'node:events'
import { StringDecoder } from 'node:string_decoder'

/** Turns byte chunks into text without ever cutting a multi-byte UTF-8 character in two. */
async function* utf8Chunks(source: AsyncIterable<unknown>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8')
  for await (const chunk of source) {
    const text = typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? decoder.write(chunk) : ''
    if (text) yield text
  }
  const rest = decoder.end()
  if (rest) yield rest
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value
}

type Method = (this: unknown, ...args: unknown[]) => unknown

function patch(target: object, name: string, wrap: (original: Method) => Method): void {
  const original: unknown = Reflect.get(target, name)
  if (typeof original !== 'function') {
    throw new Error(`exceljs WorkbookReader.${name} is gone: revisit the UTF-8 workaround in read.ts`)
  }
  // A function read off an object: its parameter types are exceljs's business.
  Reflect.set(target, name, wrap(original as Method))
}

/**
 * exceljs 4.4's streaming reader decodes every zlib chunk (16 KB) to text on its own, so a Chinese
 * character that straddles two chunks becomes "��" (exceljs issues #2063, #2084, #2316; the fix,
 * PR #1665, was never merged). About one character in 5,000 of a large Chinese sheet is hit. The
 * cure is to hand its XML parser strings decoded with a `StringDecoder`: entry streams get
 * `setEncoding('utf8')`, and worksheet chunks are re-decoded.
 * These are private methods of exceljs; the lock file pins the version and read.test.ts reads a
 * large Chinese sheet back character for character, so an upgrade that breaks this is caught.
 */
export function decodeUtf8Safely(reader: object): void {
  const encodeEntry = (original: Method): Method =>
    function (this: unknown, entry: unknown, ...rest: unknown[]) {
      if (
        entry instanceof EventEmitter &&
        'setEncoding' in entry &&
        typeof entry.setEncoding === 'function'
      ) {
        entry.setEncoding('utf8')
      }
      return original.call(this, entry, ...rest)
    }
  for (const name of ['_parseSharedStrings', '_parseStyles', '_parseWorkbook', '_parseRels'])
    patch(reader, name, encodeEntry)
  patch(
    reader,
    '_parseWorksheet',
    (original): Method =>
      function (this: unknown, iterator: unknown, ...rest: unknown[]) {
        return original.call(this, isAsyncIterable(iterator) ? utf8Chunks(iterator) : iterator, ...rest)
      },
  )
}
