/** statistics UI text (Chinese). `statistics.en.ts` mirrors every key. */
const statisticsZh = {
  title: '统计台账',
}

export default statisticsZh
