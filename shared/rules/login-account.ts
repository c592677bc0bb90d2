// A4: the login's single account field takes an ID number, an email or a mobile number; this says which.

export type LoginAccountKind = 'email' | 'mobile' | 'idNumber';

/**
 * An `@` means email and a mainland mobile shape means mobile; everything else is looked up as an
 * ID number. No supported ID number has the mobile shape (resident IDs have 18 characters, HK and
 * Macau IDs parentheses), so the guess is unambiguous for every type but a passport, and a passport
 * holder can still log in by email.
 */
export function loginAccountKind(account: string): LoginAccountKind {
  if (account.includes('@')) return 'email';
  return /^1[3-9]\d{9}$/.test(account) ? 'mobile' : 'idNumber';
}
