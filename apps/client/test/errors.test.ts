import { describe, expect, it } from 'vitest';
import { ApiError } from '../src/api';
import { errorKey, errorText } from '../src/errors';
import { translator } from '../src/i18n';

const named = (code: string, message = 'The code is wrong') =>
  new ApiError(422, message, { code: [message] }, [], code);
const numbered = (code: number, message = 'server text') =>
  new ApiError(422, message, {}, [code], null);

describe('server errors in the app’s language', () => {
  it('maps the app API’s error codes and the booking API’s numbered ones to dictionary keys', () => {
    expect(errorKey(named('bad_code'))).toBe('error.bad_code');
    expect(errorKey(named('rate_limited'))).toBe('error.rate_limited');
    expect(errorKey(named('consent_required'))).toBe('error.consent_required');
    expect(errorKey(named('not_allowed'))).toBe('error.not_allowed');
    expect(errorKey(numbered(432))).toBe('error.bad_code');
    expect(errorKey(numbered(433))).toBe('error.slot_taken');
    expect(errorKey(numbered(431))).toBe('error.bad_phone');
  });
  it('says them in Spanish and Russian; unknown codes keep the server’s text', () => {
    expect(errorText(named('bad_code'), translator('es'))).toMatch(/^El código es incorrecto/);
    expect(errorText(numbered(433), translator('ru'))).toBe(
      'Это время только что заняли. Выберите другое.',
    );
    expect(errorText(named('something_new', 'Server says no'), translator('es'))).toBe(
      'Server says no',
    );
    expect(errorText(numbered(999, 'Odd'), translator('es'))).toBe('Odd');
    expect(errorText(new Error('boom'), translator('es'))).toBe(
      'Algo salió mal. Inténtalo de nuevo.',
    );
  });
});
