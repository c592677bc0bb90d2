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
  route(app, ctx, createCaptcha, anyone, async () => ok(await issueCaptcha(ctx)));

  route(app, ctx, passport.sendRegistrationSmsCode, anyone, (input, call) => passports.sendRegistrationSmsCode(ctx, input, call.ip));
  route(app, ctx, passport.previewRegistration, anyone, (input) => passports.previewRegistration(ctx, input));
  route(app, ctx, passport.registerPassport, anyone, (input) => passports.registerPassport(ctx, input));

  // 修改资料 proves a mobile with an SMS code too, so a passport registered offline with a mistyped mobile can put it right there.
  route(app, ctx, passport.getProfile, requireAnyCandidate, async (_input, call) => ok(await passports.getProfile(ctx, call.actor)));
  route(app, ctx, passport.sendProfileSmsCode, requireAnyCandidate, (input, call) => passports.sendProfileSmsCode(ctx, call.actor, input, call.ip));
  route(app, ctx, passport.previewProfileChange, requireAnyCandidate, (input, call) => passports.previewProfileChange(ctx, call.actor, input));
  route(app, ctx, passport.changeProfile, requireAnyCandidate, (input, call) => passports.changeProfile(ctx, call.actor, input));
  route(app, ctx, passport.changePassword, requireCandidate, (input, call) => passports.changePassword(ctx, call.actor, input));
  route(app, ctx, passport.retrieveAccount, anyone, (input) => passports.retrieveAccount(ctx, input));

  route(app, ctx, reset.sendResetSmsCode, anyone, (input, call) => passwordReset.sendResetSmsCode(ctx, input, call.ip));
  route(app, ctx, reset.resetPasswordBySms, anyone, (input) => passwordReset.resetPasswordBySms(ctx, input));
  route(app, ctx, reset.sendResetEmail, anyone, (input) => passwordReset.sendResetEmail(ctx, input));
  route(app, ctx, reset.checkResetLink, anyone, (input) => passwordReset.checkResetLink(ctx, input));
  route(app, ctx, reset.resetPasswordByEmail, anyone, (input) => passwordReset.resetPasswordByEmail(ctx, input));

  route(app, ctx, appealEndpoints.fileAppeal, anyone, (input) => appeals.fileAppeal(ctx, input));
}
