import { type DayCounting, type PeriodRuleName, type SessionRulesInput, type SessionRulesView } from '@congress/api-types';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, Max, Min, ValidateNested } from 'class-validator';
import { OptionalNonNull } from './common.dto';

const COUNTING = ['working', 'calendar'] as const;
const OUTCOMES = ['none', 'satisfied', 'basicallySatisfied'] as const;
const countingMessage = { message: '$property must be "working" or "calendar"' };

/** How each period counts (omitted ones keep their value). */
export class DayCountingDto implements Partial<Record<PeriodRuleName, DayCounting>> {
  @ApiPropertyOptional({ enum: COUNTING }) @OptionalNonNull() @IsIn(COUNTING, countingMessage) cosignWindowDays?: DayCounting;
  @ApiPropertyOptional({ enum: COUNTING }) @OptionalNonNull() @IsIn(COUNTING, countingMessage) reviewTargetDays?: DayCounting;
  @ApiPropertyOptional({ enum: COUNTING }) @OptionalNonNull() @IsIn(COUNTING, countingMessage) reassignmentWindowDays?: DayCounting;
  @ApiPropertyOptional({ enum: COUNTING }) @OptionalNonNull() @IsIn(COUNTING, countingMessage) handlingDays?: DayCounting;
  @ApiPropertyOptional({ enum: COUNTING }) @OptionalNonNull() @IsIn(COUNTING, countingMessage) maxExtensionDays?: DayCounting;
  @ApiPropertyOptional({ enum: COUNTING }) @OptionalNonNull() @IsIn(COUNTING, countingMessage) evaluationWindowDays?: DayCounting;
}

/** Period: a whole number of days, 1–365. */
const Days = () => (target: object, key: string) => {
  OptionalNonNull()(target, key);
  IsInt({ message: `${key} must be a whole number of days` })(target, key);
  Min(1)(target, key);
  Max(365)(target, key);
};
/** Count that may be 0 ("none"). */
const Count = (max: number) => (target: object, key: string) => {
  OptionalNonNull()(target, key);
  IsInt({ message: `${key} must be a whole number` })(target, key);
  Min(0)(target, key);
  Max(max)(target, key);
};
const Flag = () => (target: object, key: string) => {
  OptionalNonNull()(target, key);
  IsBoolean()(target, key);
};

/** A session's rules, any subset: omitted rules keep their current value (the defaults of domain.md at first). */
export class SessionRulesDto implements SessionRulesInput {
  @ApiPropertyOptional({ description: 'Confirmed co-signers needed before review (default 2)', minimum: 0, maximum: 50 })
  @Count(50) minCosigners?: number;
  @ApiPropertyOptional({ description: 'Co-sign window after SUBMIT (default 7)' }) @Days() cosignWindowDays?: number;
  @ApiPropertyOptional({ description: 'Committee review target (default 15)' }) @Days() reviewTargetDays?: number;
  @ApiPropertyOptional({ description: 'Reassignment request window after ASSIGN (default 5)' }) @Days() reassignmentWindowDays?: number;
  @ApiPropertyOptional({ description: 'Handling period: dueAt = ASSIGN + this (default 60)' }) @Days() handlingDays?: number;
  @ApiPropertyOptional({ description: 'Extensions in total, at most (default 60; 0 = none)', minimum: 0, maximum: 365 })
  @Count(365) maxExtensionDays?: number;
  @ApiPropertyOptional({ description: 'Delegation head approves before the committee (default false)' }) @Flag() delegationApproval?: boolean;
  @ApiPropertyOptional({ description: 'Leader in charge signs replies off (default false)' }) @Flag() leaderSignoff?: boolean;
  @ApiPropertyOptional({ description: 'Committee checks replies (default false)' }) @Flag() committeeReplyCheck?: boolean;
  @ApiPropertyOptional({ description: 'A reply needs a contact the proposer confirmed (default false)' }) @Flag() requireConfirmedContact?: boolean;
  @ApiPropertyOptional({ description: 'Evaluation window after the reply (default 15)' }) @Days() evaluationWindowDays?: number;
  @ApiPropertyOptional({ enum: OUTCOMES, description: 'Evaluation recorded when the window passes (default none)' })
  @OptionalNonNull()
  @IsIn(OUTCOMES)
  unevaluatedOutcome?: SessionRulesView['unevaluatedOutcome'];
  @ApiPropertyOptional({ description: 'Re-handling allowed this many times (default 1)', minimum: 0, maximum: 10 })
  @Count(10) maxRehandle?: number;

  @ApiPropertyOptional({ type: DayCountingDto })
  @OptionalNonNull()
  @ValidateNested()
  @Type(() => DayCountingDto)
  dayCounting?: DayCountingDto;
}

class DayCountingViewDto {
  @ApiProperty({ enum: COUNTING }) cosignWindowDays: DayCounting;
  @ApiProperty({ enum: COUNTING }) reviewTargetDays: DayCounting;
  @ApiProperty({ enum: COUNTING }) reassignmentWindowDays: DayCounting;
  @ApiProperty({ enum: COUNTING }) handlingDays: DayCounting;
  @ApiProperty({ enum: COUNTING }) maxExtensionDays: DayCounting;
  @ApiProperty({ enum: COUNTING }) evaluationWindowDays: DayCounting;
}

/** The complete rules of a session, as answered. */
export class SessionRulesViewDto implements SessionRulesView {
  @ApiProperty() minCosigners: number;
  @ApiProperty() cosignWindowDays: number;
  @ApiProperty() reviewTargetDays: number;
  @ApiProperty() reassignmentWindowDays: number;
  @ApiProperty() handlingDays: number;
  @ApiProperty() maxExtensionDays: number;
  @ApiProperty() delegationApproval: boolean;
  @ApiProperty() leaderSignoff: boolean;
  @ApiProperty() committeeReplyCheck: boolean;
  @ApiProperty() requireConfirmedContact: boolean;
  @ApiProperty() evaluationWindowDays: number;
  @ApiProperty({ enum: OUTCOMES }) unevaluatedOutcome: SessionRulesView['unevaluatedOutcome'];
  @ApiProperty() maxRehandle: number;
  @ApiProperty({ type: DayCountingViewDto }) dayCounting: DayCountingViewDto;
}
