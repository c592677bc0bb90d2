// English messages for a passport's identity and credentials: password (A1), ID numbers (A2), contact and name (A3).
import type { identityErrors as zh } from '../../zh-CN/errors/identity.js';

export const identityErrors: Record<keyof typeof zh, string> = {
  PASSWORD_FORMAT: 'The password must be 8–18 characters long and contain letters, digits and at least one of !@#%^&*_-',
  PASSWORD_CHARACTER_NOT_ALLOWED: 'The password may only contain letters, digits and the special characters !@#%^&*_-',
  PASSWORD_CONFIRMATION_MISMATCH: 'The two passwords do not match.',
  RESIDENT_ID_FORMAT: 'A resident ID number has 18 characters: 17 digits followed by a digit or a capital X.',
  RESIDENT_ID_REGION: 'The region code at the start of the resident ID number is not valid.',
  RESIDENT_ID_BIRTH_DATE: 'The date of birth in the resident ID number is not valid.',
  RESIDENT_ID_CHECK_CHARACTER: 'The last character of the resident ID number does not match. Please check for a typing mistake.',
  TAIWAN_PERMIT_FORMAT: 'A Taiwan residents’ travel permit number has 8 digits, or 10 letters and digits.',
  HK_MACAO_PERMIT_FORMAT: 'A Hong Kong/Macau residents’ travel permit number is H or M followed by 8 or 10 digits.',
  PASSPORT_NUMBER_FORMAT: 'A passport number has 5–17 letters or digits.',
  HK_ID_FORMAT: 'A Hong Kong identity card number looks like A123456(7).',
  HK_ID_CHECK_DIGIT: 'The check digit in brackets of the Hong Kong identity card number does not match. Please check for a typing mistake.',
  MACAO_ID_FORMAT: 'A Macau identity card number looks like 1234567(8).',
  MOBILE_FORMAT: 'Please enter a valid 11-digit mobile phone number.',
  EMAIL_FORMAT: 'Please enter a valid email address.',
  NAME_FORMAT: 'A name may only contain Chinese characters and Latin letters, separated by spaces, middle dots (·), hyphens or apostrophes.',
};
