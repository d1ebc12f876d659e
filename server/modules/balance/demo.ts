/** Demo data of the balance module (placeholder: filled in by the module's work). */
import type { Services } from '../../context.js'

export interface BalanceDemoOptions {
  seed: number
  scale: 'city' | 'province'
  today: string
}

export async function loadBalanceDemo(_services: Services, _opts: BalanceDemoOptions): Promise<void> {}
