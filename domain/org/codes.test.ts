import { describe, expect, it } from 'vitest'
import {
  allowedParentKinds,
  codeKindFor,
  isRegionKind,
  ORG_KINDS,
  SCHOOL_STAGES,
  validateRegionCode,
  validateSchoolCode,
} from './codes.js'

describe('validateRegionCode', () => {
  it('accepts well-formed codes at each level', () => {
    expect(validateRegionCode('210000', 'province')).toBeNull()
    expect(validateRegionCode('210100', 'city', '210000')).toBeNull()
    expect(validateRegionCode('210102', 'county', '210100')).toBeNull()
    expect(validateRegionCode('110101', 'county', '110100')).toBeNull()
    expect(validateRegionCode('820000', 'province')).toBeNull()
  })

  it('accepts a county directly under its province (省直辖)', () => {
    expect(validateRegionCode('419001', 'county', '410000')).toBeNull()
    expect(validateRegionCode('429004', 'county', '420000')).toBeNull()
  })

  it.each([
    ['21000', 'province'],
    ['2100000', 'province'],
    ['21a000', 'province'],
    ['', 'province'],
    ['160000', 'province'],
    ['100000', 'province'],
    ['910000', 'province'],
    ['210100', 'province'],
    ['210000', 'city'],
    ['210101', 'city'],
    ['210100', 'county'],
    ['210001', 'county'],
  ] as const)('rejects %s as a %s', (code, kind) => {
    expect(validateRegionCode(code, kind)).toEqual({ key: 'org_code_region', params: { code } })
  })

  it('rejects a code that does not belong under its parent', () => {
    expect(validateRegionCode('220100', 'city', '210000')).toEqual({
      key: 'org_code_region_parent',
      params: { code: '220100', parent: '210000' },
    })
    expect(validateRegionCode('210202', 'county', '210100')?.key).toBe('org_code_region_parent')
    expect(validateRegionCode('429004', 'county', '410000')?.key).toBe('org_code_region_parent')
  })

  it('reports the shape before the parent', () => {
    expect(validateRegionCode('2101', 'county', '999999')?.key).toBe('org_code_region')
  })
})

describe('validateSchoolCode', () => {
  it('accepts exactly ten digits', () => {
    expect(validateSchoolCode('2121010140')).toBeNull()
  })
  it.each(['212101014', '21210101400', '21210101a0', ' 2121010140', ''])('rejects %j', (code) => {
    expect(validateSchoolCode(code)).toEqual({ key: 'org_code_school', params: { code } })
  })
})

describe('kinds', () => {
  it('lists kinds and stages', () => {
    expect(ORG_KINDS).toContain('department')
    expect(SCHOOL_STAGES).toHaveLength(6)
  })

  it('knows which parents each kind may have', () => {
    expect(allowedParentKinds('province')).toEqual([])
    expect(allowedParentKinds('city')).toEqual(['province'])
    expect(allowedParentKinds('county')).toEqual(['city', 'province'])
    expect(allowedParentKinds('school')).toEqual(['county', 'city'])
    expect(allowedParentKinds('kindergarten')).toEqual(['county', 'city'])
    expect(allowedParentKinds('university')).toEqual(['city', 'province'])
    expect(allowedParentKinds('department')).toEqual(['province', 'city', 'county'])
  })

  it('tells region kinds apart', () => {
    expect(ORG_KINDS.filter(isRegionKind)).toEqual(['province', 'city', 'county'])
  })

  it('maps kinds to code rules', () => {
    expect(ORG_KINDS.map(codeKindFor)).toEqual([
      'region',
      'region',
      'region',
      'school',
      'school',
      'school',
      null,
    ])
  })
})
