-- Loyalty (contract §3.h): chain-level types of memberships (abonements), gift certificates and
-- loyalty cards, loyalty programs (promotions), the instruments clients hold, and online payments.
-- A client's instruments belong to the chain and the client's phone (E.164): the same person at
-- every location of the chain, and the app user with that phone sees them.
-- Money is numeric(12,2); balances can never go below zero (CHECK), so no code path overdraws.

CREATE TABLE membership_types (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  chain_id integer NOT NULL REFERENCES chains(id),
  title text NOT NULL,
  -- null: unlimited visits for the validity period
  visits integer CHECK (visits IS NULL OR visits > 0),
  service_ids integer[] NOT NULL DEFAULT '{}',
  category_ids integer[] NOT NULL DEFAULT '{}',
  period integer NOT NULL CHECK (period > 0),
  period_unit_id smallint NOT NULL CHECK (period_unit_id BETWEEN 1 AND 4),
  allow_freeze boolean NOT NULL DEFAULT false,
  freeze_limit integer NOT NULL DEFAULT 0 CHECK (freeze_limit >= 0),
  price numeric(12, 2) NOT NULL CHECK (price >= 0),
  location_ids integer[] NOT NULL DEFAULT '{}',
  online_sale_enabled boolean NOT NULL DEFAULT false,
  online_sale_title text NOT NULL DEFAULT '',
  online_sale_description text NOT NULL DEFAULT '',
  online_sale_price numeric(12, 2) NOT NULL DEFAULT 0 CHECK (online_sale_price >= 0),
  image_key text,
  created_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);
CREATE INDEX membership_types_chain_idx ON membership_types(chain_id);

CREATE TABLE certificate_types (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  chain_id integer NOT NULL REFERENCES chains(id),
  title text NOT NULL,
  balance numeric(12, 2) NOT NULL CHECK (balance > 0),
  is_multi boolean NOT NULL,
  -- 0 any, 1 services only, 2 goods only, 3 chosen services, 4 services of a category
  item_type_id smallint NOT NULL CHECK (item_type_id BETWEEN 0 AND 4),
  category_id integer,
  service_ids integer[] NOT NULL DEFAULT '{}',
  location_ids integer[] NOT NULL DEFAULT '{}',
  -- 0 none, 1 fixed date, 2 period from the sale
  expiration_type_id smallint NOT NULL CHECK (expiration_type_id BETWEEN 0 AND 2),
  expiration_date timestamptz,
  expiration_timeout integer,
  expiration_timeout_unit_id smallint CHECK (expiration_timeout_unit_id BETWEEN 1 AND 4),
  balance_edit_type_id smallint NOT NULL CHECK (balance_edit_type_id IN (1, 2)),
  is_allow_empty_code boolean NOT NULL DEFAULT false,
  online_sale_enabled boolean NOT NULL DEFAULT false,
  online_sale_title text NOT NULL DEFAULT '',
  online_sale_description text NOT NULL DEFAULT '',
  online_sale_price numeric(12, 2) NOT NULL DEFAULT 0 CHECK (online_sale_price >= 0),
  image_key text,
  weight integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  CHECK (expiration_type_id <> 1 OR expiration_date IS NOT NULL),
  CHECK (expiration_type_id <> 2 OR (expiration_timeout > 0 AND expiration_timeout_unit_id IS NOT NULL))
);
CREATE INDEX certificate_types_chain_idx ON certificate_types(chain_id);

CREATE TABLE loyalty_card_types (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  chain_id integer NOT NULL REFERENCES chains(id),
  title text NOT NULL,
  location_ids integer[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);
CREATE INDEX loyalty_card_types_chain_idx ON loyalty_card_types(chain_id);

CREATE TABLE loyalty_notification_templates (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  chain_id integer NOT NULL REFERENCES chains(id),
  type text NOT NULL,
  body text NOT NULL DEFAULT '',
  message_type text NOT NULL
);

CREATE TABLE loyalty_programs (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  chain_id integer NOT NULL REFERENCES chains(id),
  title text NOT NULL,
  type text NOT NULL,
  service_item_type text NOT NULL,
  good_item_type text NOT NULL,
  value_unit text NOT NULL CHECK (value_unit IN ('percent', 'amount')),
  allowed_service_ids integer[] NOT NULL DEFAULT '{}',
  allowed_good_ids integer[] NOT NULL DEFAULT '{}',
  allowed_good_category_ids integer[] NOT NULL DEFAULT '{}',
  usage_limit integer NOT NULL DEFAULT 0,
  visit_multiplicity integer NOT NULL DEFAULT 0,
  sold_items_multiplicity integer NOT NULL DEFAULT 0,
  expiration_timeout integer NOT NULL DEFAULT 0,
  expiration_timeout_unit text,
  expiration_notification_timeout integer NOT NULL DEFAULT 0,
  params_source_type text NOT NULL DEFAULT 'loyalty_card',
  history_start_date date,
  location_ids integer[] NOT NULL DEFAULT '{}',
  card_type_ids integer[] NOT NULL DEFAULT '{}',
  on_changed_template_id integer REFERENCES loyalty_notification_templates(id),
  on_expiration_template_id integer REFERENCES loyalty_notification_templates(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);
CREATE INDEX loyalty_programs_chain_idx ON loyalty_programs(chain_id);

CREATE TABLE loyalty_program_rules (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  program_id integer NOT NULL REFERENCES loyalty_programs(id),
  parameter integer NOT NULL CHECK (parameter >= 0),
  value numeric(12, 2) NOT NULL CHECK (value >= 0),
  service_id integer NOT NULL DEFAULT 0
);
CREATE INDEX loyalty_program_rules_program_idx ON loyalty_program_rules(program_id);

-- Online payments. The instrument a payment bought carries the payment id under a UNIQUE
-- constraint: however often the acquirer's webhook arrives, one payment issues one instrument.
CREATE TABLE payments (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  chain_id integer NOT NULL REFERENCES chains(id),
  location_id integer NOT NULL REFERENCES locations(id),
  app_user_id integer REFERENCES app_users(id),
  phone text NOT NULL,
  provider text NOT NULL,
  item_kind text NOT NULL CHECK (item_kind IN ('membership', 'certificate')),
  item_type_id integer NOT NULL,
  title text NOT NULL,
  amount numeric(12, 2) NOT NULL CHECK (amount >= 0),
  currency text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'succeeded', 'declined')),
  provider_ref text NOT NULL,
  issued_item_id integer,
  created_at timestamptz NOT NULL DEFAULT now(),
  settled_at timestamptz,
  UNIQUE (provider, provider_ref)
);
CREATE INDEX payments_user_idx ON payments(app_user_id);

