// Liveness for load balancers and the kiosk syncer: is the database answering, and what time does the server keep.
import { z } from 'zod';
import { endpoint } from './endpoint.js';
import { instant } from './fields.js';

export const health = endpoint({
  method: 'GET',
  path: '/api/health',
  audience: 'public',
  request: z.object({}),
  response: z.object({
    status: z.literal('ok'),
    serverTime: instant,
    /** A device whose clock differs from serverTime by more than this should say so (K3 windows, TTLs). */
    maxClockSkewSeconds: z.int().nonnegative(),
  }),
});
