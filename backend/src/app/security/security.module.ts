import { Global, Module } from '@nestjs/common';
import { AdminAuditController } from './admin-audit.controller';
import { AdminAuditInterceptor } from './admin-audit.interceptor';
import { AdminAuditService } from './admin-audit.service';

/**
 * The HTTP app's security extras that live in Nest: the admin audit log. The headers (helmet, CSP) and the
 * CSRF check are Express middleware set up in create-app.ts (security-headers.ts, csrf.ts), so that they also
 * cover Swagger UI, Bull Board and the static frontend.
 */
@Global() // the audit interceptor of AdminApi controllers, in every module, needs AdminAuditService
@Module({
  controllers: [AdminAuditController],
  providers: [AdminAuditService, AdminAuditInterceptor],
  exports: [AdminAuditService, AdminAuditInterceptor],
})
export class SecurityModule {}
