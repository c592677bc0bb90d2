// The migrations in order. Listed here rather than read from disk so that a bundled server carries them too.
import type { Migration } from 'kysely/migration';
import * as accounts from './0001-accounts.js';
import * as referenceData from './0002-reference-data.js';
import * as registrationsEnrolments from './0003-registrations-enrolments.js';
import * as payments from './0004-payments.js';
import * as admissionTickets from './0005-admission-tickets.js';
import * as review from './0010-review.js';
import * as devices from './0011-devices.js';
import * as sync from './0020-sync.js';
import * as offlineOutcomes from './0021-offline-outcomes.js';
import * as outboundMessages from './0022-outbound-messages.js';
import * as referenceGeneration from './0023-reference-generation.js';
import * as registrationGuard from './0024-registration-guard.js';
import * as claimSeats from './0025-claim-seats.js';
import * as claimSeatsBatch from './0026-claim-seats-batch.js';
import * as fingerprintPlanCached from './0027-fingerprint-plan-cached.js';

export const migrations: Readonly<Record<string, Migration>> = {
  '0001-accounts': accounts,
  '0002-reference-data': referenceData,
  '0003-registrations-enrolments': registrationsEnrolments,
  '0004-payments': payments,
  '0005-admission-tickets': admissionTickets,
  '0010-review': review,
  '0011-devices': devices,
  '0020-sync': sync,
  '0021-offline-outcomes': offlineOutcomes,
  '0022-outbound-messages': outboundMessages,
  '0023-reference-generation': referenceGeneration,
  '0024-registration-guard': registrationGuard,
  '0025-claim-seats': claimSeats,
  '0026-claim-seats-batch': claimSeatsBatch,
  '0027-fingerprint-plan-cached': fingerprintPlanCached,
};
