-- Client identity (the app's users, identified by phone), SMS codes and messages, consents,
-- reviews and favourites. A client's appointments are the records whose client has their phone.

CREATE TABLE app_users (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  phone text NOT NULL,
  name text NOT NULL DEFAULT '',
  email text NOT NULL DEFAULT '',
  avatar text NOT NULL DEFAULT '',
  language text NOT NULL DEFAULT 'en',
  date_format text NOT NULL DEFAULT 'DD.MM.YYYY',
  time_24h boolean NOT NULL DEFAULT true,
  notifications_enabled boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);
CREATE UNIQUE INDEX app_users_phone_uq ON app_users(phone) WHERE deleted_at IS NULL;

-- One token per logged-in device; only the SHA-256 is kept.
CREATE TABLE app_user_tokens (
  token_hash text PRIMARY KEY,
  user_id integer NOT NULL REFERENCES app_users(id),
  device text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX app_user_tokens_user_idx ON app_user_tokens(user_id);

-- Login codes: hashed, short-lived, attempt-limited.
CREATE TABLE sms_codes (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  phone text NOT NULL,
  code_hash text NOT NULL,
  purpose text NOT NULL DEFAULT 'login',
  location_id integer REFERENCES locations(id),
  requested_ip text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  consumed_at timestamptz,
  voided_at timestamptz
);
CREATE INDEX sms_codes_phone_idx ON sms_codes(phone, created_at);
CREATE INDEX sms_codes_ip_idx ON sms_codes(requested_ip, created_at);

-- Every SMS handed to a provider, with the outcome.
CREATE TABLE sms_messages (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  phone text NOT NULL,
  body text NOT NULL,
  provider text NOT NULL,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed')),
  provider_message_id text,
  error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz
);

-- Acceptance of the user agreement and data processing terms, per version.
CREATE TABLE app_user_consents (
  user_id integer NOT NULL REFERENCES app_users(id),
  kind text NOT NULL CHECK (kind IN ('user_agreement', 'data_processing')),
  version text NOT NULL,
  accepted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, kind, version)
);

ALTER TABLE clients ADD COLUMN has_app boolean NOT NULL DEFAULT false;

-- Ratings of a team member and reviews of a location, after a past appointment, once per target.
CREATE TABLE reviews (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  record_id integer NOT NULL REFERENCES records(id),
  location_id integer NOT NULL REFERENCES locations(id),
  staff_id integer REFERENCES staff(id),
  app_user_id integer REFERENCES app_users(id),
  target text NOT NULL CHECK (target IN ('staff', 'location')),
  rating smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
  text text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (record_id, target)
);
CREATE INDEX reviews_location_idx ON reviews(location_id, created_at);
CREATE INDEX reviews_staff_idx ON reviews(staff_id);

CREATE TABLE favourite_locations (
  user_id integer NOT NULL REFERENCES app_users(id),
  location_id integer NOT NULL REFERENCES locations(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, location_id)
);
