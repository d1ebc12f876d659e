/**
 * Names for a county's schools and kindergartens, in the shapes real ones take: 和平区第三小学,
 * 和平区南京街小学, 浑南区育英幼儿园, 新民市大柳屯镇中心小学, 法库县叶茂台镇孙家窝堡村教学点,
 * 康平县第二高级中学. Names are unique within the whole tree (the `used` set is shared).
 */
import type { SchoolStage } from '../../domain/org/codes.js'
import { KINDERGARTEN_BRANDS, PRIVATE_BRANDS, STREETS, THEMES } from './name-pools.js'
import { chineseNumber, Numbering, placeStem, uniqueName } from './names.js'
import type { Rng } from './random.js'
import type { Ownership } from './types.js'

export type SchoolKind = SchoolStage | 'kindergarten'

/** Where in the county a school stands: the seat (城区/县城), a town, or a village under a town. */
export type Location =
  | { type: 'seat' }
  | { type: 'town'; town: string }
  | { type: 'village'; town: string; teachingPoint: boolean }

export interface NameRequest {
  kind: SchoolKind
  location: Location
  ownership: Ownership
}

type Pattern = readonly (readonly [() => string, number])[]

/** Names every school of one county; create one per county. */
export class SchoolNamer {
  readonly #rng: Rng
  readonly #county: string
  readonly #used: Set<string>
  readonly #numbers: Numbering
  readonly #streets: readonly string[]
  readonly #themes: readonly string[]
  readonly #townFirsts = new Set<string>()
  /** County seats (not urban districts) name their first senior high plainly: 康平县高级中学. */
  readonly #plainFirstSenior: boolean

  constructor(rng: Rng, countyName: string, used: Set<string>, plainFirstSenior: boolean) {
    this.#rng = rng
    this.#county = countyName
    this.#used = used
    this.#numbers = new Numbering(rng)
    // Each county gets its own streets and favourite themes, so neighbours do not read alike.
    this.#streets = rng.shuffle(STREETS).slice(0, 30)
    this.#themes = rng.shuffle(THEMES).slice(0, 22)
    this.#plainFirstSenior = plainFirstSenior
  }

  /** A fresh name without any city prefix (the caller may add one). */
  name(request: NameRequest): string {
    const { location } = request
    if (location.type === 'seat') return this.#seat(request.kind, request.ownership)
    if (location.type === 'town') return this.#town(request.kind, request.ownership, location.town)
    return this.#village(location.town, location.teachingPoint)
  }

  #seat(kind: SchoolKind, ownership: Ownership): string {
    const c = this.#county
    const r = this.#rng
    const num =
      (key: string, tail: string, start = 1) =>
      () =>
        `${c}第${chineseNumber(this.#numbers.take(key, start))}${tail}`
    const theme = (tail: string) => () => `${c}${r.pick(this.#themes)}${tail}`
    const street = (tail: string) => () => `${c}${r.pick(this.#streets)}${tail}`
    const brand = (tails: readonly string[]) => () => `${c}${r.pick(PRIVATE_BRANDS)}${r.pick(tails)}`

    if (ownership === 'private') {
      if (kind === 'kindergarten') {
        const tail = (): string =>
          r.weighted([
            ['幼儿园', 5],
            ['双语幼儿园', 1],
            ['艺术幼儿园', 1],
          ])
        return this.#pick([[() => `${c}${r.pick(KINDERGARTEN_BRANDS)}${tail()}`, 1]], num('幼儿园', '幼儿园'))
      }
      const tails: Record<SchoolStage, readonly string[]> = {
        primary: ['小学', '实验小学', '双语小学'],
        junior: ['中学', '初级中学', '实验中学'],
        nine_year: ['学校', '实验学校'],
        senior: ['高级中学', '高中'],
        complete_secondary: ['中学', '完全中学'],
        twelve_year: ['外国语学校', '国际学校', '学校'],
      }
      return this.#pick([[brand(tails[kind]), 1]], num('民办学校', '民办学校'))
    }

