/**
 * The figure columns of live petition cases in typed arrays, indexed by case id (ids come from a
 * sequence, so they are dense): ~46 bytes a case, no object per case, and one pass over 300,000
 * cases is a few milliseconds. Dates are kept as the integer YYYYMMDD (figure-snapshot-packed.ts);
 * strings that repeat (scope paths, the category × demand × county group) are interned once.
 */
import {
  ACCUSATION,
  begin,
  DUPLICATE,
  dateField,
  end,
  intField,
  LIVE,
  markField,
  NONE,
  ODD,
  SEPARATORS,
  sep,
  splitFields,
  VOIDED,
} from './figure-snapshot-packed.js'
import type { PackedCase } from './figure-snapshot-repository.js'

/** Beyond this id (16× the province demo) the arrays would grow past 200 MB: the figures use SQL. */
const MAX_ID = 5_000_000

export class FigureColumns {
  cap = 0
  /** One past the highest id ever stored: the end of every pass. */
  end = 0
  /** Live cases held, and how many of them have an odd date. */
  count = 0
  odd = 0
  /** An id beyond MAX_ID or a row that could not be read was seen: the snapshot is not used. */
  unusable = false
  flags = new Uint8Array(0)
  received = new Int32Array(0)
  closed = new Int32Array(0)
  currentDue = new Int32Array(0)
  accepted = new Int32Array(0)
  noticeDue = new Int32Array(0)
  replied = new Int32Array(0)
  handlingDue = new Int32Array(0)
  satisfaction = new Uint8Array(0)
  group = new Int32Array(0)
  scope = new Int32Array(0)
  /** Interned accused path (-1: none) and accused user (-1: none); read for accusations only. */
  accusedPath = new Int32Array(0)
  accusedUser = new Int32Array(0)

  readonly paths: string[] = []
  private readonly pathIds = new Map<string, number>()
  /** Group g is (groupCategory[g], groupDemand[g], groupCounty[g]); groups are few and never dropped. */
  readonly groupCategory: number[] = []
  readonly groupDemand: number[] = []
  readonly groupCounty: (number | null)[] = []
  private readonly groupIds = new Map<string, number>()

  constructor(capacity = 0) {
    if (capacity > 0) this.grow(Math.min(capacity, MAX_ID + 1))
  }

  /** Bytes held by the arrays (the interned strings and groups are a few hundred kB at most). */
  bytes(): number {
    return this.cap * (1 + 7 * 4 + 1 + 4 * 4)
  }

  /** Stores a case as read (see figure-snapshot-repository.ts for the packed layout). */
  upsert(r: PackedCase): void {
    const id = r.id
    const s = r.packed
    if (!splitFields(s)) {
      // Never from the SQL as written; rather than guess, let SQL answer.
      this.remove(id)
      this.unusable = true
      return
    }
    const marks = markField(s)
    if (marks & VOIDED) {
      this.remove(id)
      return
    }
    if (id > MAX_ID || id < 0) {
      this.unusable = true
      return
    }
    if (id >= this.cap) this.grow(Math.max(id + 1, Math.ceil(this.cap * 1.5), 1024))
    this.remove(id)
    const received = dateField(s, 4)
    const closed = dateField(s, 5)
    const currentDue = dateField(s, 6)
    const accepted = dateField(s, 7)
    const noticeDue = dateField(s, 8)
    const replied = dateField(s, 9)
    const handlingDue = dateField(s, 10)
    const odd =
      received <= NONE ||
      Math.min(closed, currentDue, accepted, noticeDue, replied, handlingDue) < 0 ||
      (marks & ODD) !== 0
    this.received[id] = received
    this.closed[id] = closed
    this.currentDue[id] = currentDue
    this.accepted[id] = accepted
    this.noticeDue[id] = noticeDue
    this.replied[id] = replied
    this.handlingDue[id] = handlingDue
    this.satisfaction[id] = end(11) > begin(11) ? s.charCodeAt(begin(11)) - 48 : 0
    this.group[id] = this.groupOf(s)
    this.scope[id] = this.pathOf(s.slice(begin(SEPARATORS)))
    this.accusedPath[id] = r.accused_path === null ? -1 : this.pathOf(r.accused_path)
    this.accusedUser[id] = intField(s, 3)
    this.flags[id] = LIVE | (marks & (DUPLICATE | ACCUSATION)) | (odd ? ODD : 0)
    this.count++
    if (odd) this.odd++
    if (id >= this.end) this.end = id + 1
  }

  remove(id: number): void {
    if (id >= this.cap || id < 0) return
    const f = this.flags[id] as number
    if (!(f & LIVE)) return
    this.count--
    if (f & ODD) this.odd--
    this.flags[id] = 0
  }

  private pathOf(p: string): number {
    let i = this.pathIds.get(p)
    if (i === undefined) {
      i = this.paths.push(p) - 1
      this.pathIds.set(p, i)
    }
    return i
  }

  /** The group of a packed row: its first three fields (category|demand|county) are the key. */
  private groupOf(s: string): number {
    const key = s.slice(0, sep[3])
    let g = this.groupIds.get(key)
    if (g === undefined) {
      const county = intField(s, 2)
      g = this.groupCategory.push(intField(s, 0)) - 1
      this.groupDemand.push(intField(s, 1))
      this.groupCounty.push(county < 0 ? null : county)
      this.groupIds.set(key, g)
    }
    return g
  }

  private grow(cap: number): void {
    const more = <T extends Uint8Array | Int32Array>(a: T, make: (n: number) => T): T => {
      const b = make(cap)
      b.set(a)
      return b
    }
    const u8 = (n: number) => new Uint8Array(n)
    const i32 = (n: number) => new Int32Array(n)
    this.flags = more(this.flags, u8)
    this.received = more(this.received, i32)
    this.closed = more(this.closed, i32)
    this.currentDue = more(this.currentDue, i32)
    this.accepted = more(this.accepted, i32)
    this.noticeDue = more(this.noticeDue, i32)
    this.replied = more(this.replied, i32)
    this.handlingDue = more(this.handlingDue, i32)
    this.satisfaction = more(this.satisfaction, u8)
    this.group = more(this.group, i32)
    this.scope = more(this.scope, i32)
    this.accusedPath = more(this.accusedPath, i32)
    this.accusedUser = more(this.accusedUser, i32)
    this.cap = cap
  }
}
