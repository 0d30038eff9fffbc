import { registerLocaleData } from '@angular/common';
import { provideHttpClient, withFetch, withInterceptors, withXsrfConfiguration } from '@angular/common/http';
import localeZh from '@angular/common/locales/zh';
import {
  ApplicationConfig,
  inject,
  isDevMode,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import {
  provideRouter,
  TitleStrategy,
  withComponentInputBinding,
  withInMemoryScrolling,
} from '@angular/router';
import { provideServiceWorker } from '@angular/service-worker';
import { provideTranslateLoader, provideTranslateService } from '@ngx-translate/core';
import { provideNzI18n, zh_CN } from 'ng-zorro-antd/i18n';
import { appRoutes } from './app.routes';
import { authInterceptor, unauthorizedInterceptor } from './core/auth.interceptor';
import { DEFAULT_LANGUAGE, LanguageService } from './core/language.service';
import { BundledTranslateLoader } from './core/translate-loader';
import { TranslatedTitleStrategy } from './core/translated-title.strategy';

registerLocaleData(localeZh, 'zh-CN');

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideRouter(
      appRoutes,
      withComponentInputBinding(),
      withInMemoryScrolling({ scrollPositionRestoration: 'top' }),
    ),
    { provide: TitleStrategy, useClass: TranslatedTitleStrategy },
    // CSRF (double submit): HttpClient echoes the XSRF-TOKEN cookie the server sets at login as X-XSRF-TOKEN on
    // our own (relative) POST/PUT/PATCH/DELETE calls; the server refuses cookie-authenticated writes without it
    provideHttpClient(
      withFetch(),
      withXsrfConfiguration({ cookieName: 'XSRF-TOKEN', headerName: 'X-XSRF-TOKEN' }),
      withInterceptors([authInterceptor, unauthorizedInterceptor]),
    ),
    provideNzI18n(zh_CN),
    provideTranslateService({
      loader: provideTranslateLoader(BundledTranslateLoader),
      fallbackLang: DEFAULT_LANGUAGE,
    }),
    provideAppInitializer(() => inject(LanguageService).init()),
    // Caches the app shell so the installed app opens on a phone without a network; API calls always go to the server.
    provideServiceWorker('ngsw-worker.js', {
      enabled: !isDevMode(),
      registrationStrategy: 'registerWhenStable:30000',
    }),
  ],
};
