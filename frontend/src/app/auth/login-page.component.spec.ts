import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { TranslateService } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import { provideTestTranslations } from '../../testing/test-translations';
import { userWith } from '../../testing/users';
import { LoginPageComponent } from './login-page.component';

describe('LoginPageComponent', () => {
  let fixture: ComponentFixture<LoginPageComponent>;
  let http: HttpTestingController;
  let navigateByUrl: jest.SpyInstance;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [LoginPageComponent],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideTestTranslations()],
    });
    await firstValueFrom(TestBed.inject(TranslateService).use('zh-CN'));
    http = TestBed.inject(HttpTestingController);
    navigateByUrl = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    fixture = TestBed.createComponent(LoginPageComponent);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const page = () => fixture.nativeElement as HTMLElement;
  const text = () => page().textContent ?? '';

  function find<T extends Element>(selector: string): T {
    const element = page().querySelector<T>(selector);
    if (!element) throw new Error(`nothing matches ${selector}`);
    return element;
  }

  function type(id: string, value: string): void {
    const input = find<HTMLInputElement>(`#${id}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  async function submit(): Promise<void> {
    find<HTMLButtonElement>('button[type=submit]').click();
    await fixture.whenStable();
  }

  async function failWith(status: number, headers: Record<string, string> = {}): Promise<void> {
    type('login-username', 'delegate01');
    type('login-password', 'secret');
    await submit();
    http.expectOne('/api/auth/login').flush({ message: 'no' }, { status, statusText: 'Error', headers });
    await fixture.whenStable();
  }

  it('labels both inputs', () => {
    expect(page().querySelector('label[for=login-username]')?.textContent).toContain('用户名');
    expect(page().querySelector('label[for=login-password]')?.textContent).toContain('密码');
  });

  it('asks for username and password and sends nothing when both are empty', async () => {
    await submit();
    expect(text()).toContain('请输入用户名');
    expect(text()).toContain('请输入密码');
    http.expectNone('/api/auth/login');
  });

  it('gives the validation messages in English too', async () => {
    await firstValueFrom(TestBed.inject(TranslateService).use('en'));
    await submit();
    expect(text()).toContain('Please enter your username');
    expect(text()).toContain('Please enter your password');
  });

  it('signs in and goes to the page the user wanted', async () => {
    fixture.componentRef.setInput('returnUrl', '/admin/users');
    type('login-username', ' delegate01 ');
    type('login-password', 'secret');
    await submit();
    const req = http.expectOne('/api/auth/login');
    expect(req.request.body).toEqual({ username: 'delegate01', password: 'secret' });
    req.flush({ accessToken: 't', expiresAt: '2030-01-01T00:00:00Z', user: userWith(['admin']) });
    await fixture.whenStable();
    expect(navigateByUrl).toHaveBeenCalledWith('/admin/users');
  });

  it('says so when the username or password is wrong', async () => {
    await failWith(401);
    expect(text()).toContain('用户名或密码错误');
    expect(navigateByUrl).not.toHaveBeenCalled();
  });

  it('says when to try again after too many attempts', async () => {
    await failWith(429, { 'Retry-After': '30' });
    expect(text()).toContain('请在 30 秒后再试');
  });

  it('says the account is locked', async () => {
    await failWith(423);
    expect(text()).toContain('账号已被临时锁定');
  });
});