    switch (kind) {
      case 'primary':
        return this.#pick(
          [
            [num('小学', '小学'), 4],
            [street('小学'), 3],
            [theme('小学'), 2],
          ],
          num('小学', '小学'),
        )
      case 'junior':
        return this.#pick(
          [
            [num('中学', '中学'), 4],
            [num('中学', '初级中学'), 1],
            [theme('中学'), 2],
            [street('中学'), 1],
          ],
          num('中学', '中学'),
        )
      case 'complete_secondary':
        return this.#pick(
          [
            [num('中学', '中学'), 4],
            [theme('中学'), 1],
          ],
          num('中学', '中学'),
        )
      case 'senior': {
        // After a plain 康平县高级中学 the numbering goes on with 第二.
        const seniorNum = num('高级中学', '高级中学', this.#plainFirstSenior ? 2 : 1)
        if (this.#plainFirstSenior && !this.#townFirsts.has('seat:senior')) {
          this.#townFirsts.add('seat:senior')
          return this.#pick([[() => `${c}高级中学`, 1]], seniorNum)
        }
        return this.#pick(
          [
            [seniorNum, 4],
            [theme('高级中学'), 1],
            [() => `${c}实验高级中学`, 1],
          ],
          seniorNum,
        )
      }
      case 'nine_year':
        return this.#pick(
          [
            [theme('学校'), 3],
            [num('九年一贯制学校', '九年一贯制学校'), 1],
            [street('学校'), 1],
          ],
          num('九年一贯制学校', '九年一贯制学校'),
        )
      case 'twelve_year':
        return this.#pick(
          [
            [theme('实验学校'), 2],
            [() => `${c}外国语学校`, 1],
            [theme('外国语学校'), 1],
          ],
          num('十二年一贯制学校', '十二年一贯制学校'),
        )
      case 'kindergarten':
        return this.#pick(
          [
            [num('幼儿园', '幼儿园'), 3],
            [theme('幼儿园'), 2],
            [street('幼儿园'), 1],
            [() => `${c}${r.pick(['机关', '实验', '教工', '直属机关'])}幼儿园`, 1],
          ],
          num('幼儿园', '幼儿园'),
        )
    }
  }

  #town(kind: SchoolKind, ownership: Ownership, town: string): string {
    const prefix = `${this.#county}${town}`
    const r = this.#rng
    const numbered = (key: string, tail: string) => () =>
      `${prefix}第${chineseNumber(this.#numbers.take(`${town}:${key}`, 2))}${tail}`
    const firstOr = (key: string, firstTail: string, otherwise: Pattern, fallback: () => string): string => {
      const firstKey = `${town}:${key}`
      if (!this.#townFirsts.has(firstKey)) {
        this.#townFirsts.add(firstKey)
        return this.#pick([[() => `${prefix}${firstTail}`, 1]], fallback)
      }
      return this.#pick(otherwise, fallback)
    }
    const village = (tail: string) => () => `${prefix}${placeStem(r)}${tail}`

    switch (kind) {
      case 'kindergarten':
        if (ownership === 'private')
          return this.#pick(
            [[() => `${prefix}${r.pick(KINDERGARTEN_BRANDS)}幼儿园`, 1]],
            numbered('幼儿园', '幼儿园'),
          )
        return firstOr('幼儿园', '中心幼儿园', [[village('村幼儿园'), 1]], numbered('幼儿园', '幼儿园'))
      case 'primary':
        return firstOr('小学', '中心小学', [[numbered('小学', '小学'), 1]], numbered('小学', '小学'))
      case 'junior':
      case 'complete_secondary':
        return firstOr(
          '中学',
          r.pick(['中学', '初级中学']),
          [[numbered('中学', '中学'), 1]],
          numbered('中学', '中学'),
        )
      case 'nine_year':
        return firstOr('九年', '九年一贯制学校', [[village('学校'), 1]], numbered('九年', '九年一贯制学校'))
      case 'senior':
      case 'twelve_year':
        return firstOr('高中', '高级中学', [[numbered('高中', '高级中学'), 1]], numbered('高中', '高级中学'))
    }
  }

  #village(town: string, teachingPoint: boolean): string {
    const prefix = `${this.#county}${town}`
    const tail = teachingPoint ? '村教学点' : '村小学'
    return this.#pick([[() => `${prefix}${placeStem(this.#rng)}${tail}`, 1]], () => {
      const n = chineseNumber(this.#numbers.take(`${town}:村小`, 1))
      return `${prefix}第${n}${teachingPoint ? '教学点' : '村小'}`
    })
  }

  #pick(pattern: Pattern, fallback: () => string): string {
    return uniqueName(this.#used, () => this.#rng.weighted(pattern)(), fallback)
  }
}
