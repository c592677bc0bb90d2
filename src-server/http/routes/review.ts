// HTTP routes of the CET6 qualification review (C1–C8): the candidate's own application and the teacher's queue of their school.
import type { FastifyInstance } from 'fastify';
import * as contract from '../../../shared/contracts/http/review.js';
import type { ServiceContext } from '../../services/context.js';
import * as review from '../../services/review.js';
import { requireCandidate, requireTeacher } from '../auth.js';
import { route } from '../route.js';

export function reviewRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  route(app, ctx, contract.getMyReview, requireCandidate, (_input, call) => review.getMyReview(call.ctx, call.actor));
  route(app, ctx, contract.submitReview, requireCandidate, (input, call) => review.submitReview(call.ctx, call.actor, input, 'SUBMIT'));
  route(app, ctx, contract.resubmitReview, requireCandidate, (input, call) => review.submitReview(call.ctx, call.actor, input, 'RESUBMIT'));
  route(app, ctx, contract.deleteReview, requireCandidate, (_input, call) => review.deleteReview(call.ctx, call.actor));

  route(app, ctx, contract.listReviews, requireTeacher, (input, call) => review.listReviewQueue(call.ctx, call.actor, input));
  route(app, ctx, contract.getReviewEvidence, requireTeacher, (input, call) => review.getReviewEvidence(call.ctx, call.actor, input));
  route(app, ctx, contract.decideReview, requireTeacher, (input, call) => review.decideReview(call.ctx, call.actor, input));
  route(app, ctx, contract.flagRepeatSubmitter, requireTeacher, (input, call) => review.flagRepeatSubmitter(call.ctx, call.actor, input));
  route(app, ctx, contract.fileReviewOnBehalf, requireTeacher, (input, call) => review.fileReviewOnBehalf(call.ctx, call.actor, input));
}
