import { CONTACT_METHODS, EVENT_TYPES, REPLY_GRADES, SATISFACTIONS, type EventType } from '@congress/workflow';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';

/**
 * The bodies of `POST /api/proposals/:id/events`: `{type, expectedVersion, ...payload}`, one class per payload
 * shape (domain.md, HTTP API). validateEvent() picks the class by `type` and answers 400 with field messages.
 */

const NOT_BLANK = /\S/;
const TEXT_MAX = 20000;
const NOTE_MAX = 2000;

function eventBase(types: readonly EventType[]) {
  class EventBase {
    @ApiProperty({ enum: types, description: 'The event' })
    @IsIn(types as EventType[], { message: `type must be one of ${types.join(', ')}` })
    type: EventType;

    @ApiProperty({ minimum: 1, description: 'The version of the proposal the client saw; 409 when it is stale' })
    @IsInt()
    @Min(1)
    expectedVersion: number;
  }
  return EventBase;
}

export const EMPTY_EVENTS = ['SUBMIT', 'COSIGN', 'PUBLISH', 'UNPUBLISH', 'MARK_EXCELLENT', 'MARK_KEY', 'UNMARK_KEY',
  'COSIGN_DEADLINE', 'EVALUATION_DEADLINE'] as const satisfies readonly EventType[];
export class EmptyEventDto extends eventBase(EMPTY_EVENTS) {}

export const NOTE_EVENTS = ['WITHDRAW', 'DECLINE_COSIGN', 'APPROVE', 'ACCEPT', 'DENY_REASSIGNMENT', 'APPROVE_EXTENSION',
  'DENY_EXTENSION', 'APPROVE_REPLY', 'FULFIL', 'URGE'] as const satisfies readonly EventType[];
export class NoteEventDto extends eventBase(NOTE_EVENTS) {
  @ApiPropertyOptional({ maxLength: NOTE_MAX }) @IsOptional() @IsString() @MaxLength(NOTE_MAX) comment?: string;
}

export const COMMENT_REQUIRED_EVENTS = ['RETURN', 'SEND_BACK', 'REHANDLE'] as const satisfies readonly EventType[];
export class CommentRequiredEventDto extends eventBase(COMMENT_REQUIRED_EVENTS) {
  @ApiProperty({ maxLength: NOTE_MAX, description: 'Why (the proposer or department reads it)' })
  @IsString() @Matches(NOT_BLANK, { message: 'comment must say why' }) @MaxLength(NOTE_MAX) comment: string;
}

export const REASON_EVENTS = ['REJECT', 'CONVERT', 'CLOSE', 'REQUEST_REASSIGNMENT'] as const satisfies readonly EventType[];
export class ReasonEventDto extends eventBase(REASON_EVENTS) {
  @ApiProperty({ maxLength: NOTE_MAX })
  @IsString() @Matches(NOT_BLANK, { message: 'reason must be given' }) @MaxLength(NOTE_MAX) reason: string;
}

export class MergeEventDto extends eventBase(['MERGE']) {
  @ApiProperty({ format: 'uuid', description: 'The proposal this one is merged into' }) @IsUUID() targetId: string;
}

export class ClassifyEventDto extends eventBase(['CLASSIFY']) {
  @ApiProperty({ format: 'uuid' }) @IsUUID() categoryId: string;
}

export class AssignEventDto extends eventBase(['ASSIGN', 'REASSIGN']) {
  @ApiProperty({ format: 'uuid', description: '主办 department' }) @IsUUID() leadDepartmentId: string;
  @ApiPropertyOptional({ type: [String], format: 'uuid', description: '协办 departments' })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @IsUUID('all', { each: true }) coDepartmentIds?: string[];
  @ApiPropertyOptional({ format: 'date-time', description: 'Overrides the handling period of the session rules' })
  @IsOptional() @IsISO8601({ strict: true }) dueAt?: string;
}

export class RequestExtensionEventDto extends eventBase(['REQUEST_EXTENSION']) {
  @ApiProperty({ format: 'date-time', description: 'The due date asked for' }) @IsISO8601({ strict: true }) dueAt: string;
  @ApiProperty({ maxLength: NOTE_MAX })
  @IsString() @Matches(NOT_BLANK, { message: 'reason must be given' }) @MaxLength(NOTE_MAX) reason: string;
}

export class ContentEventDto extends eventBase(['CONTRIBUTE', 'PROGRESS_UPDATE']) {
  @ApiProperty({ maxLength: TEXT_MAX })
  @IsString() @Matches(NOT_BLANK, { message: 'content must not be empty' }) @MaxLength(TEXT_MAX) content: string;
}

