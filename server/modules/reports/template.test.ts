/**
 * Templates over live figures: the technology-transfer fixture imported, then a paragraph of the
 * seed's kind rendered from it (expected.json's figures, in Chinese style), with every figure's
 * provenance; and templates refused at save with line and column.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, expect, it } from 'vitest'
import { type Period, parsePeriod } from '../../../domain/indicators/periods.js'
import { forEachDatabase } from '../../../tests/harness.js'
import { type Ctx, SYSTEM_ACTOR } from '../../context.js'
import { AppError } from '../../http/errors.js'
import { importLedger } from '../statistics/testing.js'
import { checkTemplate, renderTemplate } from './template.js'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
const FIXTURE = readFileSync(path.join(ROOT, 'tests/fixtures/科技成果转化统计表.xlsx'))
const Y2023 = parsePeriod('2023') as Period

forEachDatabase('report templates', (h) => {
  let ctx: Ctx
  let city = { id: 0, path: '', name: '' }
  beforeAll(async () => {
    const c = await h.buildCity({ name: '示例市' })
    city = { id: c.id, path: c.path, name: c.name }
    const u = await h.buildUser({ role: 'department', orgUnitId: c.id })
    const office = await h.loginAs(u.username, u.password)
    const job = await importLedger(h, office, 'tech_transfer', '科技成果转化统计表.xlsx', FIXTURE)
    expect(job.status).toBe('succeeded')
    ctx = { ...h.services, actor: { ...SYSTEM_ACTOR, scopePath: '/' }, locale: 'zh-CN' }
  })

  it('writes the seed’s sentence from the ledger, and says where each figure came from', async () => {
    const source =
      '{{ period_to | cn_date: "month" }}，全市高校科技成果转化合同{{ "stats.tech_transfer_contracts" | figure | integer }}项、' +
      '金额{{ "stats.tech_transfer_amount" | figure | money: "亿元" }}，比去年同期分别' +
      '{{ "stats.tech_transfer_contracts" | delta | change: "项" }}、{{ "stats.tech_transfer_amount" | delta | change_money: "亿元" }}；' +
      '其中市内转化{{ "stats.tech_transfer_in_city_contracts" | figure | integer }}项。'
    expect(await checkTemplate(ctx, source)).toEqual([])
    const r = await renderTemplate(ctx, source, { period: Y2023, unit: city })
    // Each printed figure is marked with the index of its (first) read: the preview links it to its rows.
    const marked = [...r.text.matchAll(/\uE000(.)\uE001([^\uE002]*)\uE002/g)].map((m) => [
      (m[1] ?? '').charCodeAt(0) - 0xe100,
      m[2],
    ])
    expect(marked).toEqual([
      [0, '98'],
      [1, '3.06亿元'],
      [2, '增加2项'],
      [4, '减少0.02亿元'],
      [6, '51'],
    ])
    expect(r.text.replace(/\uE000.\uE001|\uE002/g, '')).toBe(
      '二〇二三年十二月，全市高校科技成果转化合同98项、金额3.06亿元，比去年同期分别增加2项、减少0.02亿元；其中市内转化51项。',
    )
    expect(r.figures.map((f) => [f.key, f.period, f.value])).toEqual([
      ['stats.tech_transfer_contracts', '2023', 98],
      ['stats.tech_transfer_amount', '2023', 306_153_200_00],
      ['stats.tech_transfer_contracts', '2023', 98],
      ['stats.tech_transfer_contracts', '2022', 96],
      ['stats.tech_transfer_amount', '2023', 306_153_200_00],
      ['stats.tech_transfer_amount', '2022', 307_657_900_00],
      ['stats.tech_transfer_in_city_contracts', '2023', 51],
    ])
    expect(r.figures.every((f) => f.orgUnitId === city.id && f.changedAt !== null)).toBe(true)
  })

  it('compares with the previous period when asked', async () => {
    const r = await renderTemplate(
      ctx,
      '{{ compare_words }}{{ "stats.tech_transfer_contracts" | delta | change: "项" }}',
      {
        period: Y2023,
        unit: city,
        compare: 'previous',
      },
    )
    // 2023's previous period is 2022: the same figures as last year here (+2 contracts).
    expect(r.text.replace(/\uE000.\uE001|\uE002/g, '')).toBe('上期增加2项')
    expect(r.figures.map((f) => f.period)).toEqual(['2023', '2022'])
  })

  it('lists what stands behind an aggregate: the distinct values of a column of its rows', async () => {
    const r = await renderTemplate(
      ctx,
      '{% assign ks = "stats.tech_transfer_contracts" | items: "kind" %}{% for k in ks %}{{ k }}{% unless forloop.last %}、{% endunless %}{% endfor %}',
      { period: Y2023, unit: city },
    )
    const kinds = r.text.split('、')
    expect(kinds.length).toBeGreaterThan(0)
    expect(kinds.every((k) => ['转让', '许可', '作价投资'].includes(k))).toBe(true)
    expect(new Set(kinds).size).toBe(kinds.length)
    const unis = await renderTemplate(
      ctx,
      '{{ "stats.tech_transfer_contracts" | items: "university" | size }}',
      {
        period: Y2023,
        unit: city,
      },
    )
    expect(Number(unis.text)).toBeGreaterThan(1)
  })

  it('refuses at save what does not exist, with line and column', async () => {
    const problems = await checkTemplate(
      ctx,
      '第一行\n{% if true %}\n  {{ "stats.no_such" | figure }}\n{% endif %}\n{{ "stats.job_fairs" | figure: "last_decade" }}',
    )
    expect(problems).toEqual([
      expect.objectContaining({ line: 3, col: 3, message: expect.stringContaining('stats.no_such') }),
      expect.objectContaining({ line: 5, message: expect.stringContaining('last_decade') }),
    ])
    const [bad] = await checkTemplate(ctx, '标题\n{{ 1 | no_such_filter }}')
    expect(bad).toMatchObject({ line: 2, message: expect.stringContaining('no_such_filter') })
    const [syntax] = await checkTemplate(ctx, '{% if %}')
    expect(syntax?.message).toBeTruthy()
  })

  it('never prints an empty slot: a figure without data stops the rendering, naming it and the line', async () => {
    const err = await renderTemplate(ctx, '行一\n比例{{ "stats.migrant_public_share" | figure | percent }}', {
      period: Y2023,
      unit: city,
    }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(AppError)
    expect((err as AppError).params).toMatchObject({
      line: 2,
      message: expect.stringContaining('stats.migrant_public_share'),
    })
  })

  it('is a sandbox: no file system, no code', async () => {
    expect(
      (await checkTemplate(ctx, '{% include "/etc/passwd" %}')).length +
        (await renderTemplate(ctx, '{% include "/etc/passwd" %}', { period: Y2023, unit: city }).then(
          () => 0,
          () => 1,
        )),
    ).toBeGreaterThan(0)
    const r = await renderTemplate(ctx, '{{ "constructor" | append: "x" }}{{ period.constructor }}', {
      period: Y2023,
      unit: city,
    }).catch((e: unknown) => e)
    expect(r).toBeInstanceOf(AppError)
  })
})
