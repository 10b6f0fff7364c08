-- Bonus lots: every bonus credited to a loyalty card (a visit's cashback, a positive manual
-- transaction) is a lot with its own expiry (a cashback program's `expiration_timeout` after it
-- was credited; null: never). Spending takes the soonest-expiring lots first and writes what it
-- took from each lot (`loyalty_bonus_spends`), so that a refund puts it back into the same lot.
-- The card's usable balance is the sum of the unexpired remainders, computed when read;
-- `loyalty_cards.balance` is kept equal to the sum of all live remainders (expired ones
-- included) as the last line `CHECK (balance >= 0)`.
CREATE TABLE loyalty_bonus_lots (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  card_id integer NOT NULL REFERENCES loyalty_cards(id),
  record_id integer REFERENCES records(id),
  program_id integer,
  amount numeric(12, 2) NOT NULL CHECK (amount > 0),
  remaining numeric(12, 2) NOT NULL CHECK (remaining >= 0 AND remaining <= amount),
  expires_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  canceled_at timestamptz
);
CREATE INDEX loyalty_bonus_lots_card_idx ON loyalty_bonus_lots(card_id) WHERE canceled_at IS NULL;
CREATE INDEX loyalty_bonus_lots_record_idx ON loyalty_bonus_lots(record_id);

CREATE TABLE loyalty_bonus_spends (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  lot_id integer NOT NULL REFERENCES loyalty_bonus_lots(id),
  record_id integer REFERENCES records(id),
  amount numeric(12, 2) NOT NULL CHECK (amount > 0),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX loyalty_bonus_spends_record_idx ON loyalty_bonus_spends(record_id);

-- The bonus held before lots existed: one lot without expiry per card.
INSERT INTO loyalty_bonus_lots(card_id, amount, remaining)
  SELECT id, balance, balance FROM loyalty_cards WHERE balance > 0;
