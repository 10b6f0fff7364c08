import type { Queryable } from '../db';

/**
 * What the notification engine reads about loyalty when it sends: a program's own message
 * template, and whether what a type-11 warning is about (a card's discount, a bonus lot) still
 * ends at the instant the warning was scheduled for.
 */

/** The program's on-changed (type 10) or on-expiration (type 11) template, when it has one. */
export async function findProgramTemplate(
  q: Queryable,
  programId: number,
  which: 'changed' | 'expiration',
): Promise<{ type: string; body: string } | null> {
  const column = which === 'changed' ? 'on_changed_template_id' : 'on_expiration_template_id';
  const rows = await q.query<{ type: string; body: string }>(
    `SELECT n.type, n.body FROM loyalty_programs p
       JOIN loyalty_notification_templates n ON n.id = p.${column}
      WHERE p.id = $1`,
    [programId],
  );
  return rows[0] ?? null;
}

/**
 * What is left of a live bonus lot expiring at that instant (null: canceled by a refund, its
 * card deleted, or another expiry). 0 when it has been spent.
 */
export async function findLotRemaining(
  q: Queryable,
  lotId: number,
  expiresAt: number,
): Promise<number | null> {
  const rows = await q.query<{ remaining: number }>(
    `SELECT l.remaining FROM loyalty_bonus_lots l JOIN loyalty_cards c ON c.id = l.card_id
      WHERE l.id = $1 AND l.canceled_at IS NULL AND c.deleted_at IS NULL
        AND abs(extract(epoch FROM l.expires_at) * 1000 - $2) < 1`,
    [lotId, expiresAt],
  );
  return rows[0] ? Number(rows[0].remaining) : null;
}

/**
 * Whether the card still holds a discount ending at that instant: a refund that took the
 * discount back, a later grant that moved its end, or a deleted card all make the warning moot.
 */
export async function holdsDiscountEndingAt(
  q: Queryable,
  cardId: number,
  expiresAt: number,
): Promise<boolean> {
  const rows = await q.query(
    `SELECT 1 FROM loyalty_cards
      WHERE id = $1 AND deleted_at IS NULL AND discount_percent > 0
        AND abs(extract(epoch FROM discount_expires_at) * 1000 - $2) < 1`,
    [cardId, expiresAt],
  );
  return rows.length > 0;
}
