import type {
  AdminDepartment,
  CreateDepartmentRequest,
  Department,
  DepartmentMembersRequest,
  UpdateDepartmentRequest,
} from '@congress/api-types';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsNotEmpty, IsString, IsUUID, Matches, MaxLength, Min } from 'class-validator';
import { CODE_MESSAGE, CODE_PATTERN, OptionalNonNull, OptionalNullable, UserRefDto } from './common.dto';

export class DepartmentDto implements Department {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'jwc' }) code: string;
  @ApiProperty({ example: '教务处' }) name: string;
  @ApiProperty({ type: String, nullable: true, example: 'Office of Academic Affairs' }) nameEn: string | null;
  @ApiProperty({ type: UserRefDto, nullable: true, description: 'The leader in charge (分管校领导)' })
  leader: UserRefDto | null;
}

export class AdminDepartmentDto extends DepartmentDto implements AdminDepartment {
  @ApiProperty() active: boolean;
  @ApiProperty({ type: [UserRefDto] }) handlers: UserRefDto[];
  @ApiProperty({ type: [UserRefDto] }) heads: UserRefDto[];
  @ApiProperty() version: number;
}

export class CreateDepartmentDto implements CreateDepartmentRequest {
  @ApiProperty({ example: 'jwc' })
  @IsString()
  @Matches(CODE_PATTERN, { message: CODE_MESSAGE })
  code: string;

  @ApiProperty({ example: '教务处' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @OptionalNullable()
  @IsString()
  @MaxLength(200)
  nameEn?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'The leader in charge; gets the role leader' })
  @OptionalNullable()
  @IsUUID()
  leaderId?: string | null;
}

export class UpdateDepartmentDto implements UpdateDepartmentRequest {
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
  leaderId?: string | null;

  @ApiPropertyOptional()
  @OptionalNonNull()
  @IsBoolean()
  active?: boolean;

  @ApiProperty({ description: 'The version you read; a stale one answers 409' })
  @IsInt()
  @Min(1)
  version: number;
}

export class DepartmentMembersDto implements DepartmentMembersRequest {
  @ApiProperty({ type: [String], description: 'Handlers (承办人); they get the role handler' })
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  handlerIds: string[];

  @ApiProperty({ type: [String], description: 'Heads (部门负责人); they get the role dept_head' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  headIds: string[];
}
