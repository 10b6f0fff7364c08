-- Clients base (contract §3.f): the client card's fields and client categories ("labels").
-- What a client spent and how often they came is derived from their appointments; only the
-- amount spent before the client was entered here (the contract's `spent` on create) is kept.
ALTER TABLE clients
  ADD COLUMN sex_id smallint NOT NULL DEFAULT 0 CHECK (sex_id BETWEEN 0 AND 2),
  ADD COLUMN importance_id smallint NOT NULL DEFAULT 0 CHECK (importance_id BETWEEN 0 AND 3),
  ADD COLUMN discount numeric(5, 2) NOT NULL DEFAULT 0 CHECK (discount BETWEEN 0 AND 100),
  ADD COLUMN card text NOT NULL DEFAULT '',
  ADD COLUMN birth_date date,
  ADD COLUMN sms_check boolean NOT NULL DEFAULT false,
  ADD COLUMN sms_not boolean NOT NULL DEFAULT false,
  ADD COLUMN opening_spent numeric(12, 2) NOT NULL DEFAULT 0,
  ADD COLUMN balance numeric(12, 2) NOT NULL DEFAULT 0,
  ADD COLUMN custom_fields jsonb NOT NULL DEFAULT '{}';

CREATE INDEX clients_location_changed_idx ON clients(location_id, updated_at);

CREATE TABLE client_categories (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  location_id integer NOT NULL REFERENCES locations(id),
  title text NOT NULL,
  color text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);
CREATE INDEX client_categories_location_idx ON client_categories(location_id);

CREATE TABLE client_category_links (
  client_id integer NOT NULL REFERENCES clients(id),
  category_id integer NOT NULL REFERENCES client_categories(id),
  PRIMARY KEY (client_id, category_id)
);
CREATE INDEX client_category_links_category_idx ON client_category_links(category_id);
