// Turns an uploaded CSV file's bytes into text: UTF-8 with or without BOM, or GBK/GB18030 as Excel on Chinese Windows saves it.
import type { IMPORT_ENCODINGS } from '../../shared/contracts/http/imports.js';
import { failed, ok, type Result } from '../../shared/errors/domain-error.js';

export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];

export interface DecodedText {
  readonly text: string;
  readonly encoding: ImportEncoding;
}

/**
 * UTF-8 is tried first and strictly: Chinese text in GBK is almost never valid UTF-8, so a strict
 * failure is a reliable sign of GBK. GB18030 is GBK's superset, and Node's full ICU decodes it
 * without any extra package. Bytes that are neither are refused rather than guessed at, since a
 * wrong guess would import garbled names that no candidate could ever match.
 */
export function decodeCsvBytes(bytes: Uint8Array): Result<DecodedText> {
  for (const encoding of ['UTF-8', 'GB18030'] as const) {
    try {
      const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
      return ok({ text, encoding });
    } catch {
      continue;
    }
  }
  return failed('IMPORT_ENCODING_UNSUPPORTED');
}
