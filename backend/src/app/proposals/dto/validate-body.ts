import { EVENT_TYPES, isEventType } from '@congress/workflow';
import { BadRequestException } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { EventBody, eventDtoFor } from './event.dto';

export interface FieldError {
  field: string;
  messages: string[];
}

/** class-validator errors as `{field, messages}`, nested fields as `a.b` (the shape of the global pipe's 400). */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, messages: Object.values(e.constraints) }] : [];
    return own.concat(toFieldErrors(e.children ?? [], field));
  });
}

export function badRequest(errors: FieldError[], message?: string): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: message ?? errors.map((f) => `${f.field}: ${f.messages.join('; ')}`).join('; '),
    errors,
  });
}

/**
 * Validates an event body against the class of its `type` (whitelist, no unknown fields), as the global
 * ValidationPipe would for a fixed DTO. Answers 400 with the fields at fault.
 */
export function validateEventBody(body: unknown): EventBody {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badRequest([{ field: 'body', messages: ['must be a JSON object {type, expectedVersion, ...payload}'] }]);
  }
  const type = (body as { type?: unknown }).type;
  if (!isEventType(type)) {
    throw badRequest([{ field: 'type', messages: [`type must be one of ${EVENT_TYPES.join(', ')}`] }]);
  }
  const instance = plainToInstance(eventDtoFor(type), body, { enableImplicitConversion: false });
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length) throw badRequest(toFieldErrors(errors));
  return { ...instance } as EventBody;
}
