import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AppConfig, type Role } from '../config/app-config.js';
import { problem, ProblemError } from '../common/problem/problem.js';
import { bearerToken } from './bearer-token.js';
import { mayActAs, type Principal } from './principal.js';
import { PUBLIC_KEY, ROLE_KEY } from './roles.decorator.js';
import { TokenRegistry } from './token-registry.js';

export type AuthenticatedRequest = Request & { principal?: Principal };

/** What a route's decorators ask of a caller. */
interface Access {
  role: Role | undefined;
  open: boolean | undefined;
}

function unauthorized(detail: string): ProblemError {
  return new ProblemError(problem(401, 'unauthorized', detail));
}

/** Writes need a token whose role is enough; reads need one only when reads are private. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenRegistry,
    private readonly config: AppConfig,
  ) {}

  /** Per controller and handler: decorators do not change once the app is built, so read once. */
  private readonly access = new WeakMap<object, WeakMap<object, Access>>();

  private accessOf(context: ExecutionContext): Access {
    const controller = context.getClass();
    const handler = context.getHandler();
    let byHandler = this.access.get(controller);
    if (!byHandler) this.access.set(controller, (byHandler = new WeakMap()));
    let access = byHandler.get(handler);
    if (!access) {
      const targets = [handler, controller];
      access = {
        role: this.reflector.getAllAndOverride<Role | undefined>(ROLE_KEY, targets),
        open: this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_KEY, targets),
      };
      byHandler.set(handler, access);
    }
    return access;
  }

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const { role, open } = this.accessOf(context);
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearerToken(req.header('authorization'));
    if (token === undefined) {
      if (role) throw unauthorized('this request needs a bearer token');
      if (!open && !this.config.publicRead) throw unauthorized('reads need a bearer token');
      return true;
    }
    const principal = token ? this.tokens.resolve(token) : undefined;
    if (!principal) throw unauthorized('the bearer token is not valid');
    if (role && !mayActAs(principal, role)) {
      throw new ProblemError(
        problem(403, 'forbidden', `the ${principal.role} role may not do this; it needs ${role}`),
      );
    }
    req.principal = principal;
    return true;
  }
}
