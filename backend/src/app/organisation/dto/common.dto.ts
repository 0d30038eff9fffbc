import type { UserRef } from '@congress/api-types';
import { ApiProperty } from '@nestjs/swagger';
import { ValidateIf } from 'class-validator';

/** Optional in a PATCH, but when given it must be valid (null included: it is not "leave unchanged"). */
export const OptionalNonNull = () => ValidateIf((_: object, value: unknown) => value !== undefined);

/** Optional and nullable (null clears the value), validated otherwise. */
export const OptionalNullable = () => ValidateIf((_: object, value: unknown) => value !== undefined && value !== null);

export class UserRefDto implements UserRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
}

export const CODE_PATTERN = /^[a-z][a-z0-9_-]{1,31}$/i;
export const CODE_MESSAGE = 'code must be 2–32 letters, digits, "_" or "-", starting with a letter';
