/**
 * `streamWorkbook` in a worker thread (the default) against the inline path: the same rows, merge
 * copies, dates and errors; and the worker stops when the visitor stops, throws, or the file
 * exhausts the worker's memory.
 */
import { readFileSync } from 'node:fs'
import { PassThrough } from 'node:stream'
import ExcelJS from 'exceljs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { SpreadsheetError } from './errors.js'
import { type RawSheet, type ReadOptions, readWorkbook, streamWorkbook } from './read.js'
import { readWorkers, setReadWorkerLimits } from './read-threaded.js'

const fixture = (name: string) => readFileSync(new URL(`../../tests/fixtures/${name}`, import.meta.url))

type Thread = 'inline' | 'worker'

/** Everything the visitor sees, in order; each row with which of its cells are merge copies. */
async function visitLog(buf: Buffer, thread: Thread, options: ReadOptions = {}) {
  const log: unknown[] = []
  await streamWorkbook(
    buf,
    { ...options, thread },
    {
      begin: (sheets) => void log.push(['begin', sheets]),
      sheet(info) {
        log.push(['sheet', info.name])
        return true
      },
      row: (row) => void log.push(['row', row.index, row.cells, row.cells.map((_, c) => row.isCopy(c))]),
      end(info) {
        log.push(['end', info.name])
        return false
      },
    },
  )
  return log
}

async function failure(thread: Thread, buf: Buffer, options: ReadOptions = {}) {
  try {
    await readWorkbook(buf, { ...options, thread })
  } catch (err) {
    if (err instanceof SpreadsheetError) return err
    throw err
  }
  throw new Error('expected a SpreadsheetError')
}

/** Until the worker has ended its job and waits for the next (it stopped rather than being killed). */
async function workerIdle(): Promise<{ running: number; idle: boolean }> {
  for (let i = 0; i < 100 && !readWorkers().idle; i++) await new Promise((r) => setTimeout(r, 20))
  return readWorkers()
}

async function wideBook(sheets: { name: string; rows: number }[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  for (const { name, rows } of sheets) {
    const ws = wb.addWorksheet(name)
    ws.addRow(['编号', '名称', '数量'])
    for (let i = 0; i < rows; i++) ws.addRow([`S${i}`, `第${i}小学（示例长名称用于测试字符串）`, i])
  }
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/** Many distinct long shared strings: exceljs caches them all, so reading needs memory. */
async function memoryHungry(rows: number, chars: number): Promise<Buffer> {
  const out = new PassThrough()
  const parts: Buffer[] = []
  out.on('data', (c: Buffer) => parts.push(c))
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true })
  const ws = wb.addWorksheet('大表')
  let seed = 1
  for (let i = 0; i < rows; i++) {
    let text = ''
    for (let j = 0; j < chars; j++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff
      text += String.fromCharCode(0x4e00 + (seed % 2000))
    }
    ws.addRow([text]).commit()
  }
  await wb.commit()
  return Buffer.concat(parts)
}

afterEach(() => {
  setReadWorkerLimits()
  vi.unstubAllEnvs()
})

describe('the worker thread gives what the inline path gives', () => {
  it('the same rows, merge copies and dates on the fixtures', async () => {
    for (const name of ['信访案件台账.xlsx', '科技成果转化统计表.xlsx']) {
      const buf = fixture(name)
      const worker = await visitLog(buf, 'worker')
      expect(worker).toEqual(await visitLog(buf, 'inline'))
      expect(worker.filter((e) => Array.isArray(e) && e[0] === 'row').length).toBeGreaterThan(90)
    }
    const [inline, worker] = await Promise.all(
      (['inline', 'worker'] as const).map((thread) => readWorkbook(fixture('信访案件台账.xlsx'), { thread })),
    )
    const dates = (sheets: RawSheet[] = []) =>
      sheets.flatMap((s) => s.rows.flat()).filter((c): c is Date => c instanceof Date)
    expect(dates(worker).length).toBeGreaterThan(100)
    expect(dates(worker).map((d) => d.getTime())).toEqual(dates(inline).map((d) => d.getTime()))
  })

  it('every kind of value exactly: dates with times, fractions, booleans, errors, texts', async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('值')
    ws.addRow(['标题'])
    ws.mergeCells('A1:E1')
    ws.addRow([new Date(Date.UTC(2019, 2, 15, 13, 45, 30, 250)), 0.1 + 0.2, -1e-300, 2 ** 53 - 1, true])
    ws.addRow([{ error: '#N/A' }, { formula: 'B2*2', result: 0.6000000000000001 }, '𠀀教育', false, -0.5])
    ws.addRow(['合并'])
    ws.mergeCells('A4:A6')
    ws.getCell('B6').value = new Date(Date.UTC(1900, 0, 1))
    const buf = Buffer.from(await wb.xlsx.writeBuffer())
    const worker = await visitLog(buf, 'worker')
    expect(worker).toEqual(await visitLog(buf, 'inline'))
    const [sheet] = await readWorkbook(buf)
    const date = sheet?.rows[1]?.[0]
    expect(date).toBeInstanceOf(Date)
    expect(date instanceof Date && date.toISOString()).toBe('2019-03-15T13:45:30.250Z')
    expect(sheet?.rows[1]?.slice(1)).toEqual([0.1 + 0.2, -1e-300, 2 ** 53 - 1, true])
    expect(worker).toContainEqual(['row', 4, ['合并'], [true]])
  })

  it('makes SpreadsheetErrors again with the same code, params and message', async () => {
    const buf = fixture('信访案件台账.xlsx')
    const cases: [Buffer, ReadOptions][] = [
      [buf, { maxRows: 100 }],
      [buf, { maxCellChars: 20 }],
      [buf, { maxCells: 500 }],
      [buf, { maxFileBytes: 10_000 }],
      [buf.subarray(0, buf.length / 2), {}],
      [Buffer.from('not a zip at all'), {}],
    ]
    for (const [bytes, options] of cases) {
      const inWorker = await failure('worker', bytes, options)
      const inline = await failure('inline', bytes, options)
      expect([inWorker.code, inWorker.params, inWorker.message]).toEqual([
        inline.code,
        inline.params,
        inline.message,
      ])
    }
  })
})

