import type {
  CreateDelegationRequest,
  Delegation,
  DelegationDelegatesRequest,
  UpdateDelegationRequest,
} from '@congress/api-types';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsInt, IsNotEmpty, IsString, IsUUID, Matches, MaxLength, Min } from 'class-validator';
import { CODE_MESSAGE, CODE_PATTERN, OptionalNonNull, OptionalNullable, UserRefDto } from './common.dto';

export class DelegationDto implements Delegation {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'wxy' }) code: string;
  @ApiProperty({ example: '文学院代表团' }) name: string;
  @ApiProperty({ type: String, nullable: true }) nameEn: string | null;
  @ApiProperty({ type: UserRefDto, nullable: true, description: '代表团团长' }) head: UserRefDto | null;
  @ApiProperty({ type: [UserRefDto] }) delegates: UserRefDto[];
  @ApiProperty() version: number;
}

export class CreateDelegationDto implements CreateDelegationRequest {
  @ApiProperty({ example: 'wxy' })
  @IsString()
  @Matches(CODE_PATTERN, { message: CODE_MESSAGE })
  code: string;

  @ApiProperty({ example: '文学院代表团' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @OptionalNullable()
  @IsString()
  @MaxLength(200)
  nameEn?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Must be a delegate of this delegation (one without a delegation joins it); gets the role delegation_head',
  })
  @OptionalNullable()
  @IsUUID()
  headId?: string | null;
}

export class UpdateDelegationDto implements UpdateDelegationRequest {
  @ApiPropertyOptional()
  @OptionalNonNull()
  @IsString()
  @Matches(CODE_PATTERN, { message: CODE_MESSAGE })
  code?: string;

  @ApiPropertyOptional()
  @OptionalNonNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @OptionalNullable()
  @IsString()
  @MaxLength(200)
  nameEn?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @OptionalNullable()
  @IsUUID()
  headId?: string | null;

  @ApiProperty({ description: 'The version you read; a stale one answers 409' })
  @IsInt()
  @Min(1)
  version: number;
}

export class DelegationDelegatesDto implements DelegationDelegatesRequest {
  @ApiProperty({
    type: [String],
    description: 'The delegates, all of them: listed users join (from any other delegation) and get the role delegate; others leave',
  })
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  userIds: string[];
}
