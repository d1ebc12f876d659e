/** balance UI text (English), mirroring `balance.zh-CN.ts`. */
import type zh from './balance.zh-CN'

const balanceEn: typeof zh = {
  title: 'Balance monitoring',
}

export default balanceEn
