/** Demo data of the statistics module (placeholder: filled in by the module's work). */
import type { Services } from '../../context.js'

export interface StatisticsDemoOptions {
  seed: number
  scale: 'city' | 'province'
  today: string
}

export async function loadStatisticsDemo(_services: Services, _opts: StatisticsDemoOptions): Promise<void> {}
