import {
  type AdminUser,
  AUTH_SOURCES,
  type AuthSource,
  type CreateUserRequest,
  type DirectoryUser,
  LANGUAGES,
  type Language,
  PASSWORD_MAX_LENGTH,
  type ResetPasswordRequest,
  ROLES,
  type Role,
  type UpdateUserRequest,
} from '@congress/api-types';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';
import { OptionalNonNull, OptionalNullable } from '../../organisation/dto/common.dto';
import { IsChinesePhone, USERNAME_PATTERN, USERNAME_RULE } from '../contact-format';

export class AdminUserDto implements AdminUser {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'delegate01' }) username: string;
  @ApiProperty({ example: '张伟' }) displayName: string;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: Role[];
  @ApiProperty({ enum: LANGUAGES }) language: Language;
  @ApiProperty() active: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) delegationId: string | null;
  @ApiProperty({ enum: AUTH_SOURCES }) authSource: AuthSource;
  @ApiProperty({ type: String, nullable: true, description: 'The id at the single sign-on' }) externalId: string | null;
  @ApiProperty({ description: 'False until a password is set (imported or SSO-only accounts)' }) hasPassword: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty() version: number;
}

export class AdminUserPageDto {
  @ApiProperty({ type: [AdminUserDto] }) items: AdminUserDto[];
  @ApiProperty() total: number;
}

class UserFields {
  @ApiPropertyOptional({ type: String, nullable: true })
  @OptionalNullable()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '13812345678' })
  @OptionalNullable()
  @IsChinesePhone()
  phone?: string | null;

  @ApiPropertyOptional({ enum: LANGUAGES })
  @OptionalNonNull()
  @IsIn(LANGUAGES)
  language?: Language;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @OptionalNullable()
  @IsUUID()
  delegationId?: string | null;

  @ApiPropertyOptional()
  @OptionalNonNull()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ enum: AUTH_SOURCES })
  @OptionalNonNull()
  @IsIn(AUTH_SOURCES)
  authSource?: AuthSource;

  @ApiPropertyOptional({ type: String, nullable: true })
  @OptionalNullable()
  @IsString()
  @MaxLength(200)
  externalId?: string | null;
}

export class CreateUserDto extends UserFields implements CreateUserRequest {
  @ApiProperty({ example: 'delegate13' })
  @IsString()
  @Matches(USERNAME_PATTERN, { message: `username: ${USERNAME_RULE}` })
  username: string;

  @ApiProperty({ example: '张伟' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  displayName: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray()
  @ArrayUnique()
  @IsIn(ROLES, { each: true, message: `each role must be one of ${ROLES.join(', ')}` })
  roles: Role[];

  @ApiPropertyOptional({ description: 'At least 8 characters with letters and digits; without one the account cannot log in yet' })
  @OptionalNonNull()
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password?: string;
}

export class UpdateUserDto extends UserFields implements UpdateUserRequest {
  @ApiPropertyOptional()
  @OptionalNonNull()
  @IsString()
  @Matches(USERNAME_PATTERN, { message: `username: ${USERNAME_RULE}` })
  username?: string;

  @ApiPropertyOptional({ example: '张伟' })
  @OptionalNonNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  displayName?: string;

  @ApiPropertyOptional({ enum: ROLES, isArray: true })
  @OptionalNonNull()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES, { each: true, message: `each role must be one of ${ROLES.join(', ')}` })
  roles?: Role[];

  @ApiProperty({ description: 'The version you read; a stale one answers 409' })
  @IsInt()
  @Min(1)
  version: number;
}

export class ResetPasswordDto implements ResetPasswordRequest {
  @ApiProperty({ description: 'At least 8 characters with letters and digits' })
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;
}

class DirectoryDelegationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) nameEn: string | null;
}

export class DirectoryUserDto implements DirectoryUser {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ type: DirectoryDelegationDto, nullable: true }) delegation: DirectoryDelegationDto | null;
}

export class DirectoryPageDto {
  @ApiProperty({ type: [DirectoryUserDto] }) items: DirectoryUserDto[];
  @ApiProperty() total: number;
}
