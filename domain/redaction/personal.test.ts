import { describe, expect, it } from 'vitest'
import { personalMasker } from './personal.js'

describe('personal mode', () => {
  it('masks ID numbers, mobiles and known names, and leaves figures alone', () => {
    const m = personalMasker(['王晓明', '李四'])
    expect(
      m.mask('王晓明（身份证号210102198603151234，手机13812345678）反映补课收费3200元，李四陪同。'),
    ).toBe('王**（身份证号2***************34，手机138****5678）反映补课收费3200元，李*陪同。')
  })
  it('does not take a longer number for an ID or a phone', () => {
    const m = personalMasker([])
    expect(m.mask('合同编号1381234567890123，金额12345678901元')).toBe(
      '合同编号1381234567890123，金额12345678901元',
    )
    expect(m.mask('+86 13900001111')).toBe('+86 139****1111')
  })
})
