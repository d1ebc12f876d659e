/** Demo data of selections (filled in by the module's author). */
import type { Services } from '../../context.js'

export async function loadSelectionsDemo(
  _s: Services,
  _o: { seed: number; scale: 'city' | 'province'; today: string },
): Promise<void> {}
