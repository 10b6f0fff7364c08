import { describe, expect, it } from 'vitest';
import { checkClientCard, DomainError, newClientDraft, parseClientFilters } from '../../src';

const failure = (fn: () => unknown): { code: string; field?: string; message: string } | null => {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError)
      return {
        code: error.code,
        message: error.message,
        ...(error.field ? { field: error.field } : {}),
      };
    throw error;
  }
  return null;
};

describe('parseClientFilters', () => {
  it('reads the contract sample filters into conditions', () => {
    const conditions = parseClientFilters(
      [
        { type: 'id', state: { value: [1, '2', 3] } },
        { type: 'sold_amount', state: { from: 0, to: 100.77 } },
        { type: 'quick_search', state: { value: ' Ivan ' } },
        { type: 'has_mobile_app', state: { value: true } },
        { type: 'birthday', state: { from: '2000-12-20', to: '2000-01-10' } },
        { type: 'client', state: { id: { value: [5] } } },
      ],
      'Europe/Berlin',
    );
    expect(conditions).toEqual([
      { kind: 'ids', ids: [1, 2, 3] },
      { kind: 'spent', range: { from: 0, to: 100.77 } },
      { kind: 'text', field: 'any', value: 'Ivan' },
      { kind: 'hasApp', value: true },
      { kind: 'birthday', from: '12-20', to: '01-10' },
      { kind: 'all', conditions: [{ kind: 'ids', ids: [5] }] },
    ]);
  });

  it('turns record dates into the location’s day bounds, both days included', () => {
    const [record] = parseClientFilters(
      [{ type: 'record', state: { created: { from: '2026-01-01', to: '2026-01-31' } } }],
      'Europe/Berlin',
    );
    expect(record).toEqual({
      kind: 'records',
      count: { from: 1 },
      created: {
        from: Date.parse('2025-12-31T23:00:00Z'),
        to: Date.parse('2026-01-31T23:00:00Z'),
      },
    });
  });

  it('leaves out an empty quick search', () => {
    expect(parseClientFilters([{ type: 'quick_search', state: { value: '  ' } }], 'UTC')).toEqual(
      [],
    );
  });

  it.each([
    ['not a list', {}],
    ['unknown type', [{ type: 'horoscope', state: {} }]],
    ['type missing', [{ state: {} }]],
    ['inverted range', [{ type: 'sold_amount', state: { from: 10, to: 1 } }]],
    ['impossible date', [{ type: 'birthday', state: { from: '2001-02-29', to: '2001-03-01' } }]],
    ['gender out of range', [{ type: 'gender', state: { value: [3] } }]],
    ['empty id list', [{ type: 'id', state: { value: [] } }]],
  ])('refuses %s with a 400 naming filters', (_label, raw) => {
    const error = failure(() => parseClientFilters(raw, 'UTC'));
    expect(error).toMatchObject({ code: 'bad_request', field: 'filters' });
    expect(error?.message).toMatch(/^Invalid filter value: filters/);
  });
});

describe('client card rules', () => {
  const today = '2026-11-28';

  it('needs a name and a phone; normalises the phone and trims texts', () => {
    expect(failure(() => newClientDraft({ phone: '79161234567' }, today))?.field).toBe('name');
    expect(failure(() => newClientDraft({ name: 'A' }, today))?.field).toBe('phone');
    const draft = newClientDraft({ name: ' Ann ', phone: '79161234567', email: ' a@b.co ' }, today);
    expect(draft).toMatchObject({ name: 'Ann', phone: '+79161234567', email: 'a@b.co', sexId: 0 });
  });

  it('refuses impossible or future birth dates and clears an empty one', () => {
    expect(failure(() => checkClientCard({ birthDate: '2026-11-29' }, today))?.field).toBe(
      'birth_date',
    );
    expect(failure(() => checkClientCard({ birthDate: '1990-13-01' }, today))?.field).toBe(
      'birth_date',
    );
    expect(checkClientCard({ birthDate: '' }, today)).toEqual({ birthDate: null });
    expect(checkClientCard({ birthDate: '2026-11-28' }, today)).toEqual({
      birthDate: '2026-11-28',
    });
  });

  it('refuses a bad email, a bad phone and bad custom field keys, naming the field', () => {
    expect(failure(() => checkClientCard({ email: 'nope' }, today))?.field).toBe('email');
    expect(failure(() => checkClientCard({ phone: '123' }, today))).toMatchObject({
      code: 'validation_failed',
      field: 'phone',
    });
    expect(failure(() => checkClientCard({ customFields: { 'has space': 1 } }, today))?.field).toBe(
      'custom_fields',
    );
  });
});
