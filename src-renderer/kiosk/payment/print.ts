// Prints what the page shows for printing: silently through the host in Electron, the browser's dialog in browser mode (K5).
import type { PrintableDocument } from '../../../shared/contracts/ipc.js';
import { platformBridge } from '../../platform/bridge.js';

export async function printDocument(document: PrintableDocument): Promise<{ printed: boolean; failure: string | null }> {
  const result = await platformBridge().printDocument({ document });
  if (!result.ok) return { printed: false, failure: result.error.code };
  const { printed, failureReason } = result.value;
  // 'unsupported' is browser mode: the bridge has opened the print dialog instead, which is not a failure.
  return { printed, failure: printed || failureReason === 'unsupported' ? null : (failureReason ?? null) };
}