export class CommentEventDto extends eventBase(['COMMENT']) {
  @ApiProperty({ maxLength: TEXT_MAX })
  @IsString() @Matches(NOT_BLANK, { message: 'content must not be empty' }) @MaxLength(TEXT_MAX) content: string;
  @ApiPropertyOptional({ description: 'Internal to the committee (committee members only); default shared' })
  @IsOptional() @IsBoolean() internal?: boolean;
}

export class LogContactEventDto extends eventBase(['LOG_CONTACT']) {
  @ApiProperty({ enum: CONTACT_METHODS }) @IsIn(CONTACT_METHODS as string[]) method: string;
  @ApiProperty({ maxLength: TEXT_MAX })
  @IsString() @Matches(NOT_BLANK, { message: 'content must say what was discussed' }) @MaxLength(TEXT_MAX) content: string;
  @ApiProperty({ format: 'date-time' }) @IsISO8601({ strict: true }) contactedAt: string;
}

export class ContactAnswerEventDto extends eventBase(['CONFIRM_CONTACT', 'DISPUTE_CONTACT']) {
  @ApiProperty({ format: 'uuid', description: 'The logged contact answered' }) @IsUUID() contactId: string;
  @ApiPropertyOptional({ maxLength: NOTE_MAX }) @IsOptional() @IsString() @MaxLength(NOTE_MAX) comment?: string;
}

export class SubmitReplyEventDto extends eventBase(['SUBMIT_REPLY']) {
  @ApiProperty({ enum: REPLY_GRADES, description: 'A solved, B being solved or planned, C cannot be solved now' })
  @IsIn(REPLY_GRADES as string[]) grade: 'A' | 'B' | 'C';
  @ApiProperty({ maxLength: TEXT_MAX })
  @IsString() @Matches(NOT_BLANK, { message: 'content must not be empty' }) @MaxLength(TEXT_MAX) content: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Required for grade B' })
  @ValidateIf((o: SubmitReplyEventDto) => o.grade === 'B' || o.plannedAt !== undefined)
  @IsISO8601({ strict: true }, { message: 'plannedAt is required for a grade-B reply, as an ISO 8601 date' })
  plannedAt?: string;
}

export class EvaluateEventDto extends eventBase(['EVALUATE']) {
  @ApiProperty({ enum: SATISFACTIONS }) @IsIn(SATISFACTIONS as string[]) satisfaction: string;
  @ApiPropertyOptional({ maxLength: NOTE_MAX }) @IsOptional() @IsString() @MaxLength(NOTE_MAX) comment?: string;
}

export const EVENT_DTOS = [
  EmptyEventDto,
  NoteEventDto,
  CommentRequiredEventDto,
  ReasonEventDto,
  MergeEventDto,
  ClassifyEventDto,
  AssignEventDto,
  RequestExtensionEventDto,
  ContentEventDto,
  CommentEventDto,
  LogContactEventDto,
  ContactAnswerEventDto,
  SubmitReplyEventDto,
  EvaluateEventDto,
] as const;

type EventDtoClass = (typeof EVENT_DTOS)[number];

const byType = new Map<EventType, EventDtoClass>();
for (const [cls, types] of [
  [EmptyEventDto, EMPTY_EVENTS],
  [NoteEventDto, NOTE_EVENTS],
  [CommentRequiredEventDto, COMMENT_REQUIRED_EVENTS],
  [ReasonEventDto, REASON_EVENTS],
  [MergeEventDto, ['MERGE']],
  [ClassifyEventDto, ['CLASSIFY']],
  [AssignEventDto, ['ASSIGN', 'REASSIGN']],
  [RequestExtensionEventDto, ['REQUEST_EXTENSION']],
  [ContentEventDto, ['CONTRIBUTE', 'PROGRESS_UPDATE']],
  [CommentEventDto, ['COMMENT']],
  [LogContactEventDto, ['LOG_CONTACT']],
  [ContactAnswerEventDto, ['CONFIRM_CONTACT', 'DISPUTE_CONTACT']],
  [SubmitReplyEventDto, ['SUBMIT_REPLY']],
  [EvaluateEventDto, ['EVALUATE']],
] as const) {
  for (const t of types) byType.set(t, cls);
}

// Every event type has a body class.
for (const t of EVENT_TYPES) if (!byType.has(t)) throw new Error(`event.dto.ts: no body class for ${t}`);

export function eventDtoFor(type: EventType): EventDtoClass {
  return byType.get(type) as EventDtoClass;
}

/** An event request once validated: type, expectedVersion and the payload fields of its type. */
export type EventBody = { type: EventType; expectedVersion: number } & Record<string, unknown>;
