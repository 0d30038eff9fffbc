import type {
  AttachmentInfo,
  Page,
  ProposalComment,
  ProposalContact,
  ProposalContribution,
  ProposalCosigner,
  ProposalDetail,
  ProposalEvaluation,
  ProposalHistoryEntry,
  ProposalReply,
  ProposalRequestRecord,
  ProposalSummary,
  SimilarProposal,
} from '@congress/api-types';
import { PROPOSAL_STATES } from '@congress/workflow';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { UserRefDto } from '../../organisation/dto/common.dto';

/** OpenAPI schemas of the proposals API's answers; each implements its type of @congress/api-types. */

const nullableDate = { type: String, format: 'date-time', nullable: true } as const;
const uuid = { format: 'uuid' } as const;

export class ProposalSummaryDto implements ProposalSummary {
  @ApiProperty(uuid) id: string;
  @ApiProperty(uuid) sessionId: string;
  @ApiProperty({ enum: ['proposal', 'suggestion'] }) kind: 'proposal' | 'suggestion';
  @ApiProperty() collective: boolean;
  @ApiProperty() title: string;
  @ApiProperty({ enum: PROPOSAL_STATES, description: 'Nested states as handling.drafting' }) state: string;
  @ApiProperty({ description: 'Send it back as expectedVersion' }) version: number;
  @ApiProperty({ type: String, nullable: true, example: '2026-007' }) number: string | null;
  @ApiProperty({ type: UserRefDto }) leadProposer: UserRefDto;
  @ApiProperty({ type: String, nullable: true, ...uuid }) categoryId: string | null;
  @ApiProperty({ type: String, nullable: true, ...uuid }) leadDepartmentId: string | null;
  @ApiProperty({ type: [String] }) coDepartmentIds: string[];
  @ApiProperty(nullableDate) dueAt: string | null;
  @ApiProperty() overdue: boolean;
  @ApiProperty() isKey: boolean;
  @ApiProperty() excellent: boolean;
  @ApiProperty() published: boolean;
  @ApiProperty(nullableDate) submittedAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class ProposalPageDto implements Page<ProposalSummary> {
  @ApiProperty({ type: [ProposalSummaryDto] }) items: ProposalSummaryDto[];
  @ApiProperty() total: number;
  @ApiPropertyOptional({ description: 'A text search stopped counting at 1,000 matches: there are more than `total`' })
  totalCapped?: boolean;
}

export class CosignerDto implements ProposalCosigner {
  @ApiProperty({ type: UserRefDto }) user: UserRefDto;
  @ApiProperty({ enum: ['invited', 'confirmed', 'declined'] }) status: 'invited' | 'confirmed' | 'declined';
  @ApiProperty({ enum: ['invited', 'open', 'merge'] }) source: 'invited' | 'open' | 'merge';
  @ApiProperty(nullableDate) respondedAt: string | null;
}

export class ReplyDto implements ProposalReply {
  @ApiProperty(uuid) id: string;
  @ApiProperty() round: number;
  @ApiProperty(uuid) departmentId: string;
  @ApiProperty({ type: UserRefDto }) author: UserRefDto;
  @ApiProperty({ enum: ['A', 'B', 'C'] }) grade: 'A' | 'B' | 'C';
  @ApiProperty() content: string;
  @ApiProperty(nullableDate) plannedAt: string | null;
  @ApiProperty({ enum: ['pending', 'sentBack', 'approved'] }) status: 'pending' | 'sentBack' | 'approved';
  @ApiProperty({ type: String, nullable: true }) decisionComment: string | null;
  @ApiProperty(nullableDate) decidedAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class ContributionDto implements ProposalContribution {
  @ApiProperty(uuid) id: string;
  @ApiProperty() round: number;
  @ApiProperty(uuid) departmentId: string;
  @ApiProperty({ type: UserRefDto }) author: UserRefDto;
  @ApiProperty() content: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class ContactDto implements ProposalContact {
  @ApiProperty(uuid) id: string;
  @ApiProperty(uuid) departmentId: string;
  @ApiProperty({ type: UserRefDto }) loggedBy: UserRefDto;
  @ApiProperty() method: string;
  @ApiProperty() content: string;
  @ApiProperty({ format: 'date-time' }) contactedAt: string;
  @ApiProperty({ enum: ['pending', 'confirmed', 'disputed'] }) status: 'pending' | 'confirmed' | 'disputed';
  @ApiProperty({ type: String, nullable: true }) proposerComment: string | null;
  @ApiProperty(nullableDate) answeredAt: string | null;
}

export class EvaluationDto implements ProposalEvaluation {
  @ApiProperty(uuid) id: string;
  @ApiProperty() round: number;
  @ApiProperty({ type: UserRefDto }) evaluator: UserRefDto;
  @ApiProperty({ enum: ['lead', 'cosigner'] }) role: 'lead' | 'cosigner';
  @ApiProperty({ enum: ['satisfied', 'basicallySatisfied', 'unsatisfied'] }) satisfaction: ProposalEvaluation['satisfaction'];
  @ApiProperty({ type: String, nullable: true }) comment: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class CommentDto implements ProposalComment {
  @ApiProperty(uuid) id: string;
  @ApiProperty({ type: UserRefDto }) author: UserRefDto;
  @ApiProperty({ enum: ['comment', 'progress'] }) kind: 'comment' | 'progress';
  @ApiProperty({ description: 'Internal comments reach the committee only' }) internal: boolean;
  @ApiProperty() content: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class RequestDto implements ProposalRequestRecord {
  @ApiProperty(uuid) id: string;
  @ApiProperty({ enum: ['extension', 'reassignment'] }) kind: 'extension' | 'reassignment';
  @ApiProperty({ type: String, nullable: true, ...uuid }) departmentId: string | null;
  @ApiProperty({ type: UserRefDto }) requestedBy: UserRefDto;
  @ApiProperty() reason: string;
  @ApiProperty(nullableDate) requestedDueAt: string | null;
  @ApiProperty({ type: Number, nullable: true }) extensionDays: number | null;
  @ApiProperty({ enum: ['pending', 'approved', 'denied', 'lapsed'] }) status: 'pending' | 'approved' | 'denied' | 'lapsed';
  @ApiProperty({ type: String, nullable: true }) decisionComment: string | null;
  @ApiProperty(nullableDate) decidedAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class AttachmentInfoDto implements AttachmentInfo {
  @ApiProperty(uuid) id: string;
  @ApiProperty() fileName: string;
  @ApiProperty({ description: 'Decided from the content, not the name' }) mimeType: string;
  @ApiProperty() size: number;
  @ApiProperty({ type: String, nullable: true, ...uuid }) replyId: string | null;
  @ApiProperty(uuid) uploadedBy: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class ProposalDetailDto extends ProposalSummaryDto implements ProposalDetail {
  @ApiProperty() background: string;
  @ApiProperty() suggestions: string;
  @ApiProperty({ type: String, nullable: true, ...uuid }) suggestedCategoryId: string | null;
  @ApiProperty({ type: [String] }) suggestedDepartmentIds: string[];
  @ApiProperty({ type: String, nullable: true, description: 'Only for the proposer, the committee and the assigned departments' })
  contactPhone: string | null;
  @ApiProperty({ type: String, nullable: true, ...uuid }) delegationId: string | null;
  @ApiProperty({ type: String, nullable: true, ...uuid }) mergedIntoId: string | null;
  @ApiProperty({ type: String, nullable: true }) evaluation: string | null;
  @ApiProperty(nullableDate) acceptedAt: string | null;
  @ApiProperty(nullableDate) assignedAt: string | null;
  @ApiProperty(nullableDate) repliedAt: string | null;
  @ApiProperty(nullableDate) closedAt: string | null;
  @ApiProperty(nullableDate) fulfilledAt: string | null;
  @ApiProperty(nullableDate) cosignDeadline: string | null;
  @ApiProperty(nullableDate) evaluationDeadline: string | null;
  @ApiProperty(nullableDate) reassignWindowEndsAt: string | null;
  @ApiProperty() rehandleCount: number;
  @ApiProperty({ type: [String], description: 'Event types the caller may send now' }) availableEvents: string[];
  @ApiProperty({ type: [CosignerDto] }) cosigners: CosignerDto[];
  @ApiProperty({ type: [ReplyDto] }) replies: ReplyDto[];
  @ApiProperty({ type: [ContributionDto] }) contributions: ContributionDto[];
  @ApiProperty({ type: [ContactDto] }) contacts: ContactDto[];
  @ApiProperty({ type: [EvaluationDto] }) evaluations: EvaluationDto[];
  @ApiProperty({ type: [CommentDto] }) comments: CommentDto[];
  @ApiProperty({ type: [RequestDto] }) requests: RequestDto[];
  @ApiProperty({ type: [AttachmentInfoDto] }) attachments: AttachmentInfoDto[];
}

export class HistoryEntryDto implements ProposalHistoryEntry {
  @ApiProperty() seq: number;
  @ApiProperty({ type: String, nullable: true }) from: string | null;
  @ApiProperty() to: string;
  @ApiProperty({ description: 'An event type, or CREATE / EDIT / DELETE / INVITE_COSIGNERS / REMOVE_COSIGNER / MERGED_IN' })
  event: string;
  @ApiProperty({ type: UserRefDto, nullable: true, description: 'null for the system (deadlines)' }) actor: UserRefDto | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) payload: Record<string, unknown>;
  @ApiProperty({ type: String, nullable: true }) comment: string | null;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ description: 'sha256 chained to the previous record' }) hash: string;
}

class SimilarReplyDto {
  @ApiProperty({ enum: ['A', 'B', 'C'] }) grade: 'A' | 'B' | 'C';
  @ApiProperty() content: string;
  @ApiProperty(nullableDate) repliedAt: string | null;
}

export class SimilarProposalDto implements SimilarProposal {
  @ApiProperty(uuid) id: string;
  @ApiProperty(uuid) sessionId: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true }) number: string | null;
  @ApiProperty() state: string;
  @ApiProperty({ description: '0–1, higher is more similar' }) score: number;
  @ApiPropertyOptional({ type: SimilarReplyDto, nullable: true }) reply: SimilarReplyDto | null;
}
