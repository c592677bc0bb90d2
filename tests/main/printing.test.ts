// K5: receipts and admission tickets print silently, each on its own printer and paper.
import { describe, expect, it } from 'vitest';
import { printOptions } from '../../src-main/core/printing.js';

describe('print options', () => {
  it('never shows a dialog', () => {
    expect(printOptions('receipt', null).silent).toBe(true);
    expect(printOptions('admissionTicket', 'HP').silent).toBe(true);
  });

  it('names the configured printer, or leaves the system default', () => {
    expect(printOptions('receipt', 'EPSON TM-T82').deviceName).toBe('EPSON TM-T82');
    expect(printOptions('receipt', null)).not.toHaveProperty('deviceName');
  });

  it('prints a receipt on the roll printer’s own paper without margins', () => {
    expect(printOptions('receipt', null)).toMatchObject({ usePrinterDefaultPageSize: true, margins: { marginType: 'none' } });
  });

  it('prints the admission ticket on A4 portrait', () => {
    expect(printOptions('admissionTicket', null)).toMatchObject({ pageSize: 'A4', landscape: false, printBackground: true, copies: 1 });
  });
});
