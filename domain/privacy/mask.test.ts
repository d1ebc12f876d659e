import { describe, expect, it } from 'vitest'
import { maskIdNumber, maskIdNumberRegion, maskName, maskPhone } from './mask.js'

describe('masks', () => {
  it('keeps the surname', () => {
    expect(maskName('张三')).toBe('张*')
    expect(maskName('张三丰')).toBe('张**')
    expect(maskName('王')).toBe('王')
  })
  it('keeps the first 3 and last 4 digits of a mobile', () => {
    expect(maskPhone('13812341234')).toBe('138****1234')
    expect(maskPhone('138-1234-1234')).toBe('138****1234')
    expect(maskPhone('024-23456789')).toBe('*******6789')
  })
  it('keeps the first 1 and last 2 of an ID number', () => {
    expect(maskIdNumber('210102198503151234')).toBe('2***************34')
    expect(maskIdNumber('210102198503151234')).toHaveLength(18)
  })
})

describe('maskIdNumberRegion', () => {
  it('keeps the region code and the last 4', () => {
    expect(maskIdNumberRegion('210102198503151234')).toBe('210102********1234')
    expect(maskIdNumberRegion('21010219850315123X')).toBe('210102********123X')
    expect(maskIdNumberRegion('1234')).toBe('1*34') // too short to carry a region: the generic mask
  })
})
