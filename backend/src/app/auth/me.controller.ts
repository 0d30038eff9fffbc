import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Patch, Post, Res, UnauthorizedException } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { ChangesAuthFacts } from './auth-facts-changed';
import { clearAuthCookie, setAuthCookie } from './auth-cookie';
import { AuthUser, AuthUserService, toAuthUser } from './auth-user.service';
import { AuthService } from './auth.service';
import { CurrentUser } from './current-user.decorator';
import { ChangePasswordDto, UpdateMeDto } from './dto/auth-requests.dto';
import { LoginResponseDto, MeDto } from './dto/me.dto';

@ApiTags('auth')
@ApiBearerAuth()
@ChangesAuthFacts()
@Controller('me')
export class MeController {
  constructor(
    private readonly db: DataSource,
    private readonly auth: AuthService,
    private readonly users: AuthUserService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The signed-in user: roles, delegation, departments and what the user heads or leads' })
  @ApiOkResponse({ type: MeDto })
  me(@CurrentUser() user: AuthUser): AuthUser {
    return user;
  }

  @Patch()
  @ApiOperation({ summary: "Change the signed-in user's language" })
  @ApiOkResponse({ type: MeDto })
  async update(@CurrentUser() user: AuthUser, @Body() dto: UpdateMeDto): Promise<AuthUser> {
    await this.db.query(`UPDATE users SET language = $2, updated_at = now(), version = version + 1 WHERE id = $1`, [
      user.id,
      dto.language,
    ]);
    const loaded = await this.users.load(user.id, { fresh: true });
    if (!loaded) throw new UnauthorizedException();
    return toAuthUser(loaded);
  }

  @Post('password')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Change the password (at least 8 characters with letters and digits); ends every other session',
    description: 'Answers a new token (and cookie) for this session; tokens issued before stop working.',
  })
  @ApiOkResponse({ type: LoginResponseDto })
  async changePassword(
    @CurrentUser() user: AuthUser,
    @Body() dto: ChangePasswordDto,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    try {
      const issued = await this.auth.changePassword(user.id, dto.currentPassword, dto.newPassword);
      setAuthCookie(res, issued.accessToken, this.config);
      return issued;
    } catch (err) {
      if (err instanceof UnauthorizedException) clearAuthCookie(res, this.config);
      throw err;
    }
  }
}
