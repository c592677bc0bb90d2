// Print settings per document: silent, on the configured printer, sized for what each printer holds.
import type { WebContentsPrintOptions } from 'electron';
import type { PrintableDocument } from '../../shared/contracts/ipc.js';

export function printOptions(document: PrintableDocument, printer: string | null): WebContentsPrintOptions {
  const common: WebContentsPrintOptions = {
    // Never a dialog on the kiosk: the candidate cannot be left in front of printer settings.
    silent: true,
    printBackground: true,
    copies: 1,
    ...(printer === null ? {} : { deviceName: printer }),
  };
  return document === 'receipt'
    ? // Receipts go to a roll printer: its own paper width, no margins.
      { ...common, usePrinterDefaultPageSize: true, margins: { marginType: 'none' } }
    : { ...common, pageSize: 'A4', landscape: false, margins: { marginType: 'default' } };
}
