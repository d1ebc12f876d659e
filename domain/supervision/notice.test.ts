import { describe, expect, it } from 'vitest'
import { chineseDate, chineseNumeralDate, noticeText, noticeTitle } from './notice.js'

describe('supervision notice text', () => {
  it('writes dates the official way', () => {
    expect(chineseDate('2026-11-27')).toBe('2026年11月27日')
    expect(chineseNumeralDate('2026-11-27')).toBe('二〇二六年十一月二十七日')
    expect(chineseNumeralDate('2030-10-01')).toBe('二〇三〇年十月一日')
    expect(chineseNumeralDate('2026-02-20')).toBe('二〇二六年二月二十日')
  })

  it('names the unit, every task with its deadline and days overdue, and the reply date', () => {
    const text = noticeText({
      noticeNo: '督办〔2026〕1号',
      unit: '和平区',
      issuer: '示例市教育局',
      today: '2026-11-27',
      replyBy: '2026-12-02',
      level: 2,
      tasks: [
        {
          title: '完成校舍安全排查',
          deadline: '2026-11-10',
          daysOverdue: 17,
          daysLeft: -17,
          leader: '王副局长',
        },
        { title: '报送课后服务方案', deadline: '2026-11-30', daysOverdue: 0, daysLeft: 3, leader: null },
      ],
    })
    expect(text.split('\n')[0]).toBe(noticeTitle('和平区'))
    expect(text).toContain('督办〔2026〕1号')
    expect(text).toContain('和平区：')
    expect(text).toContain('以下2项重点工作任务尚未完成，其中1项已超过完成时限')
    expect(text).toContain('1. 完成校舍安全排查（完成时限：2026年11月10日，已逾期17天，责任领导：王副局长）')
    expect(text).toContain('2. 报送课后服务方案（完成时限：2026年11月30日，距完成时限还有3天）')
    expect(text).toContain('于2026年12月2日前')
    expect(text).toContain('报局领导')
    expect(text.trim().endsWith('二〇二六年十一月二十七日')).toBe(true)
  })
})
