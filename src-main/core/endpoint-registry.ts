// The endpoints a window may call through apiInvoke: the shared registry, minus what is not for windows.
import { httpEndpoints, withoutEndpoints, type EndpointRegistry } from '../../shared/contracts/http/index.js';

/**
 * Not for a window: the payment provider's server-to-server notice, the sandbox provider's HTML pay
 * page that a phone opens from the QR code, and health, which the connectivity monitor owns. Device
 * enrolment and sync are not in the HTTP registry at all: they have their own IPC calls, which keep
 * the credential in main.
 */
const NOT_FOR_WINDOWS = new Set(['paymentCallback', 'sandboxPayPage', 'sandboxSettle', 'health']);

export const forwardedEndpoints: EndpointRegistry = withoutEndpoints(httpEndpoints, NOT_FOR_WINDOWS);
