import { sql as accounts } from './001_accounts.ts';
import { sql as feed } from './002_feed.ts';
import { sql as simulator } from './003_simulator.ts';
import { sql as exercises } from './004_exercises.ts';
import { sql as thresholds } from './005_thresholds.ts';
import { sql as flagAcks } from './006_flag_acks.ts';
import { sql as incidents } from './007_incidents.ts';
import { sql as mutualAid } from './008_mutual_aid.ts';

/**
 * Every migration, in order. A migration is never edited once released: a change to the schema
 * is a new entry at the end. Each one runs in the same transaction as its record in
 * schema_migrations, so a failed migration leaves nothing half-applied.
 */
export const MIGRATIONS: readonly { id: string; sql: string }[] = [
  { id: '001_accounts', sql: accounts },
  { id: '002_feed', sql: feed },
  { id: '003_simulator', sql: simulator },
  { id: '004_exercises', sql: exercises },
  { id: '005_thresholds', sql: thresholds },
  { id: '006_flag_acks', sql: flagAcks },
  { id: '007_incidents', sql: incidents },
  { id: '008_mutual_aid', sql: mutualAid },
];
