import { LANGUAGES, type Language, type LoginResponse, type Me, ROLES, type Role } from '@congress/api-types';
import { ApiProperty } from '@nestjs/swagger';

export class MeDto implements Me {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'delegate01' }) username: string;
  @ApiProperty({ example: '张伟' }) displayName: string;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: Role[];
  @ApiProperty({ enum: LANGUAGES }) language: Language;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) delegationId: string | null;
  @ApiProperty({ type: [String], description: 'Departments the user works for as handler or head' })
  departmentIds: string[];
  @ApiProperty({ type: [String], description: 'Departments the user heads' }) headOfDepartmentIds: string[];
  @ApiProperty({ type: [String], description: 'Departments in the charge of the user (leader)' })
  leaderOfDepartmentIds: string[];
  @ApiProperty({ type: [String], description: 'Delegations the user heads' }) headOfDelegationIds: string[];
}

export class LoginResponseDto implements LoginResponse {
  @ApiProperty({ description: 'A JWT; send it as `Authorization: Bearer <accessToken>`' }) accessToken: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ type: MeDto }) user: MeDto;
}
