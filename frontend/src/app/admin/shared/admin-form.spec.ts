import { FormControl, FormGroup, Validators } from '@angular/forms';
import { TranslateService } from '@ngx-translate/core';
import { CODE_PATTERN, fieldMessages, orNull, otherFieldMessages } from './admin-form';

const translate = { instant: (key: string, params?: object) => (params ? `${key} ${JSON.stringify(params)}` : key) } as unknown as TranslateService;

describe('admin form helpers', () => {
  it('take codes as the server does', () => {
    expect(CODE_PATTERN.test('jwc')).toBe(true);
    expect(CODE_PATTERN.test('hq-1_b')).toBe(true);
    expect(CODE_PATTERN.test('1jwc')).toBe(false);
    expect(CODE_PATTERN.test('j')).toBe(false);
    expect(CODE_PATTERN.test('教务处')).toBe(false);
  });

  it("show a touched field's own errors, then the server's", () => {
    const form = new FormGroup({ days: new FormControl(0, [Validators.min(1)]) });
    expect(fieldMessages(form, 'days', null, translate)).toEqual([]);
    form.markAllAsTouched();
    const refusal = { kind: 'invalid' as const, message: 'bad', fields: { 'rules.days': ['days must be at least 1'] } };
    expect(fieldMessages(form, 'days', refusal, translate, 'rules.days')).toEqual(['admin.form.min {"min":1}', 'days must be at least 1']);
  });

  it('list the messages no field shows', () => {
    const refusal = { kind: 'invalid' as const, message: 'bad', fields: { name: ['taken'], other: ['wrong'] } };
    expect(otherFieldMessages(refusal, ['name'])).toEqual(['other: wrong']);
    expect(otherFieldMessages(null, [])).toEqual([]);
  });

  it('clear empty optional text', () => {
    expect(orNull('  ')).toBeNull();
    expect(orNull(' a ')).toBe('a');
  });
});
