// New candidates for browser journeys: identities, emails and mobiles no other test of the run uses.
import { residentIdCheckCharacter } from '../../../shared/rules/id-number.js';

export interface NewCandidate {
  readonly email: string;
  readonly mobile: string;
  readonly password: string;
  readonly idNumber: string;
  readonly name: string;
}

let serial = 0;
// The server's database is fresh per run, but a run id keeps reruns against a reused server apart too.
const run = Date.now() % 100_000;

export function newCandidate(name = '陈静'): NewCandidate {
  serial += 1;
  const n = (run * 10 + serial) % 1000;
  const first17 = `110108${1999 + (serial % 5)}0${1 + (serial % 9)}1${serial % 10}${String(n).padStart(3, '0')}`;
  return {
    email: `kiosk${run}-${serial}@example.com`,
    mobile: `137${String(run).padStart(5, '0')}${String(serial).padStart(3, '0')}`,
    password: 'Kiosk2026!',
    idNumber: first17 + residentIdCheckCharacter(first17),
    name,
  };
}

/** The A3 registration form for this candidate, with the SMS code read from the dev outbox. */
export function passportForm(candidate: NewCandidate, smsCode: string) {
  return {
    email: candidate.email,
    mobile: candidate.mobile,
    password: candidate.password,
    passwordConfirmation: candidate.password,
    idType: 'RESIDENT_ID',
    idNumber: candidate.idNumber,
    name: candidate.name,
    smsCode,
    agreementAccepted: true,
  };
}

/** The demo passport with a saved registration, as `npm run server` prints it. */
export const ZHANG_SAN = { idNumber: '110105200203151239', password: 'Demo@2026', name: '张三' } as const;
