// HTTP routes of R9: candidate orders, provider callbacks, the sandbox pay page (HTML, form posts) and the teachers' group payment.
import type { FastifyInstance, FastifyReply } from 'fastify';
import * as contract from '../../../shared/contracts/http/payment.js';
import type { ServiceContext } from '../../services/context.js';
import * as payment from '../../services/payment.js';
import { renderSandboxPayPage } from '../../payment/pay-page.js';
import type { SandboxPayment } from '../../payment/sandbox.js';
import { anyone, requireCandidate, requireTeacher } from '../auth.js';
import { errorBodyOf, refusalOfIssues, statusOf } from '../errors.js';
import { route } from '../route.js';

/** The pay page runs no script and loads nothing: the strictest policy that still lets its inline styles apply. */
const PAY_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'";

function sendPage(reply: FastifyReply, page: SandboxPayment) {
  return reply.code(200).header('content-type', 'text/html; charset=utf-8').header('content-security-policy', PAY_PAGE_CSP).send(renderSandboxPayPage(page));
}

export function paymentRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  route(app, ctx, contract.createOrder, requireCandidate, (input, call) => payment.createOrder(call.ctx, call.actor.passportId, input));
  route(app, ctx, contract.getOrder, requireCandidate, (input, call) => payment.getOrder(call.ctx, call.actor.passportId, input.orderId));
  route(app, ctx, contract.refreshOrder, requireCandidate, (input, call) => payment.refreshOrder(call.ctx, call.actor.passportId, input.orderId));
  route(app, ctx, contract.paymentCallback, anyone, (input, call) => payment.receiveNotice(call.ctx, input));

  route(app, ctx, contract.listGroupPayable, requireTeacher, (input, call) => payment.listGroupPayable(call.ctx, call.actor, input));
  route(app, ctx, contract.createGroupPayment, requireTeacher, (input, call) => payment.createGroupPayment(call.ctx, call.actor, input));
  route(app, ctx, contract.getGroupPayment, requireTeacher, (input, call) => payment.getGroupPayment(call.ctx, call.actor, input.orderId));
  route(app, ctx, contract.releaseGroupPayment, requireTeacher, (input, call) => payment.releaseGroupPayment(call.ctx, call.actor, input.orderId));

  // The pay page answers HTML to a phone's browser, so it is served here rather than through route(), which speaks JSON.
  app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    });
    scope.get(contract.sandboxPayPage.path, async (request, reply) => {
      const parsed = contract.sandboxPayPage.request.safeParse(request.params);
      if (!parsed.success) return reply.code(400).send(errorBodyOf(refusalOfIssues(parsed.error.issues)));
      const found = await payment.sandboxPayment(ctx, parsed.data.providerRef);
      if (found === undefined) return reply.code(statusOf('PAYMENT_REFERENCE_UNKNOWN')).send(errorBodyOf({ code: 'PAYMENT_REFERENCE_UNKNOWN' }));
      return sendPage(reply, found);
    });
    scope.post(contract.sandboxSettle.path, async (request, reply) => {
      const body = typeof request.body === 'object' && request.body !== null ? request.body : {};
      const parsed = contract.sandboxSettle.request.safeParse({ ...body, ...(request.params as object) });
      if (!parsed.success) return reply.code(400).send(errorBodyOf(refusalOfIssues(parsed.error.issues)));
      const settled = await payment.settleSandboxPayment(ctx, parsed.data.providerRef, parsed.data.outcome);
      if (!settled.ok) return reply.code(statusOf(settled.error.code)).send(errorBodyOf(settled.error));
      return sendPage(reply, settled.value);
    });
  });
}
