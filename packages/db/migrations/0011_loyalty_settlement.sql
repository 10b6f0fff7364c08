-- Loyalty settlement, second step: discounts that expire, bonus spent at a visit, refunds.
--
-- An accumulative discount granted to a card expires `expiration_timeout` after it was granted
-- (the program's setting). Once expired, the card accumulates again from zero: the counters at
-- the moment of expiry are kept as the base the accumulative discount programs count from.
ALTER TABLE loyalty_cards
  ADD COLUMN discount_base_visits integer NOT NULL DEFAULT 0,
  ADD COLUMN discount_base_sold numeric(12, 2) NOT NULL DEFAULT 0,
  ADD COLUMN discount_base_paid numeric(12, 2) NOT NULL DEFAULT 0;

-- A refunded visit's card transactions are kept but canceled (not listed, not counted).
ALTER TABLE loyalty_transactions ADD COLUMN canceled_at timestamptz;
CREATE INDEX loyalty_transactions_record_idx ON loyalty_transactions(record_id);

-- What a settlement changed, so that a refund undoes exactly that: the gift card's balance
-- change (a single-use card loses its whole balance), the bonus spent, what the card's counters
-- grew by, and the card's discount state before and after.
ALTER TABLE visit_loyalty_payments
  ADD COLUMN certificate_drawn numeric(12, 2) NOT NULL DEFAULT 0,
  ADD COLUMN card_withdrawal numeric(12, 2) NOT NULL DEFAULT 0,
  ADD COLUMN card_sold numeric(12, 2) NOT NULL DEFAULT 0,
  ADD COLUMN card_paid numeric(12, 2) NOT NULL DEFAULT 0,
  ADD COLUMN card_before jsonb,
  ADD COLUMN card_after jsonb;

-- set_period: a membership's own validity period (null: its type's).
ALTER TABLE memberships
  ADD COLUMN period integer CHECK (period IS NULL OR period > 0),
  ADD COLUMN period_unit_id smallint CHECK (period_unit_id IS NULL OR period_unit_id BETWEEN 1 AND 4);
