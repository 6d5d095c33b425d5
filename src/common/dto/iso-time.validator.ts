import { registerDecorator, type ValidationOptions } from 'class-validator';

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Whether the day exists in its month (Date.parse would move 2017-02-30 to 2017-03-02). */
function isRealDay(value: string): boolean {
  const [year, month, day] = value.slice(0, 10).split('-').map(Number);
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Hours 00–23, minutes and seconds 00–59, zone offsets up to ±23:59, and no year 0000. */
function isRealClock(value: string): boolean {
  const [, hour, minute, second = '00'] = /T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(value) ?? [];
  const offset = /([+-])(\d{2}):(\d{2})$/.exec(value);
  return (
    value.slice(0, 4) !== '0000' &&
    Number(hour) <= 23 &&
    Number(minute) <= 59 &&
    Number(second) <= 59 &&
    (offset === null || (Number(offset[2]) <= 23 && Number(offset[3]) <= 59))
  );
}

/** An ISO 8601 date-time that names its zone (`Z` or `±hh:mm`), so no time is ambiguous. */
export function isIsoTimeWithZone(value: unknown): boolean {
  return (
    typeof value === 'string' &&
    ISO_WITH_ZONE.test(value) &&
    !Number.isNaN(Date.parse(value)) &&
    isRealDay(value) &&
    isRealClock(value)
  );
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
