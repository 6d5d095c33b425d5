import { UseGuards, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { problem, ProblemError } from '../problem/problem.js';

/** Routes that take no query parameters reject any, as the validation pipe does for the others. */
export class NoQueryGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const names = Object.keys(context.switchToHttp().getRequest<Request>().query ?? {});
    if (names.length === 0) return true;
    const errors = names.map((field) => ({ field, message: `property ${field} should not exist` }));
    throw new ProblemError(
      problem(400, 'validation', errors.map((e) => `${e.field}: ${e.message}`).join('; '), {
        errors,
      }),
    );
  }
}

/** For a route without query parameters: an unknown one is a 400, not silently ignored. */
export const NoQuery = () => UseGuards(NoQueryGuard);
