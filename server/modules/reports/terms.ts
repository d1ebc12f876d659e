/**
 * The sensitive terms a public copy masks (DOMAIN.md "Redaction"): the org tree's full and short
 * names and the users' names in the scope, the petitioners' and ethics teachers' names in it
 * (decrypted in memory, never stored or returned), and the reviewed list admins keep. Also the
 * reviewed list's use cases and the redaction of any text (`POST /api/redact`, `edu-ledger redact`).
 */
import { createHash } from 'node:crypto'
import type { z } from 'zod'
import { personalMasker } from '../../../domain/redaction/personal.js'
import { type PublicationMasker, publicationMasker } from '../../../domain/redaction/publication.js'
import { suggestTerms } from '../../../domain/redaction/suggest.js'
import { recordAudit } from '../../audit/record.js'
import { type Ctx, nowIso, type Services, type Tx } from '../../context.js'
import { conflict, notFound, staleVersion } from '../../http/errors.js'
import { authorize } from '../../policies/authorize.js'
import { petitionerNamesIn } from '../petitions/redaction-names.js'
import { ethicsTeacherNamesIn } from '../rectification/redaction-names.js'
import { insertTerm, reviewedTerms, termRow, unitAndUserNames, voidTermRow } from './repository.js'
import type { RedactBody, TermBody } from './schema.js'

/**
 * Compiled maskers by their exact term list (a hash of it): compiling 30,000 terms into the
 * automaton costs ~90 ms and the list rarely changes between two renderings.
 */
const maskers = new Map<string, PublicationMasker>()

function maskerFor(terms: string[]): PublicationMasker {
  const key = createHash('sha1').update(terms.join('\n')).digest('hex')
  const hit = maskers.get(key)
  if (hit) return hit
  const m = publicationMasker(terms)
  maskers.set(key, m)
  if (maskers.size > 8) maskers.delete(maskers.keys().next().value as string)
  return m
}

export interface TermSet {
  masker: PublicationMasker
  /** What a snapshot keeps: the reviewed terms, and only counts of the rest. */
  record: { reviewed: string[]; org: number; personal: number }
  personalNames: string[]
}

/**
 * Every term for a subtree and a text; `extra` are a request's own. People's names are the ones
 * that occur in `text` (found by their hashes), masked by a small automaton of their own before the
 * cached one of the unit names and reviewed terms: masking keeps lengths, so the two in turn mask
 * what one would.
 */
export async function termsFor(
  s: Services & { db: Tx },
  scopePath: string,
  text: string,
  extra: string[] = [],
): Promise<TermSet> {
  const [org, reviewed, petitioners, teachers] = await Promise.all([
    unitAndUserNames(s.db, scopePath),
    reviewedTerms(s.db),
    petitionerNamesIn(s, scopePath, text),
    ethicsTeacherNamesIn(s, scopePath, text),
  ])
  const personal = [...new Set([...petitioners, ...teachers])]
  const reviewedList = reviewed.map((r) => r.term)
  const base = maskerFor([...org, ...reviewedList, ...extra])
  const people = publicationMasker(personal)
  return {
    masker: { terms: [...people.terms, ...base.terms], mask: (t: string) => base.mask(people.mask(t)) },
    record: { reviewed: reviewedList, org: new Set(org).size, personal: personal.length },
    personalNames: personal,
  }
}

/** Redacts a text for the caller's scope. Personal mode masks IDs, phones and the known names. */
export async function redactText(ctx: Ctx, body: z.infer<typeof RedactBody>): Promise<{ text: string }> {
  authorize(ctx.actor, 'report.read')
  const set = await termsFor(ctx, ctx.actor.scopePath, body.text, body.terms)
  if (body.mode === 'personal') {
    const people = [
      ...set.personalNames,
      ...(await unitAndUserNames(ctx.db, ctx.actor.scopePath)).filter(isPersonName),
    ]
    return { text: personalMasker([...people, ...body.terms]).mask(body.text) }
  }
  return { text: set.masker.mask(body.text) }
}

/** A user's display name looks like a person's (2–4 Han characters), not a unit's. */
const isPersonName = (s: string) => /^[\u4e00-\u9fff]{2,4}$/.test(s) && !/[局校园区县市处室院所中心]$/.test(s)

const presentTerm = (r: Awaited<ReturnType<typeof reviewedTerms>>[number]) => ({
  id: Number(r.id),
  term: r.term,
  kind: r.kind,
  note: r.note,
  version: r.version,
  createdAt: String(r.created_at),
})

export async function listTerms(ctx: Ctx) {
  authorize(ctx.actor, 'report.config')
  return { items: (await reviewedTerms(ctx.db)).map(presentTerm) }
}

export async function addTerm(ctx: Ctx, body: z.infer<typeof TermBody>) {
  authorize(ctx.actor, 'report.config')
  return ctx.db.transaction().execute(async (trx) => {
    if ((await reviewedTerms(trx)).some((t) => t.term === body.term))
      throw conflict('report_term_exists', { term: body.term })
    const id = await insertTerm(trx, {
      term: body.term,
      kind: body.kind,
      note: body.note,
      version: 1,
      created_by: ctx.actor.id || null,
      created_at: nowIso(ctx),
      voided_at: null,
      void_reason: null,
    })
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'report.term.add',
      entity: 'redaction_term',
      entityId: id,
      after: { term: body.term, kind: body.kind },
    })
    return presentTerm((await termRow(trx, id)) as NonNullable<Awaited<ReturnType<typeof termRow>>>)
  })
}

export async function voidTerm(ctx: Ctx, id: number, body: { version: number; reason: string }) {
  authorize(ctx.actor, 'report.config')
  await ctx.db.transaction().execute(async (trx) => {
    const row = await termRow(trx, id)
    if (!row || row.voided_at) throw notFound()
    if (row.version !== body.version) throw staleVersion(row.version)
    const r = await voidTermRow(trx, id, row.version, nowIso(ctx), body.reason)
    if (Number(r.numUpdatedRows) !== 1) throw staleVersion(row.version + 1)
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'report.term.void',
      entity: 'redaction_term',
      entityId: id,
      before: { term: row.term },
      after: { reason: body.reason },
    })
  })
  return { ok: true }
}

/** Names in a text that no list holds yet, for a reviewer to add (suggested, never applied). */
export async function suggestForText(ctx: Ctx, text: string) {
  authorize(ctx.actor, 'report.read')
  const set = await termsFor(ctx, ctx.actor.scopePath, text)
  return { items: suggestTerms(text, set.masker.terms).slice(0, 200) }
}
