import { describe, expect, test } from 'vitest';
import { ApiError, fieldErrorsOf, query } from './api.ts';
import { formatDate, formatDateTime, formatNumber, stockholmDayBoundary } from './format.ts';

describe('formatting in Swedish time', () => {
  test('dates and times are shown in Europe/Stockholm, Swedish style', () => {
    // 23:30 UTC on 31 Dec is already New Year's Day in Stockholm.
    expect(formatDateTime('2025-12-31T23:30:00Z', 'sv')).toBe('2026-01-01 00:30');
    expect(formatDate('2025-06-30T22:30:00Z', 'sv')).toBe('2025-07-01');
    expect(formatDateTime('2025-07-01T10:00:00Z', 'en')).toBe('01/07/2025, 12:00');
    expect(formatDateTime(null, 'sv')).toBe('');
  });

  test('numbers use a space between thousands in Swedish', () => {
    expect(formatNumber(1234567, 'sv').replace(/\s/g, ' ')).toBe('1 234 567');
    expect(formatNumber(1234567, 'en')).toBe('1,234,567');
  });

  test('a calendar date becomes the instant it starts or ends in Stockholm', () => {
    expect(stockholmDayBoundary('2025-01-15')).toBe('2025-01-14T23:00:00.000Z'); // CET, +01:00
    expect(stockholmDayBoundary('2025-07-15')).toBe('2025-07-14T22:00:00.000Z'); // CEST, +02:00
    expect(stockholmDayBoundary('2025-07-15', true)).toBe('2025-07-15T21:59:59.999Z');
  });
});

describe('api helpers', () => {
  test('query strings leave out empty values', () => {
    expect(query({ search: 'å ä', limit: 5, cursor: undefined, includeArchived: false, kind: '' })).toBe(
      '?search=%C3%A5+%C3%A4&limit=5',
    );
    expect(query({})).toBe('');
  });

  test('field errors of a problem are keyed by field', () => {
    const error = new ApiError(400, {
      code: 'validation',
      errors: [
        { path: 'body.email', message: 'Must be an email address' },
        { path: 'body.email', message: 'second' },
        { path: 'body', message: 'Malformed JSON' },
      ],
    });
    expect(fieldErrorsOf(error)).toEqual({ email: 'Must be an email address', '': 'Malformed JSON' });
    expect(fieldErrorsOf(new Error('x'))).toEqual({});
  });
});
