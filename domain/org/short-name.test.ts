import { describe, expect, it } from 'vitest'
import type { OrgKind } from './codes.js'
import { redactionTerms, shortName } from './short-name.js'

describe('shortName', () => {
  it.each([
    ['沈阳市', 'city', '沈阳'],
    ['和平区', 'county', '和平'],
    ['新民市', 'county', '新民'],
    ['法库县', 'county', '法库'],
    ['辽宁省', 'province', '辽宁'],
    ['广西壮族自治区', 'province', '广西'],
    ['内蒙古自治区', 'province', '内蒙古'],
    ['新疆维吾尔自治区', 'province', '新疆'],
    ['宁夏回族自治区', 'province', '宁夏'],
    ['西藏自治区', 'province', '西藏'],
    ['香港特别行政区', 'province', '香港'],
    ['北京市', 'province', '北京'],
    ['延边朝鲜族自治州', 'city', '延边'],
    ['湘西土家族苗族自治州', 'city', '湘西'],
    ['伊犁哈萨克自治州', 'city', '伊犁'],
    ['阿拉善盟', 'city', '阿拉善'],
    ['大兴安岭地区', 'city', '大兴安岭'],
    ['长白朝鲜族自治县', 'county', '长白'],
    ['喀喇沁左翼蒙古族自治县', 'county', '喀喇沁左翼'],
    ['东乡族自治县', 'county', '东乡'],
    ['鄂伦春自治旗', 'county', '鄂伦春'],
    ['科尔沁右翼前旗', 'county', '科尔沁右翼前'],
    ['神农架林区', 'county', '神农架'],
    ['浦东新区', 'county', '浦东'],
    ['六枝特区', 'county', '六枝'],
    ['沙市区', 'county', '沙市'],
    ['白山市', 'city', '白山'],
  ] as const)('%s → %s', (name, kind: OrgKind, expected) => {
    expect(shortName(name, kind)).toBe(expected)
  })

  it.each(['城区', '郊区', '矿区'])('never shortens %s to one character', (name) => {
    expect(shortName(name, 'county')).toBe(name)
  })

  it('leaves names without a region suffix alone', () => {
    expect(shortName('示例', 'city')).toBe('示例')
  })

  it.each([
    ['示例市和平区第三小学', 'school'],
    ['和平区育英幼儿园', 'kindergarten'],
    ['示例大学', 'university'],
    ['信访办', 'department'],
    ['督导室', 'department'],
  ] as const)('keeps the full name of %s (%s)', (name, kind) => {
    expect(shortName(name, kind)).toBe(name)
  })
})

describe('redactionTerms', () => {
  it('gives the full and the short name, longest first', () => {
    expect(redactionTerms({ name: '沈阳市', kind: 'city' })).toEqual(['沈阳市', '沈阳'])
    expect(redactionTerms({ name: '延边朝鲜族自治州', kind: 'city' })).toEqual(['延边朝鲜族自治州', '延边'])
  })

  it('uses a stored short name when given', () => {
    expect(redactionTerms({ name: '和平区', kind: 'county', shortName: '和平' })).toEqual(['和平区', '和平'])
  })

  it('gives one term when the name has no shorter form', () => {
    expect(redactionTerms({ name: '城区', kind: 'county' })).toEqual(['城区'])
    expect(redactionTerms({ name: '示例大学', kind: 'university' })).toEqual(['示例大学'])
  })
})
