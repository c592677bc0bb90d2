// HTTP routes of the CSV imports: a school's roster (teacher: own school; admin: any) and the CET4 scores (admin).
import type { FastifyInstance } from 'fastify';
import { importCet4Scores, importRoster } from '../../../shared/contracts/http/imports.js';
import type { ServiceContext } from '../../services/context.js';
import * as imports from '../../services/imports.js';
import { requireAdmin, requireStaff } from '../auth.js';
import { route } from '../route.js';

function bytesOf(contentBase64: string): Uint8Array {
  return Buffer.from(contentBase64, 'base64');
}

export function importRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  route(app, ctx, importRoster, requireStaff, (input, call) =>
    imports.importRoster(call.ctx, { staff: call.actor }, { fileName: input.fileName, bytes: bytesOf(input.contentBase64), dryRun: input.dryRun, schoolCode: input.schoolCode }),
  );
  route(app, ctx, importCet4Scores, requireAdmin, (input, call) =>
    imports.importCet4Scores(call.ctx, { staff: call.actor }, { fileName: input.fileName, bytes: bytesOf(input.contentBase64), dryRun: input.dryRun }),
  );
}
