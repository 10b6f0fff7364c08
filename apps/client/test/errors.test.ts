import { APP_DENIED_REASONS, APP_REFUSALS } from '@visita/contracts';
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

describe('a refusal of the app API says its reason', () => {
  const refusal = (action: string, reason: string, message = 'Server says no') =>
    new ApiError(422, message, {}, [], 'not_allowed', { action, reason });
  const en = translator('en');

  it('every reason the server can give, for every action, has its own message in en/es/ru', () => {
    // The lists come from the published contract (a server test keeps them equal to the core's):
    // cancel, reschedule, review, confirm (a notification), purchase (an online sale).
    const refusals = Object.entries(APP_REFUSALS);
    expect(refusals.map(([action]) => action)).toEqual(
      expect.arrayContaining(['cancel', 'confirm', 'purchase']),
    );
    expect(APP_REFUSALS.cancel).toBe(APP_DENIED_REASONS);
    for (const [action, reasons] of refusals)
      for (const reason of reasons) {
        const key = errorKey(refusal(action, reason));
        expect(key, `${action}.${reason}`).toMatch(/^deny\./);
        for (const language of ['es', 'ru'] as const) {
          const text = translator(language)(key!);
          expect(text, `${language} ${key}`).not.toBe(en(key!));
          expect(text.length).toBeGreaterThan(10);
        }
      }
    // Each reason says something different from the others, and from the generic message.
    const generic = errorText(new ApiError(422, 'x', {}, [], 'not_allowed'), en);
    for (const [action, reasons] of refusals) {
      const texts = reasons.map((r) => errorText(refusal(action, r), en));
      expect(new Set([...texts, generic]).size, action).toBe(texts.length + 1);
    }
  });

  it('nothing to confirm, a canceled appointment to confirm and no online price, in their words', () => {
    expect(errorText(refusal('confirm', 'nothing_to_confirm'), translator('es'))).toBe(
      'Esta notificación no tiene nada que confirmar.',
    );
    expect(errorText(refusal('confirm', 'canceled'), en)).toBe(
      'This appointment was canceled, so there is nothing to confirm.',
    );
    expect(errorText(refusal('purchase', 'no_online_price'), translator('ru'))).toMatch(
      /нельзя купить в приложении/,
    );
  });

  it('too late to cancel and too late to move are told apart, in the app’s language', () => {
    expect(errorText(refusal('cancel', 'too_late'), en)).toBe(
      'It is too late to cancel this appointment in the app. Please call the place.',
    );
    expect(errorText(refusal('reschedule', 'too_late'), translator('es'))).toBe(
      'Ya es tarde para cambiar esta cita en la aplicación. Llama al local.',
    );
    expect(errorText(refusal('cancel', 'location_forbids'), translator('ru'))).toMatch(
      /не разрешает отменять/,
    );
  });

  it('a refusal without a known reason keeps the generic message', () => {
    expect(errorKey(new ApiError(422, 'x', {}, [], 'not_allowed'))).toBe('error.not_allowed');
    expect(errorKey(refusal('cancel', 'something_new'))).toBe('error.not_allowed');
  });
});
