import { createSecretKey } from 'node:crypto';
import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { AuthUserService } from './auth-user.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { JwtAuthGuard } from './jwt-auth.guard';
import { LoginThrottleService } from './login-throttle.service';
import { LogoutListService } from './logout-list.service';
import { MeController } from './me.controller';
import { RolesGuard } from './roles.guard';

/**
 * Login, logout, /api/me and the two global guards (registered as APP_GUARD in app.module.ts).
 * See README.md in this folder for the single sign-on room.
 * Global: @ChangesAuthFacts() controllers of other modules need AuthUserService for their interceptor.
 */
@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // a KeyObject, made once: given the string, jsonwebtoken tries (and fails) to parse it as a public key on
        // every verify, ~5 % of the API's CPU under load (docs/benchmarks.md)
        secret: createSecretKey(Buffer.from(config.jwtSecret, 'utf8')),
        signOptions: { algorithm: 'HS256', expiresIn: config.jwtTtlSeconds },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [AuthController, MeController],
  providers: [AuthService, AuthUserService, LoginThrottleService, LogoutListService, JwtAuthGuard, RolesGuard],
  exports: [AuthService, AuthUserService, JwtAuthGuard, RolesGuard],
})
export class AuthModule {}
