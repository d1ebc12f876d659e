/** indicators UI text (English), mirroring `indicators.zh-CN.ts`. */
import type zh from './indicators.zh-CN'

const indicatorsEn: typeof zh = {
  title: 'Indicators',
}

export default indicatorsEn
