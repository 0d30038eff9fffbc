import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.service';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import {
  NotificationItemDto,
  NotificationListQueryDto,
  NotificationLogPageDto,
  NotificationLogQueryDto,
  NotificationPageDto,
  ReadAllResponseDto,
} from './dto/notification.dto';
import { NotificationsService } from './notifications.service';

/** The in-app inbox (everyone signed in) and the notification log (committee, admin). Reading never acts. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({ summary: 'My inbox, newest first, with the unread count' })
  @ApiOkResponse({ type: NotificationPageDto })
  inbox(@CurrentUser() user: AuthUser, @Query() q: NotificationListQueryDto): Promise<NotificationPageDto> {
    return this.notifications.inbox(user.id, q);
  }

  @Get('log')
  @Roles('committee', 'admin')
  @ApiOperation({ summary: 'The notification log: what went to whom, when, on which channel, with what result' })
  @ApiOkResponse({ type: NotificationLogPageDto })
  @ApiForbiddenResponse({ description: 'Not committee or admin' })
  log(@Query() q: NotificationLogQueryDto): Promise<NotificationLogPageDto> {
    return this.notifications.logPage(q);
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark every notification of my inbox read' })
  @ApiOkResponse({ type: ReadAllResponseDto })
  readAll(@CurrentUser() user: AuthUser): Promise<ReadAllResponseDto> {
    return this.notifications.markAllRead(user.id);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark one notification of my inbox read' })
  @ApiOkResponse({ type: NotificationItemDto })
  @ApiNotFoundResponse({ description: 'Not a notification of mine' })
  read(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<NotificationItemDto> {
    return this.notifications.markRead(user.id, id);
  }
}
