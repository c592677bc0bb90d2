// HTTP routes of passport accounts: captcha, registration, profile, password change and reset, retrieval, appeals.
import type { FastifyInstance } from 'fastify';
import { appealEndpoints } from '../../../shared/contracts/http/appeals.js';
import { createCaptcha } from '../../../shared/contracts/http/captcha.js';
import { passportEndpoints as passport } from '../../../shared/contracts/http/passport.js';
import { passwordResetEndpoints as reset } from '../../../shared/contracts/http/password-reset.js';
import { ok } from '../../../shared/errors/domain-error.js';
import * as appeals from '../../services/appeals.js';
import { issueCaptcha } from '../../services/captcha.js';
import type { ServiceContext } from '../../services/context.js';
import * as passports from '../../services/passports.js';
import * as passwordReset from '../../services/password-reset.js';
import { anyone, requireAnyCandidate, requireCandidate } from '../auth.js';
import { route } from '../route.js';

export function accountRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  route(app, ctx, createCaptcha, anyone, async (_input, call) => ok(await issueCaptcha(call.ctx)));

  route(app, ctx, passport.sendRegistrationSmsCode, anyone, (input, call) => passports.sendRegistrationSmsCode(call.ctx, input, call.ip));
  route(app, ctx, passport.previewRegistration, anyone, (input, call) => passports.previewRegistration(call.ctx, input));
  route(app, ctx, passport.registerPassport, anyone, (input, call) => passports.registerPassport(call.ctx, input));

  // 修改资料 proves a mobile with an SMS code too, so a passport registered offline with a mistyped mobile can put it right there.
  route(app, ctx, passport.getProfile, requireAnyCandidate, async (_input, call) => ok(await passports.getProfile(call.ctx, call.actor)));
  route(app, ctx, passport.sendProfileSmsCode, requireAnyCandidate, (input, call) => passports.sendProfileSmsCode(call.ctx, call.actor, input, call.ip));
  route(app, ctx, passport.previewProfileChange, requireAnyCandidate, (input, call) => passports.previewProfileChange(call.ctx, call.actor, input));
  route(app, ctx, passport.changeProfile, requireAnyCandidate, (input, call) => passports.changeProfile(call.ctx, call.actor, input));
  route(app, ctx, passport.changePassword, requireCandidate, (input, call) => passports.changePassword(call.ctx, call.actor, input));
  route(app, ctx, passport.retrieveAccount, anyone, (input, call) => passports.retrieveAccount(call.ctx, input));

  route(app, ctx, reset.sendResetSmsCode, anyone, (input, call) => passwordReset.sendResetSmsCode(call.ctx, input, call.ip));
  route(app, ctx, reset.resetPasswordBySms, anyone, (input, call) => passwordReset.resetPasswordBySms(call.ctx, input));
  route(app, ctx, reset.sendResetEmail, anyone, (input, call) => passwordReset.sendResetEmail(call.ctx, input));
  route(app, ctx, reset.checkResetLink, anyone, (input, call) => passwordReset.checkResetLink(call.ctx, input));
  route(app, ctx, reset.resetPasswordByEmail, anyone, (input, call) => passwordReset.resetPasswordByEmail(call.ctx, input));

  route(app, ctx, appealEndpoints.fileAppeal, anyone, (input, call) => appeals.fileAppeal(call.ctx, input));
}
