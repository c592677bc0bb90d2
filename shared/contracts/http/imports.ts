// Import contracts: a roster (学籍) or CET4 score CSV goes up, a row-level report comes back.
import { z } from 'zod';
import { endpoint } from './endpoint.js';
import { refusalBody, schoolCode } from './fields.js';

export const IMPORT_KINDS = ['ROSTER', 'CET4_SCORES'] as const;
/** GB18030 is the superset of GBK that Excel on Chinese Windows writes. */
export const IMPORT_ENCODINGS = ['UTF-8', 'GB18030'] as const;

/** Base64 of at most 8 MiB of CSV: big enough for a school's roster, small enough for one request. */
const csvFile = {
  fileName: z.string().min(1).max(200),
  contentBase64: z.string().min(1).max(11_184_812).regex(/^[A-Za-z0-9+/]*={0,2}$/),
  /** Only check the file; nothing is written. */
  dryRun: z.boolean().default(false),
};

export const importIssue = z.object({
  /** The file's line number (header = 1); 0 when the refusal concerns the file as a whole. */
  line: z.int().nonnegative(),
  /** The column as written in the file's header, when the refusal concerns one cell. */
  column: z.string().nullable(),
  error: refusalBody,
});
export type ImportIssue = z.infer<typeof importIssue>;

/** All or nothing: `imported` is true only when no row was refused and this was not a dry run. */
export const importReport = z.object({
  kind: z.enum(IMPORT_KINDS),
  fileName: z.string(),
  encoding: z.enum(IMPORT_ENCODINGS).nullable(),
  totalRows: z.int().nonnegative(),
  validRows: z.int().nonnegative(),
  issues: z.array(importIssue),
  imported: z.boolean(),
});
export type ImportReport = z.infer<typeof importReport>;

/** A school's roster: a teacher imports their own school's, an admin any school's. */
export const importRoster = endpoint({
  method: 'POST',
  path: '/api/staff/imports/roster',
  audience: 'staff',
  request: z.object({ schoolCode, ...csvFile }),
  response: importReport,
});

export const importCet4Scores = endpoint({
  method: 'POST',
  path: '/api/admin/imports/cet4-scores',
  audience: 'admin',
  request: z.object(csvFile),
  response: importReport,
});
