import { registerDecorator, type ValidationOptions } from 'class-validator';

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 date-time that names its zone (`Z` or `±hh:mm`), so no time is ambiguous. */
export function isIsoTimeWithZone(value: unknown): boolean {
  return typeof value === 'string' && ISO_WITH_ZONE.test(value) && !Number.isNaN(Date.parse(value));
}

export function IsIsoTimeWithZone(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isIsoTimeWithZone',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: '$property must be an ISO 8601 time with a zone, e.g. 2017-05-18T19:05:00Z',
        ...options,
      },
      validator: { validate: isIsoTimeWithZone },
    });
}
