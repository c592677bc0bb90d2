// The rules of SPEC §4 as pure functions: what each rule ID is, and where it lives or who enforces it.
//
// | rule | pure part (shared/rules)                                              | enforced by the server                                   |
// | ---- | --------------------------------------------------------------------- | -------------------------------------------------------- |
// | A1   | password.ts: checkPassword, checkPasswordConfirmation                 | hashing                                                  |
// | A2   | id-number.ts: normalizeIdNumber, checkIdNumber                        | –                                                        |
// | A3   | contact.ts: checkEmail, checkMobile, checkName; password.ts: checkNewPassword | SMS code, 'information occupied' uniqueness of identity, email and phone, appeals; offline capture: same checks at replay, mobile proven by SMS at the next login |
// | A4   | login-account.ts: loginAccountKind                                    | captcha, limit on failed attempts (also counted for an offline operation naming its candidate by password) |
// | A5   | password.ts: checkNewPassword                                         | SMS code, one-time expiring email link, old password     |
// | A6   | domain/registration.ts: snapshotRosterRecord (a saved registration never reads the live profile or roster) | SMS code for the change |
// | A7   | masking.ts: maskEmail, maskMobile                                     | captcha, lookup only of identities with a saved registration ('无法查询到报名信息') |
// | A8   | –                                                                     | customer service rebinds a registration to a new passport (audited) |
// | R1   | registration-window.ts: checkRegistrationAgreement                    | –                                                        |
// | R2   | registration-window.ts: checkQualificationQueryWindow, canQueryQualification, rosterRecordMatches | roster lookup |
// | R3   | registration-window.ts: checkSaveRegistration, canSaveRegistration; domain/registration.ts: snapshotRosterRecord | 1:1 binding passport ↔ roster record |
// | R4   | time-to-live.ts: isEmptyRegistrationExpired                           | the sweep that deletes                                   |
// | R5   | written-enrolment.ts: checkWrittenEnrolment, checkWrittenSelection    | –                                                        |
// | R6   | oral-enrolment.ts: checkOralEnrolment, selectableOralCampuses; offering-availability.ts: capacityColour | – |
// | R7   | offering-availability.ts: checkOfferingAvailable (a hint only)        | atomic seat taking, so two candidates never get the last seat |
// | R8   | time-to-live.ts: isUnpaidEnrolmentExpired; enrolment-removal.ts: canCancelEnrolment, enrolmentsRemovedWith, removalDeletesRegistration | the sweep and the cancellation |
// | R9   | payment.ts: isRegistered, payableEnrolments, totalFen, checkOralPaidWithWritten | payment orders, idempotent provider callbacks, group payment locks |
// | R10  | admission-ticket.ts: canPrintAdmissionTicket                          | arrangement (编排), the ticket itself                     |
// | C1   | review-eligibility.ts: isCet6ReviewOffered, qualificationsAfterReview | –                                                        |
// | C2   | review-ticket.ts: checkReviewTicket, parseTicketNumber                | –                                                        |
// | C3   | review-decision.ts: decideCet6Review → AUTO_APPROVED                  | storing the application, granting the qualification      |
// | C4   | review-decision.ts → PENDING; review-lifecycle.ts: checkReviewChange, checkManualReview | the teacher's review, restricted to the candidate's school; offline under the teacher's device grant |
// | C5   | review-decision.ts → REFUSED                                          | nothing stored                                           |
// | C6   | review-lifecycle.ts: checkReviewSubmission, canEditReview, canDeleteReview | one application per passport in storage             |
// | C7   | review-lifecycle.ts: isRepeatSubmitter                                | teachers declining, applications filed on a candidate's behalf |
// | C8   | masking.ts: maskReviewApplication                                     | –                                                        |
//
// K3: an operation replayed from a kiosk's outbox (src-server/services/sync/operations.ts) goes
// through the same services as the online routes, so R1–R3, R5–R7 and C1–C6 hold at replay exactly
// as online, judged at the server's time of replay (seats and windows as they are then).
export * from './admission-ticket.js';
export * from './contact.js';
export * from './enrolment-removal.js';
export * from './id-number.js';
export * from './login-account.js';
export * from './masking.js';
export * from './offering-availability.js';
export * from './oral-enrolment.js';
export * from './password.js';
export * from './payment.js';
export * from './registration-window.js';
export * from './review-decision.js';
export * from './review-eligibility.js';
export * from './review-lifecycle.js';
export * from './review-ticket.js';
export * from './subject-eligibility.js';
export * from './time-to-live.js';
export * from './typed-code.js';
export * from './written-enrolment.js';
