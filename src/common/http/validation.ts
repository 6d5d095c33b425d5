import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { problem, ProblemError } from '../problem/problem.js';

/** Flattens nested class-validator errors into `{ field, message }` with dotted paths. */
export function flattenValidationErrors(
  errors: ValidationError[],
  parent = '',
): { field: string; message: string }[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/** Bodies and queries: unknown fields rejected, values transformed to the DTO's types. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const list = flattenValidationErrors(errors);
      return new ProblemError(
        problem(400, 'validation', list.map((e) => `${e.field}: ${e.message}`).join('; '), {
          errors: list,
        }),
      );
    },
  });
}
