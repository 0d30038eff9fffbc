import type { Category, CreateCategoryRequest, UpdateCategoryRequest } from '@congress/api-types';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsNotEmpty, IsString, Max, MaxLength, Min } from 'class-validator';
import { OptionalNonNull, OptionalNullable } from './common.dto';

export class CategoryDto implements Category {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '教学与人才培养' }) name: string;
  @ApiProperty({ type: String, nullable: true, example: 'Teaching and talent development' }) nameEn: string | null;
  @ApiProperty() sortOrder: number;
  @ApiProperty() active: boolean;
  @ApiProperty() version: number;
}

export class CreateCategoryDto implements CreateCategoryRequest {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(100) name: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @OptionalNullable() @IsString() @MaxLength(200) nameEn?: string | null;
  @ApiPropertyOptional() @OptionalNonNull() @IsInt() @Min(0) @Max(10000) sortOrder?: number;
  @ApiPropertyOptional() @OptionalNonNull() @IsBoolean() active?: boolean;
}

export class UpdateCategoryDto implements UpdateCategoryRequest {
  @ApiPropertyOptional() @OptionalNonNull() @IsString() @IsNotEmpty() @MaxLength(100) name?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @OptionalNullable() @IsString() @MaxLength(200) nameEn?: string | null;
  @ApiPropertyOptional() @OptionalNonNull() @IsInt() @Min(0) @Max(10000) sortOrder?: number;
  @ApiPropertyOptional() @OptionalNonNull() @IsBoolean() active?: boolean;
  @ApiProperty({ description: 'The version you read; a stale one answers 409' }) @IsInt() @Min(1) version: number;
}
