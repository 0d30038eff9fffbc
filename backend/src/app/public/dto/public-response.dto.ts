import type {
  Page,
  PublicNamed,
  PublicProposal,
  PublicProposalSummary,
  PublicReply,
  PublicResponseTimeRow,
  PublicSession,
} from '@congress/api-types';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/**
 * OpenAPI schemas of the public portal's answers: each implements its type of @congress/api-types and names
 * every field it discloses (public-proposals.service.ts says what may and may not be shown).
 */

const GRADES = ['A', 'B', 'C'] as const;
const EVALUATIONS = ['satisfied', 'basicallySatisfied', 'unsatisfied', 'none'] as const;
const nullableDate = { type: String, format: 'date-time', nullable: true } as const;

export class PublicSessionDto implements PublicSession {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '第五届教职工代表大会第三次会议' }) title: string;
  @ApiProperty({ type: String, nullable: true }) titleEn: string | null;
  @ApiProperty() year: number;
  @ApiProperty({ description: '届' }) term: number;
  @ApiProperty({ description: '次' }) meeting: number;
  @ApiProperty() isCurrent: boolean;
  @ApiProperty({ description: 'How many of its proposals are published' }) publishedCount: number;
}

export class PublicNamedDto implements PublicNamed {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) nameEn: string | null;
}

class PublicSessionRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true }) titleEn: string | null;
  @ApiProperty() year: number;
}

export class PublicProposalSummaryDto implements PublicProposalSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, nullable: true, example: 'P00012' }) number: string | null;
  @ApiProperty() title: string;
  @ApiProperty({ enum: ['proposal', 'suggestion'] }) kind: 'proposal' | 'suggestion';
  @ApiProperty({ example: 'closed' }) state: string;
  @ApiProperty({ type: PublicSessionRefDto }) session: PublicSessionRefDto;
  @ApiProperty({ type: PublicNamedDto, nullable: true }) category: PublicNamedDto | null;
  @ApiProperty({ type: PublicNamedDto, nullable: true, description: '主办单位' }) leadDepartment: PublicNamedDto | null;
  @ApiProperty({ type: [PublicNamedDto], description: '协办单位' }) coDepartments: PublicNamedDto[];
  @ApiProperty({ description: 'Display name only' }) leadProposerName: string;
  @ApiProperty() collective: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'The delegation of a collective proposal' }) delegationName: string | null;
  @ApiProperty({ enum: GRADES, nullable: true, description: 'The grade of the reply in force' }) grade: PublicProposalSummary['grade'];
  @ApiProperty({ enum: EVALUATIONS, nullable: true, description: "The lead proposer's evaluation result (never its comment)" })
  evaluation: PublicProposalSummary['evaluation'];
  @ApiProperty() excellent: boolean;
  @ApiProperty(nullableDate) publishedAt: string | null;
}

export class PublicProposalPageDto implements Page<PublicProposalSummary> {
  @ApiProperty({ type: [PublicProposalSummaryDto] }) items: PublicProposalSummaryDto[];
  @ApiProperty() total: number;
  @ApiPropertyOptional({ description: 'A text search stopped counting at 1,000 matches: there are more than `total`' })
  totalCapped?: boolean;
}

export class PublicReplyDto implements PublicReply {
  @ApiProperty({ type: String, nullable: true }) departmentName: string | null;
  @ApiProperty({ type: String, nullable: true }) departmentNameEn: string | null;
  @ApiProperty() round: number;
  @ApiProperty({ enum: GRADES }) grade: 'A' | 'B' | 'C';
  @ApiProperty() content: string;
  @ApiProperty({ ...nullableDate, description: 'Grade B: when the promise is to be delivered' }) plannedAt: string | null;
  @ApiProperty(nullableDate) repliedAt: string | null;
}

export class PublicProposalDto extends PublicProposalSummaryDto implements PublicProposal {
  @ApiProperty() background: string;
  @ApiProperty() suggestions: string;
  @ApiProperty({ type: [String], description: 'Display names of the confirmed co-signers' }) cosignerNames: string[];
  @ApiProperty({ type: [PublicReplyDto], description: 'Approved replies only' }) replies: PublicReplyDto[];
  @ApiProperty({ description: 'A grade-B promise was delivered' }) promiseFulfilled: boolean;
  @ApiProperty(nullableDate) repliedAt: string | null;
}

export class PublicResponseTimeRowDto implements PublicResponseTimeRow {
  @ApiProperty({ format: 'uuid' }) departmentId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) nameEn: string | null;
  @ApiProperty() assigned: number;
  @ApiProperty() replied: number;
  @ApiProperty() repliedOnTime: number;
  @ApiProperty({ type: Number, nullable: true, description: 'repliedOnTime / replied, 0–1' }) onTimeRate: number | null;
  @ApiProperty() overdueNow: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Median days from assignment to the approved reply' }) medianDaysToReply: number | null;
  @ApiProperty() evaluated: number;
  @ApiProperty({ type: Number, nullable: true, description: '(satisfied + basically satisfied) / evaluated, 0–1' }) satisfactionRate: number | null;
}
