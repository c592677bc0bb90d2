// A7 and C8: how personal data looks when shown back (retrieved account, review application).
import type { ReviewApplication, ReviewStatus } from '../domain/review-application.js';

const STAR = '*';
/** What stands for a hidden value whose length would itself say something (ID type, email box name). */
export const MASK = '***';

/**
 * Keeps a quarter of the characters at each end, at most four: an 18-character resident ID shows
 * `3301**********0012`, enough for its owner to recognise it and useless to anyone else, while a
 * short number keeps proportionally less and anything under four characters is hidden entirely.
 */
export function maskIdNumber(idNumber: string): string {
  const chars = [...idNumber];
  const keep = Math.min(4, Math.floor(chars.length / 4));
  return chars.map((ch, i) => (i < keep || i >= chars.length - keep ? ch : STAR)).join('');
}

/** Ticket numbers (15 digits) are as identifying as ID numbers and are masked the same way. */
export function maskTicket(ticketNumber: string): string {
  return maskIdNumber(ticketNumber);
}

/** The first character stays, every other letter becomes a star: 张三 → 张*, 欧阳娜娜 → 欧***; a one-character name (颜) becomes *. */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length === 1) return STAR;
  return chars.map((ch, i) => (i === 0 || ch === ' ' ? ch : STAR)).join('');
}

/**
 * The domain stays (candidates recognise their provider), the box name shows two characters (one
 * if it is that short) followed by a fixed `***`, so its length is not given away: ab***@163.com.
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  const local = at < 0 ? email : email.slice(0, at);
  const domain = at < 0 ? '' : email.slice(at);
  const chars = [...local];
  const shown = chars.slice(0, chars.length > 2 ? 2 : 1).join('');
  return `${shown}${MASK}${domain}`;
}

/** Mainland style: 138****5678. */
export function maskMobile(mobile: string): string {
  return /^\d{11}$/.test(mobile) ? `${mobile.slice(0, 3)}****${mobile.slice(7)}` : maskIdNumber(mobile);
}

export interface MaskedReviewApplication {
  readonly name: string;
  /** The seed hides the ID type as well: it narrows down who the candidate is. */
  readonly idType: typeof MASK;
  readonly idNumber: string;
  readonly ticketNumber: string;
  readonly status: ReviewStatus;
  /** A teacher's reason for rejecting is the candidate's to read in full. */
  readonly reason: string | null;
}

/** C8: the review application as the candidate sees it again later. */
export function maskReviewApplication(application: ReviewApplication): MaskedReviewApplication {
  return {
    name: maskName(application.name),
    idType: MASK,
    idNumber: maskIdNumber(application.idNumber),
    ticketNumber: maskTicket(application.ticketNumber),
    status: application.status,
    reason: application.reason,
  };
}
