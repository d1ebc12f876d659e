/** indicators UI text (Chinese). `indicators.en.ts` mirrors every key. */
const indicatorsZh = {
  title: '指标库',
}

export default indicatorsZh
