/** The org-unit spreadsheet: columns, synonyms, and how a row becomes a unit. */

import { defineImport } from '../../spreadsheet/import.js'
import { parsers } from '../../spreadsheet/parse.js'

const kind = parsers.enumOf({
  province: ['省', '省份'],
  city: ['市', '地市', '地级市'],
  county: ['区县', '县', '区', '县级市', '县（市、区）'],
  school: ['学校', '中小学'],
  kindergarten: ['幼儿园'],
  university: ['高校', '高等学校', '大学'],
  department: ['处室', '科室', '部门'],
})
const stage = parsers.enumOf({
  primary: ['小学'],
  junior: ['初中', '初级中学'],
  senior: ['高中', '高级中学', '普通高中'],
  nine_year: ['九年一贯制', '九年一贯制学校'],
  complete_secondary: ['完全中学', '完中'],
  twelve_year: ['十二年一贯制', '十二年一贯制学校'],
})
const ownership = parsers.enumOf({ public: ['公办'], private: ['民办'] })

export const orgImportSpec = defineImport({
  key: 'org-units',
  columns: [
    {
      field: 'parent',
      header: '上级单位',
      headerEn: 'Parent',
      aliases: ['上级单位代码', '上级', '所属单位'],
      required: true,
      parser: parsers.text({ maxLength: 100 }),
      example: '和平区',
      description: '上级单位的代码或全称（可以是本表中前面的行）',
      descriptionEn: 'Code or full name of the parent (may be an earlier row of this file)',
    },
    {
      field: 'name',
      header: '单位名称',
      headerEn: 'Name',
      aliases: ['名称', '学校名称'],
      required: true,
      parser: parsers.text({ maxLength: 100 }),
      example: '和平区示例小学',
    },
    {
      field: 'kind',
      header: '类型',
      headerEn: 'Kind',
      aliases: ['单位类型'],
      required: true,
      parser: kind,
      example: '学校',
    },
    {
      field: 'code',
      header: '代码',
      headerEn: 'Code',
      aliases: ['行政区划代码', '学校标识码', '单位代码'],
      parser: parsers.text({ maxLength: 20 }),
      example: '1210102999',
    },
    { field: 'shortName', header: '简称', headerEn: 'Short name', parser: parsers.text({ maxLength: 50 }) },
    {
      field: 'stage',
      header: '学段',
      headerEn: 'Stage',
      aliases: ['办学类型'],
      parser: stage,
      example: '小学',
    },
    {
      field: 'ownership',
      header: '办学性质',
      headerEn: 'Ownership',
      aliases: ['公办/民办'],
      parser: ownership,
      example: '公办',
    },
    {
      field: 'inclusive',
      header: '普惠性',
      headerEn: 'Inclusive',
      aliases: ['是否普惠'],
      parser: parsers.boolean(),
    },
    {
      field: 'rural',
      header: '农村',
      headerEn: 'Rural',
      aliases: ['是否农村', '城乡'],
      parser: parsers.boolean(),
      example: '否',
    },
    { field: 'tags', header: '标签', headerEn: 'Tags', parser: parsers.text({ maxLength: 200 }) },
  ] as const,
  toRow: (v) => ({
    parent: v.parent,
    name: v.name,
    kind: v.kind,
    code: v.code ? v.code.replace(/\s/g, '') : null,
    shortName: v.shortName,
    stage: v.stage,
    ownership: v.ownership,
    inclusive: v.inclusive ?? false,
    rural: v.rural ?? false,
    tags: v.tags
      ? v.tags
          .split(/[,，、;；]/)
          .map((s) => s.trim())
          .filter(Boolean)
      : [],
  }),
  keyOf: (r) => r.code ?? `${r.parent}/${r.name}`,
  keyField: 'code',
  maxRows: 50_000,
})
