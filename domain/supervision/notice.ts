/**
 * The text of a supervision notice (督办通知): addressed to the lead unit, listing its tasks with
 * their deadlines and days overdue, asking for a written reply by a date. Pure: the server stores
 * what this returns, so a notice reads the same forever even when the tasks move on.
 */
export interface NoticeTask {
  title: string
  deadline: string
  /** Days past the deadline today (0 = not overdue yet). */
  daysOverdue: number
  /** Days left when not overdue. */
  daysLeft: number | null
  leader: string | null
}

export interface NoticeInput {
  noticeNo: string
  /** The unit addressed (its full name). */
  unit: string
  /** Who sends it, e.g. 示例市教育局. */
  issuer: string
  /** YYYY-MM-DD. */
  today: string
  /** Reply wanted by this date. */
  replyBy: string
  /** 0 reminder, 1 the unit's leader is told, 2 the bureau's leaders are. */
  level: 0 | 1 | 2
  tasks: readonly NoticeTask[]
}

const CN_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九']

/** 2026-11-27 → 2026年11月27日. */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number)
  return `${y}年${m}月${d}日`
}

/** 2026-11-27 → 二〇二六年十一月二十七日 (the date line of an official document). */
export function chineseNumeralDate(iso: string): string {
  const [y, m, d] = iso.split('-')
  const year = [...(y ?? '')].map((c) => CN_DIGITS[Number(c)]).join('')
  return `${year}年${small(Number(m))}月${small(Number(d))}日`
}

function small(n: number): string {
  if (n < 10) return CN_DIGITS[n] ?? ''
  const tens = Math.floor(n / 10)
  const ones = n % 10
  return `${tens === 1 ? '' : CN_DIGITS[tens]}十${ones === 0 ? '' : CN_DIGITS[ones]}`
}

const LEVEL_LINE: Record<0 | 1 | 2, string> = {
  0: '',
  1: '因逾期已达督办时限，本通知同时抄送你单位分管负责同志。',
  2: '因逾期时间较长，本通知同时报局领导，请你单位主要负责同志亲自过问、限期整改。',
}

export function noticeTitle(unit: string): string {
  return `关于督促${unit}加快推进重点工作任务的督办通知`
}

export function noticeText(n: NoticeInput): string {
  const overdue = n.tasks.filter((t) => t.daysOverdue > 0).length
  const lines: string[] = []
  lines.push(noticeTitle(n.unit))
  lines.push(n.noticeNo)
  lines.push('')
  lines.push(`${n.unit}：`)
  const lead =
    overdue === n.tasks.length
      ? `截至${chineseDate(n.today)}，你单位牵头的以下${n.tasks.length}项重点工作任务已超过完成时限，尚未完成。`
      : `截至${chineseDate(n.today)}，你单位牵头的以下${n.tasks.length}项重点工作任务尚未完成，其中${overdue}项已超过完成时限。`
  lines.push(
    `　　${lead}请高度重视，认真分析原因，明确整改措施和完成时间，于${chineseDate(n.replyBy)}前将办理进展书面报送。${LEVEL_LINE[n.level]}`,
  )
  n.tasks.forEach((t, i) => {
    const state =
      t.daysOverdue > 0
        ? `已逾期${t.daysOverdue}天`
        : t.daysLeft === 0
          ? '今日到期'
          : `距完成时限还有${t.daysLeft ?? 0}天`
    const leader = t.leader ? `，责任领导：${t.leader}` : ''
    lines.push(`　　${i + 1}. ${t.title}（完成时限：${chineseDate(t.deadline)}，${state}${leader}）`)
  })
  lines.push('')
  lines.push(n.issuer)
  lines.push(chineseNumeralDate(n.today))
  return lines.join('\n')
}
