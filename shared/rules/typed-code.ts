// Tidies what a candidate types for a code (ID number, ticket number) before it is checked or compared.

/**
 * Chinese input methods produce full-width characters (１２３Ｘ（７）), kiosk users add spaces, and
 * some type a lower-case x: all of these mean the same code, so they are folded to one form.
 */
export function normalizeTypedCode(raw: string): string {
  return raw
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '')
    .toUpperCase();
}
