// The kiosk's connectivity strip and offline capture (K3) in English, in the shape of the Chinese file.
import type { offline as zh } from '../zh-CN/offline.js';

type Shape<T> = { readonly [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const offline: Shape<typeof zh> = {
  strip: {
    label: 'Network and sync status',
    online: 'Connected to the server',
    offline: 'No network',
    pending: '{{count}} waiting to upload',
    nothingPending: 'Nothing waiting to upload',
    lastSync: 'Last sync {{time}}',
    neverSynced: 'Not synced yet',
    replaying: 'Uploading offline registrations {{done}}/{{total}}',
    refused: '{{count}} not accepted by the server: please ask your school\'s teacher',
    expired: '{{count}} voided after waiting too long to upload: please ask your school\'s teacher',
    blocked: 'Uploading offline registrations is blocked: please ask your school\'s teacher',
  },
  banner: 'The server cannot be reached: what this page sends to it will not work until the network is back. You can register offline instead.',
  /** Beside every kiosk action that needs the server while it is away (disabled, never a dead button). */
  needsServer: 'Needs the server: available when the network is back',
  provisional: 'will be confirmed when the network is back',
  home: {
    offlineLead: 'The server cannot be reached right now. You can register on this kiosk offline; what you enter will be confirmed when the network is back.',
    start: 'Register offline',
  },
  start: {
    title: 'Register offline',
    lead: 'Until the network is back, what you enter stays on this kiosk (encrypted); it is then uploaded and confirmed by the server. You see the outcome at your next login and get it by SMS or email.',
    newPassport: 'Create a new passport and register',
    existingPassport: 'I have a passport: register',
    existingHint: 'Your account and password are checked when the network is back',
  },
  passport: {
    title: 'Register an ETEST passport (offline)',
    noSmsHint: 'No SMS code can be sent offline: your mobile is verified by SMS at your next online login.',
    next: 'Next',
    confirmTitle: 'Confirm your details (offline)',
    confirmLead: 'Please check your details once more',
    confirm: 'Confirm',
    back: 'Change',
  },
  login: {
    title: 'Use an existing passport (offline)',
    lead: 'Your account and password cannot be checked offline; the server checks them when the network is back. If they are wrong, nothing of this offline registration takes effect.',
    noProvinces: 'This kiosk has no cached provinces, so offline registration is not possible: please wait for the network',
    next: 'Next',
  },
  registration: {
    title: 'Confirm your registration (offline)',
    lead: 'Enter the identity on your roster record. The roster record and your qualification are checked by the server when the network is back.',
    confirm: 'I confirm this identity matches my roster record',
    campus: 'Written exam campus',
    campusHint: 'This kiosk\'s campus by default',
    chooseCampus: 'Please choose the written exam campus',
    save: 'Save and continue',
    noSession: 'This kiosk has no cached exam session, so offline registration is not possible: please wait for the network',
  },
  subjects: {
    writtenTitle: 'Written subjects (offline)',
    oralTitle: 'Oral subjects (offline)',
    stale: 'Seats left as cached at {{time}}; they may have changed. A seat is only taken when the network is back, and a full subject is then refused.',
    staleUnknown: 'Seats left as cached; they may have changed. A seat is only taken when the network is back.',
    qualificationLater: 'Your qualification is checked when the network is back.',
    finishWithout: 'No subject now: finish',
    skipOral: 'No oral subject: finish',
    noCampus: 'No campus offers an oral subject you can take',
  },
  summary: {
    title: 'Offline registration done',
    lead: 'This is kept on this kiosk and uploaded for confirmation when the network is back. Remember your account and password: your next login shows the outcome.',
    settled: 'The network is back and the server has handled what you registered: the outcome is below. Your next login shows your registration.',
    kind: {
      'passport.register': 'ETEST passport',
      'registration.save': 'Registration saved',
      'enrolment.written': 'Written subjects',
      'enrolment.oral': 'Oral subjects',
      'review.submit': 'CET6 qualification review',
    },
    status: {
      pending: 'To be confirmed',
      applied: 'Confirmed',
      refused: 'Not accepted',
    },
    finish: 'Finish and leave',
    finishHint: 'When you leave, everything of yours is cleared from this kiosk\'s screen and memory.',
  },
  notices: {
    title: 'Outcome of what you registered offline at a kiosk',
    captured: 'registered offline {{time}}',
    applied: 'Confirmed',
    refused: 'Not accepted: {{reason}}',
  },
  verify: {
    title: 'Verify your mobile',
    lead: 'Your passport was registered at a kiosk while it was offline, so your mobile is not verified yet. Get an SMS code and verify it to continue.',
    submit: 'Verify',
    done: 'Mobile verified',
  },
};