describe('stopping the worker', () => {
  it('rethrows what the visitor throws as is, and the worker stops reading', async () => {
    // More rows than the worker reads ahead: one that did not stop would wait for the main
    // thread forever, and be terminated rather than found idle.
    const buf = await wideBook([{ name: '学校', rows: 8_000 }])
    const boom = new Error('the database went away')
    let rows = 0
    await expect(
      streamWorkbook(
        buf,
        { thread: 'worker' },
        {
          sheet: () => true,
          row() {
            if (++rows === 1000) throw boom
          },
          end: () => false,
        },
      ),
    ).rejects.toBe(boom)
    expect(rows).toBe(1000)
    // Told to stop, it ended its job and waits for the next: not left reading, not killed.
    expect(await workerIdle()).toEqual({ running: 1, idle: true })
  })

  it('stops at the sheet whose end() says so, and the worker is free again', async () => {
    const buf = await wideBook([
      { name: '说明', rows: 3 },
      // One that did not stop would ask about this sheet, wait forever, and be terminated.
      { name: '学校', rows: 100 },
    ])
    const seen: string[] = []
    const { sheets } = await streamWorkbook(
      buf,
      { thread: 'worker' },
      {
        sheet(info) {
          seen.push(info.name)
          return true
        },
        row: () => {},
        end: () => true,
      },
    )
    expect(sheets.map((s) => s.name)).toEqual(['说明', '学校'])
    expect(seen).toEqual(['说明'])
    expect(await workerIdle()).toEqual({ running: 1, idle: true })
    // …and reads the next file.
    expect((await readWorkbook(fixture('信访案件台账.xlsx')))[0]?.rows.length).toBeGreaterThan(90)
  })

  it('reports a worker that runs out of memory as an unreadable file, and reads on', async () => {
    const buf = await memoryHungry(4000, 1000)
    setReadWorkerLimits({ maxOldGenerationSizeMb: 20 })
    // A worker with this little heap starts and reads a small file…
    expect((await readWorkbook(fixture('信访案件台账.xlsx')))[0]?.rows.length).toBeGreaterThan(90)
    // …but not one whose shared strings alone take 8 MB.
    const err = await failure('worker', buf)
    expect(err.code).toBe('sheet_unreadable')
    expect(err.params.reason).toBe('文件内容无法解析，请在 Excel 中打开后重新另存为 .xlsx')
    expect(err.cause).toMatchObject({ code: 'ERR_WORKER_OUT_OF_MEMORY' })
    await vi.waitFor(() => expect(readWorkers().running).toBe(0))
    setReadWorkerLimits()
    expect((await readWorkbook(buf))[0]?.rows.length).toBe(4000)
  }, 40_000)

  it('parses inline by default; EDU_LEDGER_IMPORT_WORKER=on uses the worker for large files, always for all', async () => {
    const small = fixture('信访案件台账.xlsx') // 48 KB
    const rows = async (options: ReadOptions = {}) => (await readWorkbook(small, options))[0]?.rows.length
    const big = await wideBook([{ name: '学校', rows: 20_000 }])
    expect(big.length).toBeGreaterThan(256 * 1024)
    const noWorker = async () => {
      setReadWorkerLimits() // ends the idle worker
      await vi.waitFor(() => expect(readWorkers().running).toBe(0))
    }
    // Default: inline, whatever the size.
    vi.stubEnv('EDU_LEDGER_IMPORT_WORKER', undefined)
    await noWorker()
    expect((await readWorkbook(big))[0]?.rows.length).toBe(20_001)
    expect(readWorkers().running).toBe(0)
    // on: small files inline, large ones in the worker (which then stays idle for the next).
    vi.stubEnv('EDU_LEDGER_IMPORT_WORKER', 'on')
    expect(await rows()).toBeGreaterThan(90)
    expect(readWorkers().running).toBe(0)
    expect((await readWorkbook(big))[0]?.rows.length).toBe(20_001)
    expect(readWorkers()).toEqual({ running: 1, idle: true })
    // always: even a small file.
    vi.stubEnv('EDU_LEDGER_IMPORT_WORKER', 'always')
    await noWorker()
    expect(await rows()).toBeGreaterThan(90)
    expect(readWorkers()).toEqual({ running: 1, idle: true })
    vi.stubEnv('EDU_LEDGER_IMPORT_WORKER', undefined)
  })
})

describe('a visitor that takes its time', () => {
  it('still gets every sheet (exceljs dropped those after a slow sheet end)', async () => {
    const buf = await wideBook([
      { name: '说明', rows: 1 },
      { name: '学校', rows: 2 },
      { name: '附表', rows: 3 },
    ])
    for (const thread of ['inline', 'worker'] as const) {
      const seen: string[] = []
      await streamWorkbook(
        buf,
        { thread },
        {
          sheet(info) {
            seen.push(info.name)
            return true
          },
          row: () => {},
          end: () => new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 10)),
        },
      )
      expect(seen).toEqual(['说明', '学校', '附表'])
    }
  })
})
