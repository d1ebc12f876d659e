/** balance UI text (Chinese). `balance.en.ts` mirrors every key. */
const balanceZh = {
  title: '均衡发展监测',
}

export default balanceZh
