/** System metadata (/api/meta): public, fetched once, drives the menu and the enum labels. */
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api } from './api'
import type { Labelled, Meta, ModuleInfo, Role } from './types'

export const metaKey = ['meta'] as const

export function useMeta() {
  return useQuery({
    queryKey: metaKey,
    queryFn: () => api.get<Meta>('/api/meta'),
    staleTime: Number.POSITIVE_INFINITY,
    retry: 1,
  })
}

/** Modules the role may see; a module without `roles` is open to every logged-in user. */
export function visibleModules(meta: Meta | undefined, role: Role | undefined): ModuleInfo[] {
  if (!meta || !role) return []
  return meta.modules.filter((m) => !m.roles || m.roles.length === 0 || m.roles.includes(role))
}

type EnumGroup = 'roles' | 'kinds' | 'stages' | 'ownership'

/**
 * Localised labels for enum keys. The server's meta lists win (they can grow without a web
 * release); the web catalogue is the fallback while meta loads.
 */
export function useLabels() {
  const { t, i18n } = useTranslation()
  const { data: meta } = useMeta()
  const en = i18n.language === 'en'
  const fromMeta = (list: Labelled[] | undefined, key: string) => {
    const hit = list?.find((l) => l.key === key)
    return hit ? (en ? hit.en : hit.zh) : undefined
  }
  const fallback = (group: EnumGroup, key: string): string => {
    const catalogue = t(`enums.${group}`, { returnObjects: true }) as Record<string, string>
    return catalogue[key] ?? key
  }
  return {
    role: (k: string | null | undefined) => (k ? (fromMeta(meta?.roles, k) ?? fallback('roles', k)) : ''),
    kind: (k: string | null | undefined) => (k ? (fromMeta(meta?.orgKinds, k) ?? fallback('kinds', k)) : ''),
    stage: (k: string | null | undefined) =>
      k ? (fromMeta(meta?.schoolStages, k) ?? fallback('stages', k)) : '',
    ownership: (k: string | null | undefined) => (k ? fallback('ownership', k) : ''),
    moduleTitle: (m: ModuleInfo) => (en ? m.titleEn : m.titleZh),
    roleOptions: () => optionsFor(meta?.roles, en, 'roles', fallback),
    kindOptions: () => optionsFor(meta?.orgKinds, en, 'kinds', fallback),
    stageOptions: () => optionsFor(meta?.schoolStages, en, 'stages', fallback),
  }
}

function optionsFor(
  list: Labelled[] | undefined,
  en: boolean,
  group: EnumGroup,
  fallback: (group: EnumGroup, key: string) => string,
): { value: string; label: string }[] {
  if (list && list.length > 0) return list.map((l) => ({ value: l.key, label: en ? l.en : l.zh }))
  const keys: Record<EnumGroup, string[]> = {
    roles: ['admin', 'leader', 'department', 'county', 'school', 'expert', 'auditor'],
    kinds: ['province', 'city', 'county', 'school', 'kindergarten', 'university', 'department'],
    stages: ['primary', 'junior', 'senior', 'nine_year', 'complete_secondary', 'twelve_year'],
    ownership: ['public', 'private'],
  }
  return keys[group].map((k) => ({ value: k, label: fallback(group, k) }))
}
