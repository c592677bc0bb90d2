// HTTP routes of the CET6 qualification review (C1–C8): the candidate's own application and the teacher's queue of their school.
import type { FastifyInstance } from 'fastify';
import * as contract from '../../../shared/contracts/http/review.js';
import type { ServiceContext } from '../../services/context.js';
import * as review from '../../services/review.js';
import { requireCandidate, requireTeacher } from '../auth.js';
import { route } from '../route.js';

export function reviewRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  route(app, ctx, contract.getMyReview, requireCandidate, (_input, call) => review.getMyReview(ctx, call.actor));
  route(app, ctx, contract.submitReview, requireCandidate, (input, call) => review.submitReview(ctx, call.actor, input, 'SUBMIT'));
  route(app, ctx, contract.resubmitReview, requireCandidate, (input, call) => review.submitReview(ctx, call.actor, input, 'RESUBMIT'));
  route(app, ctx, contract.deleteReview, requireCandidate, (_input, call) => review.deleteReview(ctx, call.actor));

  route(app, ctx, contract.listReviews, requireTeacher, (input, call) => review.listReviewQueue(ctx, call.actor, input));
  route(app, ctx, contract.getReviewEvidence, requireTeacher, (input, call) => review.getReviewEvidence(ctx, call.actor, input));
  route(app, ctx, contract.decideReview, requireTeacher, (input, call) => review.decideReview(ctx, call.actor, input));
  route(app, ctx, contract.flagRepeatSubmitter, requireTeacher, (input, call) => review.flagRepeatSubmitter(ctx, call.actor, input));
  route(app, ctx, contract.fileReviewOnBehalf, requireTeacher, (input, call) => review.fileReviewOnBehalf(ctx, call.actor, input));
}
