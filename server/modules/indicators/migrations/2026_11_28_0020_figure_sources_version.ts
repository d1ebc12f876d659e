/**
 * A counter that moves with every committed write to a table a figure is computed from, so the
 * indicator cache can tell a value is current without trusting timestamps. Frozen.
 *
 * Why: each source says when its data last changed as the newest `at` or `updated_at` it holds. Two
 * writers that take their times in one order and commit in the other (an import takes its time, then
 * spends seconds inserting while a clerk's edit commits) leave the newest time where it was, so a
 * value cached in between was served stale; two writes in one millisecond did the same.
 *
 * SQLite commits one writer at a time, so a trigger on each row bumps the counter in the writer's
 * own transaction. PostgreSQL runs writers side by side: the bump is a deferred constraint trigger,
 * run at commit and once per transaction (a transaction-local setting remembers it), so the counter
 * moves in commit order and its row is locked only while a transaction commits, not while a
 * 100,000-row import runs.
 *
 * The tables are those the figure providers' "last changed" read (and the settings they read).
 */
import { type Kysely, sql } from 'kysely'
import type { MigrationDialect } from '../../../db/migrations/helpers.js'

const SOURCES = [
  'petition_events',
  'supervision_task_events',
  'supervision_campaigns',
  'supervision_aspects',
  'research_topic_events',
  'rectification_events',
  'ethics_cases',
  'selection_events',
  'balance_school_resources',
  'balance_kindergarten_enrolment',
  'org_units',
  'settings',
  'stats_ledgers',
  'stats_submissions',
  'indicator_defs',
  'indicator_values',
  'indicator_targets',
]

export async function up(db: Kysely<any>, dialect: MigrationDialect): Promise<void> {
  await db.schema
    .createTable('figure_sources_version')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('n', 'bigint', (c) => c.notNull())
    .execute()
  await db.insertInto('figure_sources_version').values({ id: 1, n: 0 }).execute()
  await db.schema.alterTable('indicator_cache').addColumn('sources_version', 'text').execute()

  if (dialect === 'sqlite') {
    for (const table of SOURCES)
      for (const op of ['insert', 'update', 'delete'])
        await sql
          .raw(
            `create trigger ${table}_figures_${op} after ${op} on ${table}
             begin update figure_sources_version set n = n + 1 where id = 1; end`,
          )
          .execute(db)
    return
  }
  await sql`
    create function figure_sources_changed() returns trigger language plpgsql as $$
    begin
      if current_setting('edu_ledger.figure_sources_bumped', true) is distinct from 'y' then
        perform set_config('edu_ledger.figure_sources_bumped', 'y', true);
        update figure_sources_version set n = n + 1 where id = 1;
      end if;
      return null;
    end $$`.execute(db)
  for (const table of SOURCES)
    await sql
      .raw(
        `create constraint trigger ${table}_figures after insert or update or delete on ${table}
         deferrable initially deferred for each row execute function figure_sources_changed()`,
      )
      .execute(db)
}
