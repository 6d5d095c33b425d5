import { IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { IsPosition } from '../common/input/position.validator.js';

const INCIDENT_ID = /^[a-z0-9][a-z0-9-]{2,63}$/;
/** A position: a decimal string of an unsigned integer, at most 20 digits (2^64 fits). */
const POSITION = /^(0|[1-9][0-9]{0,19})$/;

// ValidateIf instead of IsOptional: an explicit null is a wrong type, not an absent field
const present = (field: string) =>
  ValidateIf((o: Record<string, unknown>) => o[field] !== undefined);

/** `subscribe` payload: one incident, or every incident when `incidentId` is absent. */
export class SubscribeDto {
  @present('incidentId')
  @IsString()
  @MaxLength(64)
  @Matches(INCIDENT_ID, { message: 'incidentId must match ^[a-z0-9][a-z0-9-]{2,63}$' })
  incidentId?: string;

  @present('after')
  @IsString()
  @MaxLength(20)
  @Matches(POSITION, { message: 'after must be a position: a decimal string of up to 20 digits' })
  @IsPosition()
  after?: string;
}

/** `unsubscribe` payload: the scope to drop. */
export class UnsubscribeDto {
  @present('incidentId')
  @IsString()
  @MaxLength(64)
  @Matches(INCIDENT_ID, { message: 'incidentId must match ^[a-z0-9][a-z0-9-]{2,63}$' })
  incidentId?: string;
}
