import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { Type } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { TranslateService } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import { AdminApiService } from '../app/admin/admin-api.service';
import { provideTestTranslations } from './test-translations';

/** An admin list page under test, loaded with its rows, and what its specs do with the edit dialog. */
export interface AdminPage<T> {
  fixture: ComponentFixture<T>;
  http: HttpTestingController;
  settle(): Promise<void>;
  /** The overlay the edit dialog opens in. */
  overlay(): HTMLElement;
  /** The field messages shown in the dialog. */
  errors(): (string | undefined)[];
  /** Types into a field of the dialog. */
  type(selector: string, value: string, event?: string): void;
  /** Opens the edit dialog of the first row. */
  openEdit(): Promise<void>;
  /** Clicks the dialog's save button. */
  save(): Promise<void>;
}

/** Creates `component` in zh-CN and answers its first request, `GET listUrl`, with `rows`. */
export async function openAdminPage<T>(component: Type<T>, listUrl: string, rows: unknown[]): Promise<AdminPage<T>> {
  TestBed.configureTestingModule({
    providers: [provideTestTranslations(), provideHttpClient(), provideHttpClientTesting(), AdminApiService],
  });
  await firstValueFrom(TestBed.inject(TranslateService).use('zh-CN'));
  const http = TestBed.inject(HttpTestingController);
  const fixture = TestBed.createComponent(component);
  const settle = async () => {
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  };
  const overlay = () => document.querySelector('.cdk-overlay-container') as HTMLElement;
  await settle();
  http.expectOne(listUrl).flush(rows);
  await settle();
  return {
    fixture,
    http,
    settle,
    overlay,
    errors: () => Array.from(overlay().querySelectorAll('.error')).map((e) => e.textContent?.trim()),
    type: (selector, value, event = 'input') => {
      const input = overlay().querySelector(selector) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event(event));
    },
    openEdit: async () => {
      (fixture.nativeElement.querySelector('tbody button[aria-label^="编辑"]') as HTMLButtonElement).click();
      await settle();
    },
    save: async () => {
      (overlay().querySelector('[data-testid="save"]') as HTMLButtonElement).click();
      await settle();
    },
  };
}

/** Empties the overlay container between tests (dialogs render outside the fixture). */
export function clearOverlays(): void {
  document.querySelectorAll('.cdk-overlay-container').forEach((el) => (el.innerHTML = ''));
}
