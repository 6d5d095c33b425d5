import { type PipeTransform, type Type, ValidationPipe } from '@nestjs/common';
import { WsException } from '@nestjs/websockets';
import { flattenValidationErrors } from '../common/http/validation.js';
import { refuseJson } from '../common/input/json-guard.js';

const badRequest = (message: string) => new WsException({ status: 400, message });

/** True for `{…}` from JSON.parse in any realm: its prototype is an Object.prototype or null. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/** Refuses anything but a plain JSON object (strings, arrays, binary, nothing at all). */
export class PlainObjectPipe implements PipeTransform<unknown, unknown> {
  transform(value: unknown): unknown {
    if (!isPlainObject(value)) throw badRequest('the payload must be a JSON object');
    // before class-transformer: it drops prototype keys silently and recurses into deep values
    const refusal = refuseJson(value);
    if (refusal) throw badRequest(`${refusal.field}: ${refusal.message}`);
    return value;
  }
}

/**
 * Feed payloads: unknown fields refused; a failure is a 400 answered in the ack. The DTO is
 * given here, not through the parameter's type, so the app's global HTTP pipe (which would throw
 * problem+json errors) sees an untyped parameter and leaves feed payloads alone.
 */
export function createFeedValidationPipe(dto: Type): ValidationPipe {
  return new ValidationPipe({
    expectedType: dto,
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) =>
      badRequest(
        flattenValidationErrors(errors)
          .map((e) => `${e.field}: ${e.message}`)
          .join('; '),
      ),
  });
}
