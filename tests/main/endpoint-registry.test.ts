// The endpoints a window can reach through apiInvoke: collected from the shared HTTP contract, minus what is not for windows.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { forwardedEndpoints } from '../../src-main/core/endpoint-registry.js';
import { WINDOW_AUDIENCES } from '../../src-main/core/forwarder.js';
import { endpoint } from '../../shared/contracts/http/endpoint.js';
import { collectEndpoints, httpEndpoints } from '../../shared/contracts/http/index.js';

const ep = endpoint({ method: 'GET', path: '/api/x', audience: 'public', request: z.object({}), response: z.object({}) });

describe('endpoint registry', () => {
  it('collects endpoints by export name and skips everything else a contract module exports', () => {
    expect(collectEndpoints([{ getX: ep, xSchema: z.object({}), LIMIT: 5 }])).toEqual({ getX: ep });
  });

  it('fails loudly on a name exported by two modules', () => {
    expect(() => collectEndpoints([{ getX: ep }, { getX: ep }])).toThrow(/getX/);
  });

  it('the shared registry holds every endpoint, health and the provider callback included', () => {
    expect(httpEndpoints).toHaveProperty('health');
    expect(httpEndpoints).toHaveProperty('paymentCallback');
    expect(httpEndpoints).toHaveProperty('login');
  });

  it('leaves out the payment provider callback and the sandbox pay page', () => {
    for (const name of ['paymentCallback', 'sandboxPayPage', 'sandboxSettle']) expect(forwardedEndpoints).not.toHaveProperty(name);
  });

  it('forwards the candidate and staff endpoints of the contract, each reachable from some window', () => {
    expect(forwardedEndpoints).toHaveProperty('getExamSession');
    expect(forwardedEndpoints).toHaveProperty('enrolWritten');
    expect(forwardedEndpoints).toHaveProperty('campusOverview');
    expect(forwardedEndpoints).toHaveProperty('login');
    expect(forwardedEndpoints).not.toHaveProperty('health');
    const reachable = new Set([...WINDOW_AUDIENCES.kiosk, ...WINDOW_AUDIENCES.staff]);
    for (const [name, value] of Object.entries(forwardedEndpoints)) expect([name, reachable.has(value.audience)]).toEqual([name, true]);
  });
});
