/** statistics UI text (English), mirroring `statistics.zh-CN.ts`. */
import type zh from './statistics.zh-CN'

const statisticsEn: typeof zh = {
  title: 'Statistics ledgers',
}

export default statisticsEn
