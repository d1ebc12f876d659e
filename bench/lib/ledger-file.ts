/**
 * A large petition ledger as bureaus keep it (title row, two-level header, dates in several
 * forms, categories without 类), written once with exceljs's streaming writer and cached.
 */
import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'

const COUNTIES = [
  '和平区',
  '沈河区',
  '大东区',
  '皇姑区',
  '铁西区',
  '浑南区',
  '于洪区',
  '新民市',
  '法库县',
  '康平县',
]
const PAIRS: [string, string][] = [
  ['教师待遇类', '工资待遇落实'],
  ['教师待遇', '非公办教师补助'],
  ['职称评聘类', '乡村教师职称评定'],
  ['招生入学', '随迁子女入学'],
  ['学校管理类', '收费问题'],
  ['学校管理类', '校园安全'],
  ['人事编制类', '教师岗位设置'],
  ['民办教育类', '退费纠纷'],
]
const STATUSES = ['办结', '已办结', '办理中', '已受理', '延期办理']

function dateText(i: number, y: number, m: number, d: number): string | Date {
  switch (i % 4) {
    case 0:
      return new Date(Date.UTC(y, m - 1, d))
    case 1:
      return `${y}.${m}.${d}`
    case 2:
      return `${y}年${m}月${d}日`
    default:
      return `${y}/${String(m).padStart(2, '0')}/${String(d).padStart(2, '0')}`
  }
}

export async function ledgerFile(dir: string, rows: number): Promise<string> {
  const file = path.join(dir, `petition-ledger-${rows}.xlsx`)
  if (fs.existsSync(file)) return file
  fs.mkdirSync(dir, { recursive: true })
  const tmp = `${file}.part`
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: tmp, useSharedStrings: false })
  const ws = wb.addWorksheet('信访台账')
  ws.addRow(['示例市教育系统信访案件台账（基准测试）']).commit()
  ws.addRow(['填报单位：示例市教育局信访办']).commit()
  const head1 = [
    '序号',
    '案件编号',
    '登记日期',
    '信访形式',
    '信访人',
    '信访人',
    '信访人',
    '所属县（市、区）',
    '问题类别',
    '具体诉求',
    '诉求内容摘要',
    '责任层级',
    '责任单位',
    '包案领导',
    '办理状态',
    '办结日期',
  ]
  const head2 = [
    '序号',
    '案件编号',
    '登记日期',
    '信访形式',
    '姓名',
    '身份证号码',
    '联系电话',
    '所属县（市、区）',
    '问题类别',
    '具体诉求',
    '诉求内容摘要',
    '责任层级',
    '责任单位',
    '包案领导',
    '办理状态',
    '办结日期',
  ]
  ws.addRow(head1).commit()
  ws.addRow(head2).commit()
  for (let i = 0; i < rows; i++) {
    const y = 2016 + (i % 8)
    const m = 1 + (i % 12)
    const d = 1 + (i % 27)
    const county = COUNTIES[i % COUNTIES.length] as string
    const [cat, dem] = PAIRS[i % PAIRS.length] as [string, string]
    const status = STATUSES[i % STATUSES.length] as string
    const closed = status.includes('办结') ? dateText(i + 1, y, Math.min(12, m + 1), d) : ''
    ws.addRow([
      i + 1,
      `BENCH${String(i + 1).padStart(7, '0')}`,
      dateText(i, y, m, d),
      ['来信', '来访', '电话', '网上信访'][i % 4],
      `测试${i % 1000}`,
      '',
      `139${String(10_000_000 + (i % 89_999_999)).slice(0, 8)}`,
      county,
      cat,
      dem,
      `反映${dem}问题，请求协调解决。`,
      i % 3 === 0 ? '市级' : '县级',
      i % 3 === 0 ? '示例市教育局' : `${county}教育局`,
      ['张副局长', '李副局长', '王局长'][i % 3],
      status,
      closed,
    ]).commit()
  }
  ws.commit()
  await wb.commit()
  fs.renameSync(tmp, file)
  return file
}
