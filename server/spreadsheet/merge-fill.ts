/**
 * Fills merged ranges into rows as they stream past, so a sheet never has to be held whole.
 *
 * Each merged range's top-left value is copied into the rest of the range (a university name merged
 * down over its contracts appears on every contract row, a parent header over its children), and
 * every copied cell is marked, so the importer can tell a row's own cells from repeated ones.
 *
 * Ranges are clipped to the rows and columns the sheet really uses: a merge never creates rows
 * after the last one, and never columns wider than the widest row. The first `HEAD_ROWS` rows
 * (where headers and titles live, and all that `findHeader` reads) are held back until the next
 * row arrives, so their merges are clipped to the width of that whole region; later rows are
 * clipped to the widest row so far. Every column an import maps lies inside the header region's
 * width, so parsing sees exactly what a fill over the finished sheet would give.
 */
import type { Cell, CellRange } from './cells.js'

/** Rows held back before the first is released: the header region `findHeader` scans (30 + 2). */
export const HEAD_ROWS = 32

export interface FilledRow {
  /** 0-based (Excel row = index + 1). */
  index: number
  cells: Cell[]
  /** True for a cell that only repeats a merged range's top-left value. */
  isCopy(col: number): boolean
}

interface Active {
  range: CellRange
  /** Position in the file's list: where ranges overlap, the later one wins, as Excel shows it. */
  order: number
  master: Cell
}

const NO_COPIES = () => false

export class MergeFiller {
  /** Ranges by top row, waiting for their top row. */
  private readonly waiting: { range: CellRange; order: number }[]
  private next = 0
  private active: Active[] = []
  private head: { index: number; cells: Cell[] }[] | null = []
  private width = 0
  private last = -1

  constructor(
    merges: readonly CellRange[],
    /** Charged with every cell a fill adds, against the reader's cell budget. */
    private readonly spend: (cells: number) => void = () => {},
  ) {
    this.waiting = merges.map((range, order) => ({ range, order })).sort((a, b) => a.range.top - b.range.top)
  }

  /** Takes the next row that has cells (indexes rising); returns the rows now ready, filled. */
  push(index: number, cells: Cell[]): FilledRow[] {
    if (this.head) {
      if (index < HEAD_ROWS) {
        this.head.push({ index, cells })
        return []
      }
      return [...this.releaseHead(), ...this.fillThrough(index, cells)]
    }
    return this.fillThrough(index, cells)
  }

  /** The sheet ended: whatever is still held back. */
  end(): FilledRow[] {
    return this.head ? this.releaseHead() : []
  }

  private releaseHead(): FilledRow[] {
    const head = this.head ?? []
    this.head = null
    this.width = head.reduce((w, r) => Math.max(w, r.cells.length), 0)
    return head.flatMap((r) => this.fillThrough(r.index, r.cells))
  }

  /** Rows missing between the last one and `index` that a range covers, then the row itself. */
  private fillThrough(index: number, cells: Cell[]): FilledRow[] {
    this.width = Math.max(this.width, cells.length)
    const out: FilledRow[] = []
    const lastCovered = this.active.reduce((b, a) => Math.max(b, a.range.bottom), -1)
    for (let gap = this.last + 1; gap < Math.min(index, lastCovered + 1); gap++) {
      this.retire(gap)
      const row = this.fill(gap, [])
      if (row.cells.length > 0) out.push(row)
    }
    // Ranges whose top row is missing have no value to copy.
    while ((this.waiting[this.next]?.range.top ?? Number.POSITIVE_INFINITY) < index) this.next++
    this.retire(index)
    for (let w = this.waiting[this.next]; w && w.range.top === index; w = this.waiting[++this.next]) {
      const master = cells[w.range.left] ?? null
      if (master !== null) this.active.push({ ...w, master })
    }
    this.active.sort((a, b) => a.order - b.order)
    out.push(this.fill(index, cells))
    this.last = index
    return out
  }

  private retire(index: number): void {
    if (this.active.some((a) => a.range.bottom < index))
      this.active = this.active.filter((a) => a.range.bottom >= index)
  }

  private fill(index: number, cells: Cell[]): FilledRow {
    if (this.active.length === 0) return { index, cells, isCopy: NO_COPIES }
    const right = this.width - 1
    const covering = this.active.filter((a) => a.range.top <= index)
    for (const { range, master } of covering) {
      const to = Math.min(range.right, right)
      if (to < range.left) continue
      this.spend(to - range.left + 1)
      for (let c = range.left; c <= to; c++) {
        while (cells.length < c) cells.push(null)
        cells[c] = master
      }
    }
    const isCopy = (col: number) =>
      covering.some(
        ({ range }) => col >= range.left && col <= range.right && (index !== range.top || col !== range.left),
      )
    return { index, cells, isCopy }
  }
}
