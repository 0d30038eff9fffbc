import { Body, Controller, Get, HttpCode, HttpStatus, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.service';
import { ChangesAuthFacts } from '../auth/auth-facts-changed';
import { CurrentUser } from '../auth/current-user.decorator';
import { AdminApi, IdParam } from '../auth/roles.decorator';
import { DirectoryQueryDto, UserListQueryDto } from './dto/user-query.dto';
import { AdminUserDto, AdminUserPageDto, CreateUserDto, DirectoryPageDto, ResetPasswordDto, UpdateUserDto } from './dto/user.dto';
import { UsersService } from './users.service';

@AdminApi('users')
@ChangesAuthFacts()
@Controller('admin/users')
export class AdminUsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'Users, filtered by q (username, name, e-mail), role, delegation, active; paged' })
  @ApiOkResponse({ type: AdminUserPageDto })
  list(@Query() query: UserListQueryDto) {
    return this.users.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: AdminUserDto })
  @ApiNotFoundResponse()
  get(@IdParam() id: string) {
    return this.users.get(id);
  }

  @Post()
  @ApiCreatedResponse({ type: AdminUserDto })
  @ApiBadRequestResponse({ description: 'Field messages' })
  @ApiConflictResponse({ description: 'Username taken' })
  create(@Body() dto: CreateUserDto) {
    return this.users.create(dto);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Edit (names, contact, roles, delegation, active …); send the version you read' })
  @ApiOkResponse({ type: AdminUserDto })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Stale version (answers the current one) or username taken' })
  update(@IdParam() id: string, @Body() dto: UpdateUserDto, @CurrentUser() actor: AuthUser) {
    return this.users.update(id, dto, actor.id);
  }

  @Post(':id/password')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: "Set a new password; ends the user's sessions" })
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  resetPassword(@IdParam() id: string, @Body() dto: ResetPasswordDto) {
    return this.users.resetPassword(id, dto.password);
  }

  @Post(':id/revoke-sessions')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'End every session of the user (they must log in again)' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  revokeSessions(@IdParam() id: string) {
    return this.users.revokeSessions(id);
  }
}

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class DirectoryController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({
    summary: 'The user directory (e.g. ?role=delegate&q=张 to pick co-signers): id, username, name, delegation',
    description: 'Active users only; no e-mail or phone.',
  })
  @ApiOkResponse({ type: DirectoryPageDto })
  directory(@Query() query: DirectoryQueryDto) {
    return this.users.directory(query);
  }
}
