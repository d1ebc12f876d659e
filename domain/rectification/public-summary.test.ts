import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  maskSchoolName,
  type PublicSummaryInput,
  publicName,
  publicSummary,
  redactForPublication,
  replaceTerms,
  surnameOf,
} from './public-summary.js'

const CASE: PublicSummaryInput = {
  teacherName: '张三丰',
  teacherIdNumber: '210102198503151235',
  school: { name: '示例市和平区育英学校' },
  regions: [
    { name: '和平区', shortName: '和平' },
    { name: '示例市', shortName: '示例' },
    { name: '示例省', shortName: '示例' },
  ],
  violationType: '有偿补课',
  occurredOn: '2026-03-15',
  finding:
    '张三丰在示例市和平区育英学校任教期间，于和平区某小区组织12名学生有偿补课，三丰老师收取费用共计9600元。',
  handling: 'demerit',
  handlingDetail: '取消张三丰当年评优评先资格。',
}

describe('public names', () => {
  it('keeps the surname and adds 某', () => {
    expect(publicName('张三丰')).toBe('张某')
    expect(publicName('王伟')).toBe('王某')
    expect(publicName('欧阳明远')).toBe('欧阳某')
    expect(publicName(' 司马光 ')).toBe('司马某')
    expect(publicName('欧阳')).toBe('欧某') // two characters: 欧 is the surname, 阳 the name
    expect(publicName('张')).toBe('某')
    expect(surnameOf('诸葛亮')).toBe('诸葛')
  })
})

describe('masked school names', () => {
  it('masks the school’s own name one star per character and keeps its kind', () => {
    expect(maskSchoolName('示例市第三中学')).toBe('*****中学')
    expect(maskSchoolName('和平区育英学校')).toBe('*****学校')
    expect(maskSchoolName('示例市和平区实验高级中学')).toBe('********高级中学')
    expect(maskSchoolName('示例职业技术学院')).toBe('**职业技术学院')
    expect(maskSchoolName('和平区第一幼儿园')).toBe('*****幼儿园')
    expect(maskSchoolName('育英书院')).toBe('****') // no known kind: masked whole
  })
})

describe('terms', () => {
  it('replaces longest first in one pass, never re-masking a replacement', () => {
    const map = new Map([
      ['示例', '**'],
      ['示例市', '***'],
      ['张某某', 'X'],
    ])
    expect(replaceTerms('示例市和示例', map)).toBe('***和**')
    expect(replaceTerms('', map)).toBe('')
  })

  it('never leaves the name, the ID number or a region in the text', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(
            '张三丰',
            '三丰',
            '和平区',
            '和平',
            '示例市',
            '育英',
            '，',
            '老师',
            '210102198503151235',
          ),
        ),
        (parts) => {
          const out = redactForPublication(parts.join(''), CASE)
          for (const secret of ['张三丰', '三丰', '和平', '示例', '育英', '210102198503151235'])
            expect(out).not.toContain(secret)
        },
      ),
    )
  })
})

describe('public summary', () => {
  it('reads like a published typical case, with nothing that identifies the teacher or school', () => {
    expect(publicSummary(CASE)).toBe(
      '********学校教师张某有偿补课问题。' +
        '2026年3月，张某在********学校任教期间，于***某小区组织12名学生有偿补课，某老师收取费用共计9600元。' +
        '给予张某记过处分，取消张某当年评优评先资格。',
    )
  })

  it('words other handling in the reviewer’s own terms', () => {
    expect(
      publicSummary({
        ...CASE,
        teacherName: '李娜',
        finding: '李娜在课堂上发表不当言论。',
        violationType: '不当言论',
        handling: 'other',
        handlingDetail: '责令李娜作出书面检查，调离教学岗位',
        occurredOn: '2025-11-02',
      }),
    ).toBe(
      '********学校教师李某不当言论问题。2025年11月，李某在课堂上发表不当言论。责令李某作出书面检查，调离教学岗位。',
    )
  })

  it('names the rule broken when the type is “other”', () => {
    expect(
      publicSummary({
        ...CASE,
        violationType: '其他',
        finding: '张三丰违规推销教辅资料',
        handling: 'warning',
        handlingDetail: '',
      }),
    ).toBe('********学校教师张某其他违反师德规范问题。2026年3月，张某违规推销教辅资料。给予张某警告处分。')
  })

  it('masks an ID number typed into the finding, and a reviewer’s extra terms', () => {
    const s = publicSummary({
      ...CASE,
      finding: '经查，教师（身份证号210102198503151235）收受学生家长王明礼金。',
      extraTerms: ['王明'],
      handlingDetail: null,
      handling: 'warning',
    })
    expect(s).toContain('身份证号******************）')
    expect(s).toContain('学生家长**礼金')
    expect(s.endsWith('给予张某警告处分。')).toBe(true)
  })
})
