// The migrations in order. Listed here rather than read from disk so that a bundled server carries them too.
import type { Migration } from 'kysely/migration';
import * as accounts from './0001-accounts.js';
import * as referenceData from './0002-reference-data.js';

export const migrations: Readonly<Record<string, Migration>> = {
  '0001-accounts': accounts,
  '0002-reference-data': referenceData,
};
