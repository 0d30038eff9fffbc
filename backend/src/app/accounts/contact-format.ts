import { registerDecorator, ValidationOptions } from 'class-validator';

/** 2–64 letters, digits, ".", "_" or "-", starting with a letter or digit (staff numbers 工号 are fine). */
export const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/;
export const USERNAME_RULE = 'letters, digits, ".", "_" and "-" only, 2–64 characters';

const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^(0\d{2,3}-?)?[2-9]\d{6,7}(-\d{1,6})?$/;

/**
 * A Chinese phone number in a canonical form, or null when it is not one: a mobile number (1[3-9] and nine
 * digits, "+86" / "0086" prefix allowed) or a landline (area code optional, extension optional).
 * Spaces are dropped; "(010)12345678" becomes "010-12345678".
 */
export function normalizePhone(raw: string): string | null {
  let p = raw.replace(/[\s\u3000]/g, '').replace(/[（(](0\d{2,3})[）)]/, '$1-');
  p = p.replace(/^(\+86|0086)-?/, '');
  if (MOBILE.test(p)) return p;
  if (LANDLINE.test(p)) return p;
  return null;
}

export const PHONE_RULE = 'a mobile number like 13812345678 or a landline like 010-12345678';

/** class-validator: a Chinese mobile or landline number (see normalizePhone). */
export function IsChinesePhone(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isChinesePhone',
      target: target.constructor,
      propertyName,
      options: { message: `$property must be ${PHONE_RULE}`, ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && normalizePhone(value) !== null },
    });
}
