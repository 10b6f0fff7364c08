-- Notification engine: per-location settings of the 13 types, the in-app inbox (one row per
-- notification, unique idempotency key), Web Push subscriptions and VAPID keys, per-location
-- mutes, bulk pushes, and the jobs table (SKIP LOCKED, start times, leases).

-- The brand name shown as the sender of notifications; empty means "Visita".
ALTER TABLE locations ADD COLUMN IF NOT EXISTS brand_name text NOT NULL DEFAULT '';

-- A missing row means the type's defaults (packages/core/src/notifications/catalog.ts).
CREATE TABLE notification_settings (
  location_id integer NOT NULL REFERENCES locations(id),
  type smallint NOT NULL CHECK (type BETWEEN 1 AND 13),
  enabled boolean NOT NULL,
  template text NOT NULL,
  timing integer,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (location_id, type)
);

CREATE TABLE bulk_pushes (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  location_id integer NOT NULL REFERENCES locations(id),
  created_user_id integer REFERENCES users(id),
  text text NOT NULL,
  filters jsonb NOT NULL DEFAULT '[]',
  operation text NOT NULL DEFAULT 'AND' CHECK (operation IN ('AND', 'OR')),
  recipients integer NOT NULL DEFAULT 0,
  queued integer NOT NULL DEFAULT 0,
  delivered integer NOT NULL DEFAULT 0,
  undeliverable integer NOT NULL DEFAULT 0,
  fanout_done_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX bulk_pushes_location_idx ON bulk_pushes(location_id, created_at);

-- The inbox. `idempotency_key` = type + subject + client: retries, concurrent workers and
-- restarts cannot write the same notification twice.
CREATE TABLE notifications (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  idempotency_key text NOT NULL UNIQUE,
  app_user_id integer NOT NULL REFERENCES app_users(id),
  client_id integer REFERENCES clients(id),
  location_id integer NOT NULL REFERENCES locations(id),
  type smallint NOT NULL CHECK (type BETWEEN 1 AND 13),
  sender text NOT NULL,
  title text NOT NULL,
  body text NOT NULL,
  link text NOT NULL DEFAULT '',
  appointment_id integer REFERENCES records(id),
  bulk_push_id integer REFERENCES bulk_pushes(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz,
  confirmed_at timestamptz,
  -- Web Push: set once every device was tried (delivered, or gone); null while pending
  pushed_at timestamptz
);
CREATE INDEX notifications_user_idx ON notifications(app_user_id, created_at DESC, id DESC);
CREATE INDEX notifications_unread_idx ON notifications(app_user_id, location_id) WHERE read_at IS NULL;
CREATE INDEX notifications_bulk_idx ON notifications(bulk_push_id) WHERE bulk_push_id IS NOT NULL;

CREATE TABLE notification_mutes (
  app_user_id integer NOT NULL REFERENCES app_users(id),
  location_id integer NOT NULL REFERENCES locations(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (app_user_id, location_id)
);

CREATE TABLE push_subscriptions (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  app_user_id integer NOT NULL REFERENCES app_users(id),
  endpoint text NOT NULL UNIQUE,
  p256dh text NOT NULL,
  auth text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX push_subscriptions_user_idx ON push_subscriptions(app_user_id);

-- One row: the server's VAPID key pair (RFC 8292), made at first start.
CREATE TABLE vapid_keys (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  public_key text NOT NULL,
  private_key text NOT NULL,
  subject text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Background jobs. A worker claims due rows with FOR UPDATE SKIP LOCKED and leases them
-- (`locked_until`); a worker killed mid-job leaves the lease to run out and another takes over.
-- `key` names a job by its subject (e.g. the reminder of appointment 42) so it can be moved or
-- dropped when the subject changes.
CREATE TABLE jobs (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind text NOT NULL,
  key text UNIQUE,
  payload jsonb NOT NULL DEFAULT '{}',
  run_at timestamptz NOT NULL DEFAULT now(),
  attempts integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX jobs_due_idx ON jobs(run_at);
