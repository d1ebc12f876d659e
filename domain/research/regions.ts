/**
 * Which cities and counties field visits reached (the seed's "深入**个市的**个县（市、区）").
 * A visit counts for the city and the county it lies in: a school or a county bureau counts its
 * county and that county's city; a city (or one of its departments) counts the city alone. A county
 * directly under the province (省直辖县) counts as a county with no city. Each is counted once,
 * however many visits it had.
 */

export interface RegionUnit {
  id: number
  kind: string
  /** Materialised path of ids, `/1/5/23/`, the unit itself last. */
  path: string
}

/** Ids along a materialised path, root first, the unit itself last. */
export function pathIds(path: string): number[] {
  return path
    .split('/')
    .filter(Boolean)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0)
}

/**
 * The city and county a unit lies in (itself included), given the kinds of its ancestors.
 * Nearest ancestor of each kind wins, so an odd tree (a county under a county) still gives one.
 */
export function regionOf(
  unit: RegionUnit,
  kindOf: (id: number) => string | undefined,
): { cityId: number | null; countyId: number | null } {
  let cityId: number | null = null
  let countyId: number | null = null
  const ids = pathIds(unit.path)
  for (let i = ids.length - 1; i >= 0; i--) {
    const id = ids[i] as number
    const kind = id === unit.id ? unit.kind : kindOf(id)
    if (kind === 'county' && countyId === null && cityId === null) countyId = id
    if (kind === 'city' && cityId === null) cityId = id
  }
  return { cityId, countyId }
}

/** Distinct cities and counties reached by the visited units (each unit as many times as visited). */
export function visitedRegions(
  visited: readonly RegionUnit[],
  kindOf: (id: number) => string | undefined,
): { cities: number[]; counties: number[] } {
  const cities = new Set<number>()
  const counties = new Set<number>()
  for (const u of visited) {
    const r = regionOf(u, kindOf)
    if (r.cityId !== null) cities.add(r.cityId)
    if (r.countyId !== null) counties.add(r.countyId)
  }
  return { cities: [...cities].sort((a, b) => a - b), counties: [...counties].sort((a, b) => a - b) }
}
