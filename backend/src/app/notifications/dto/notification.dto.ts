import {
  DELIVERY_CHANNELS,
  DELIVERY_STATUSES,
  type DeliveryChannel,
  type DeliveryStatus,
  type NotificationItem,
  type NotificationKind,
  type NotificationListQuery,
  type NotificationLogEntry,
  type NotificationLogPage,
  type NotificationLogQuery,
  type NotificationPage,
  type ReadAllResponse,
} from '@congress/api-types';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { UserRefDto } from '../../organisation/dto/common.dto';

const toBool = ({ value }: { value: unknown }) =>
  value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value;
const nullableDate = { type: String, format: 'date-time', nullable: true } as const;

export class NotificationListQueryDto implements NotificationListQuery {
  @ApiPropertyOptional({ minimum: 1, default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) page?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) pageSize?: number;
  @ApiPropertyOptional({ description: 'Only unread ones' }) @IsOptional() @Transform(toBool) @IsBoolean() unreadOnly?: boolean;
}

export class NotificationLogQueryDto implements NotificationLogQuery {
  @ApiPropertyOptional({ minimum: 1, default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) page?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize?: number;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() proposalId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() recipientId?: string;
  @ApiPropertyOptional({ enum: DELIVERY_CHANNELS }) @IsOptional() @IsIn(DELIVERY_CHANNELS) channel?: DeliveryChannel;
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES }) @IsOptional() @IsIn(DELIVERY_STATUSES) status?: DeliveryStatus;
}

export class NotificationItemDto implements NotificationItem {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['notice', 'reminder'] }) kind: NotificationKind;
  @ApiProperty({ example: 'handlingDue', description: 'The notice or reminder name of the workflow' }) topic: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) proposalId: string | null;
  @ApiProperty() title: string;
  @ApiProperty() body: string;
  @ApiProperty({ type: String, nullable: true, example: '/proposals/6f1f7a8e-7d0c-4d8e-9a59-1c1f2a3b4c5d' }) link: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty(nullableDate) readAt: string | null;
}

export class NotificationPageDto implements NotificationPage {
  @ApiProperty({ type: [NotificationItemDto] }) items: NotificationItemDto[];
  @ApiProperty() total: number;
  @ApiProperty({ description: 'Unread in the whole inbox' }) unread: number;
}

export class ReadAllResponseDto implements ReadAllResponse {
  @ApiProperty() updated: number;
  @ApiProperty() unread: number;
}

export class NotificationLogEntryDto implements NotificationLogEntry {
  @ApiProperty() id: string;
  @ApiProperty() notificationId: string;
  @ApiProperty({ enum: ['notice', 'reminder'] }) kind: NotificationKind;
  @ApiProperty() topic: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) proposalId: string | null;
  @ApiProperty() title: string;
  @ApiProperty({ type: UserRefDto }) recipient: UserRefDto;
  @ApiProperty({ enum: DELIVERY_CHANNELS }) channel: DeliveryChannel;
  @ApiProperty({ type: String, nullable: true }) address: string | null;
  @ApiProperty({ enum: DELIVERY_STATUSES }) status: DeliveryStatus;
  @ApiProperty() attempts: number;
  @ApiProperty({ type: String, nullable: true }) lastError: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty(nullableDate) sentAt: string | null;
  @ApiProperty(nullableDate) readAt: string | null;
}

export class NotificationLogPageDto implements NotificationLogPage {
  @ApiProperty({ type: [NotificationLogEntryDto] }) items: NotificationLogEntryDto[];
  @ApiProperty() total: number;
}