CREATE TABLE memberships (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  chain_id integer NOT NULL REFERENCES chains(id),
  type_id integer NOT NULL REFERENCES membership_types(id),
  number text NOT NULL,
  phone text NOT NULL,
  sold_location_id integer NOT NULL REFERENCES locations(id),
  visits_total integer,
  visits_remaining integer CHECK (visits_remaining IS NULL OR visits_remaining >= 0),
  starts_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  frozen_at timestamptz,
  frozen_until timestamptz,
  freeze_days_used integer NOT NULL DEFAULT 0 CHECK (freeze_days_used >= 0),
  payment_id integer UNIQUE REFERENCES payments(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (visits_remaining IS NULL OR visits_remaining <= visits_total),
  UNIQUE (chain_id, number)
);
CREATE INDEX memberships_phone_idx ON memberships(phone);

-- One row per visit a membership paid for: a retried payment of the same visit cannot
-- decrement twice (primary key), and the decrement itself is a conditional UPDATE.
CREATE TABLE membership_visits (
  membership_id integer NOT NULL REFERENCES memberships(id),
  record_id integer NOT NULL REFERENCES records(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (membership_id, record_id)
);

CREATE TABLE certificates (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  chain_id integer NOT NULL REFERENCES chains(id),
  type_id integer NOT NULL REFERENCES certificate_types(id),
  number text NOT NULL,
  phone text NOT NULL,
  sold_location_id integer NOT NULL REFERENCES locations(id),
  default_balance numeric(12, 2) NOT NULL,
  balance numeric(12, 2) NOT NULL CHECK (balance >= 0),
  is_multi boolean NOT NULL,
  used boolean NOT NULL DEFAULT false,
  expires_at timestamptz,
  payment_id integer UNIQUE REFERENCES payments(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (balance <= default_balance),
  UNIQUE (chain_id, number)
);
CREATE INDEX certificates_phone_idx ON certificates(phone);
CREATE INDEX certificates_type_idx ON certificates(type_id);

CREATE TABLE certificate_redemptions (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  certificate_id integer NOT NULL REFERENCES certificates(id),
  record_id integer REFERENCES records(id),
  location_id integer NOT NULL REFERENCES locations(id),
  amount numeric(12, 2) NOT NULL CHECK (amount > 0),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX certificate_redemptions_certificate_idx ON certificate_redemptions(certificate_id);

CREATE TABLE loyalty_cards (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  chain_id integer NOT NULL REFERENCES chains(id),
  type_id integer NOT NULL REFERENCES loyalty_card_types(id),
  number text NOT NULL,
  phone text NOT NULL,
  balance numeric(12, 2) NOT NULL DEFAULT 0 CHECK (balance >= 0),
  discount_percent numeric(5, 2) NOT NULL DEFAULT 0 CHECK (discount_percent BETWEEN 0 AND 100),
  paid_amount numeric(12, 2) NOT NULL DEFAULT 0,
  sold_amount numeric(12, 2) NOT NULL DEFAULT 0,
  visits_count integer NOT NULL DEFAULT 0,
  discount_expires_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);
CREATE UNIQUE INDEX loyalty_cards_number_uq ON loyalty_cards(chain_id, number) WHERE deleted_at IS NULL;
CREATE INDEX loyalty_cards_phone_idx ON loyalty_cards(phone);

CREATE TABLE loyalty_transactions (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  card_id integer NOT NULL REFERENCES loyalty_cards(id),
  program_id integer REFERENCES loyalty_programs(id),
  record_id integer REFERENCES records(id),
  location_id integer NOT NULL REFERENCES locations(id),
  -- discount: money the discount saved; cashback: bonus credited; withdrawal/manual: balance change
  kind text NOT NULL CHECK (kind IN ('discount', 'cashback', 'withdrawal', 'manual')),
  amount numeric(12, 2) NOT NULL,
  comment text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX loyalty_transactions_card_idx ON loyalty_transactions(card_id);

-- A visit is settled with loyalty instruments once: the second attempt is refused by this key.
CREATE TABLE visit_loyalty_payments (
  record_id integer PRIMARY KEY REFERENCES records(id),
  location_id integer NOT NULL REFERENCES locations(id),
  total numeric(12, 2) NOT NULL,
  discount numeric(12, 2) NOT NULL DEFAULT 0,
  certificate_amount numeric(12, 2) NOT NULL DEFAULT 0,
  membership_id integer REFERENCES memberships(id),
  certificate_id integer REFERENCES certificates(id),
  loyalty_card_id integer REFERENCES loyalty_cards(id),
  cashback numeric(12, 2) NOT NULL DEFAULT 0,
  due numeric(12, 2) NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
