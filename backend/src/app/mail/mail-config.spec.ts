import { ConfigError, loadConfig } from '../../config/app-config';

describe('the configuration of e-mail and the queues', () => {
  it('has e-mail off without SMTP_HOST, the worker inline, and reminders at 09:00', () => {
    const c = loadConfig({});
    expect(c.smtp).toBeNull();
    expect(c.workerMode).toBe('inline');
    expect(c.jobs).toMatchObject({ reminderHour: 9, reconcileSeconds: 300 });
    expect(c.mailFrom).toContain('@');
  });

  it('reads the SMTP server, with TLS from the start on port 465', () => {
    expect(loadConfig({ SMTP_HOST: 'smtp.example.edu.cn' }).smtp).toEqual({
      host: 'smtp.example.edu.cn',
      port: 587,
      secure: false,
      user: null,
      password: null,
    });
    const tls = loadConfig({ SMTP_HOST: 'smtp.example.edu.cn', SMTP_PORT: '465', SMTP_USER: 'union', SMTP_PASSWORD: 'pw' }).smtp;
    expect(tls).toMatchObject({ port: 465, secure: true, user: 'union', password: 'pw' });
    expect(loadConfig({ SMTP_HOST: 'mx', SMTP_PORT: '465', SMTP_SECURE: 'false' }).smtp!.secure).toBe(false);
  });

  it.each([
    ['SMTP_HOST', 'smtp example'],
    ['SMTP_PORT', '70000'],
    ['SMTP_SECURE', 'perhaps'],
    ['MAIL_FROM', 'nobody'],
    ['WORKER_MODE', 'sometimes'],
    ['REMINDER_RECONCILE_SECONDS', '0'],
    ['REMINDER_HOUR', '24'],
    ['RELAY_INTERVAL_MS', 'fast'],
  ])('stops on %s=%s naming the variable', (name, value) => {
    const env: Record<string, string> = { SMTP_HOST: 'smtp.example.edu.cn', [name]: value };
    let error: unknown;
    try {
      loadConfig(env);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(name);
  });

  it('needs SMTP_USER with SMTP_PASSWORD', () => {
    expect(() => loadConfig({ SMTP_HOST: 'mx', SMTP_PASSWORD: 'pw' })).toThrow(/SMTP_USER/);
  });
});
