// The HTTP contracts of the whole registry: unique routes, path parameters backed by request fields, key refusals.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Endpoint } from '../../shared/contracts/http/endpoint.js';
import { httpEndpoints } from '../../shared/contracts/http/index.js';
import * as payment from '../../shared/contracts/http/payment.js';
import * as review from '../../shared/contracts/http/review.js';
import * as staff from '../../shared/contracts/http/staff.js';

const endpoints: [string, Endpoint][] = Object.entries(httpEndpoints);

/** The keys an object request can carry; every option's keys for a discriminated union. */
function requestKeys(schema: z.ZodType): Set<string> {
  if (schema instanceof z.ZodObject) return new Set(Object.keys(schema.shape));
  if (schema instanceof z.ZodDiscriminatedUnion) {
    return new Set(schema.options.flatMap((option) => [...requestKeys(option as z.ZodType)]));
  }
  return new Set();
}

describe('HTTP contracts', () => {
  it('name each method and path once', () => {
    const routes = endpoints.map(([, spec]) => `${spec.method} ${spec.path}`);
    expect(new Set(routes).size).toBe(routes.length);
  });

  it('fill every path parameter from a request field of the same name', () => {
    for (const [name, spec] of endpoints) {
      const params = [...spec.path.matchAll(/:(\w+)/g)].map((match) => match[1] ?? '');
      const keys = requestKeys(spec.request);
      for (const param of params) expect(keys.has(param), `${name} lacks ${param}`).toBe(true);
    }
  });

  it('live under /api/, except the sandbox provider pages a phone opens', () => {
    for (const [, spec] of endpoints) expect(spec.path.startsWith('/api/') || spec.path.startsWith('/sandbox/')).toBe(true);
  });

  it('refuse a payment order without a selection and a review without the confirmation tick', () => {
    expect(payment.createOrder.request.safeParse({ enrolmentIds: [], provider: 'ALIPAY' }).success).toBe(false);
    expect(payment.createOrder.request.safeParse({ enrolmentIds: ['e1'], provider: 'WECHAT' }).success).toBe(false);
    const submission = { idType: 'RESIDENT_ID', idNumber: '330106200501011231', name: '王芳', ticketNumber: '993010251100102' };
    expect(review.submitReview.request.safeParse(submission).success).toBe(false);
    expect(review.submitReview.request.safeParse({ ...submission, confirmed: true }).success).toBe(true);
  });

  it('require a reason for a rejection but not for an approval', () => {
    const { request } = review.decideReview;
    expect(request.safeParse({ applicationId: 'a1', decision: 'APPROVED' }).success).toBe(true);
    expect(request.safeParse({ applicationId: 'a1', decision: 'REJECTED' }).success).toBe(false);
    expect(request.safeParse({ applicationId: 'a1', decision: 'REJECTED', reason: ' ' }).success).toBe(false);
    expect(request.safeParse({ applicationId: 'a1', decision: 'REJECTED', reason: '准考证号与成绩记录不符' }).success).toBe(true);
  });

  it('read paging limits from a query string', () => {
    expect(review.listReviews.request.parse({ limit: '20' })).toEqual({ status: 'PENDING', limit: 20 });
    expect(staff.listAuditLog.request.safeParse({ limit: '1000' }).success).toBe(false);
  });
});
