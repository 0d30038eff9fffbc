import { Body, Controller, HttpCode, HttpException, HttpStatus, Inject, Post, Req, Res } from '@nestjs/common';
import {
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { clearAuthCookie, setAuthCookie } from './auth-cookie';
import { AuthService } from './auth.service';
import { LoginDto } from './dto/auth-requests.dto';
import { LoginResponseDto } from './dto/me.dto';
import { tokenOf } from './jwt-auth.guard';
import { LoginThrottled } from './login-throttle.service';
import { Public } from './public.decorator';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Log in with username and password; answers a bearer token and sets the httpOnly cookie' })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiUnauthorizedResponse({ description: 'Wrong username or password' })
  @ApiTooManyRequestsResponse({ description: 'Too many failed logins; Retry-After says when to try again' })
  async login(@Body() dto: LoginDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) res: FastifyReply) {
    try {
      const issued = await this.auth.login(dto.username, dto.password, req.ip || 'unknown');
      setAuthCookie(res, issued.accessToken, this.config);
      return issued;
    } catch (err) {
      if (!(err instanceof LoginThrottled)) throw err;
      res.header('Retry-After', String(err.retryAfterSeconds));
      throw new HttpException(this.throttledBody(err), HttpStatus.TOO_MANY_REQUESTS);
    }
  }

  @Public()
  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Log out: clears the cookie; the token stops working' })
  @ApiNoContentResponse()
  async logout(@Req() req: FastifyRequest, @Res({ passthrough: true }) res: FastifyReply) {
    await this.auth.logout(tokenOf(req));
    clearAuthCookie(res, this.config);
  }

  private throttledBody(err: LoginThrottled) {
    const retryAt = new Date(Date.now() + err.retryAfterSeconds * 1000);
    const clock = retryAt.toLocaleTimeString('en-GB', { timeZone: this.config.timezone, hour: '2-digit', minute: '2-digit' });
    const minutes = Math.max(1, Math.ceil(err.retryAfterSeconds / 60));
    const who = err.scope === 'account' ? 'this account' : 'your network address';
    return {
      statusCode: 429,
      error: 'Too Many Requests',
      message: `Too many failed logins for ${who}. Try again in ${minutes} minute${minutes === 1 ? '' : 's'} (after ${clock}).`,
      retryAfterSeconds: err.retryAfterSeconds,
      retryAt: retryAt.toISOString(),
    };
  }
}
