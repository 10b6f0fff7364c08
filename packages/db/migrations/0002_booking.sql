-- Booking engine: schedules, online-booking settings, clients, appointments (records), visits,
-- group events, occupancy with exclusion constraints, idempotency keys and the event outbox.

-- One row per team member and local date. `slots` = [{"from":"09:00","to":"13:00"},...]; the gaps
-- between slots are breaks; an empty array is a day off. No row = not working that day.
CREATE TABLE staff_schedules (
  staff_id integer NOT NULL REFERENCES staff(id),
  date date NOT NULL,
  slots jsonb NOT NULL DEFAULT '[]',
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (staff_id, date)
);

CREATE TABLE location_booking_settings (
  location_id integer PRIMARY KEY REFERENCES locations(id),
  slot_step_minutes integer NOT NULL DEFAULT 15 CHECK (slot_step_minutes BETWEEN 5 AND 240),
  min_notice_minutes integer NOT NULL DEFAULT 60 CHECK (min_notice_minutes >= 0),
  horizon_days integer NOT NULL DEFAULT 90 CHECK (horizon_days BETWEEN 1 AND 730),
  allow_client_cancel boolean NOT NULL DEFAULT true,
  cancel_until_minutes integer NOT NULL DEFAULT 120 CHECK (cancel_until_minutes >= 0),
  allow_client_reschedule boolean NOT NULL DEFAULT true,
  reschedule_until_minutes integer NOT NULL DEFAULT 120 CHECK (reschedule_until_minutes >= 0),
  online_needs_confirmation boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Clients belong to a location; the same phone across a chain is the same person (matched by phone).
CREATE TABLE clients (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  location_id integer NOT NULL REFERENCES locations(id),
  phone text NOT NULL,
  name text NOT NULL DEFAULT '',
  surname text NOT NULL DEFAULT '',
  patronymic text NOT NULL DEFAULT '',
  email text NOT NULL DEFAULT '',
  comment text NOT NULL DEFAULT '',
  blacklisted boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);
CREATE UNIQUE INDEX clients_location_phone_uq ON clients(location_id, phone) WHERE deleted_at IS NULL;
CREATE INDEX clients_phone_idx ON clients(phone);

-- A visit groups the appointments of one client presence (e.g. haircut then coloring).
CREATE TABLE visits (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  location_id integer NOT NULL REFERENCES locations(id),
  client_id integer REFERENCES clients(id),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Group events: one team member, a capacity, many clients.
CREATE TABLE activities (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  location_id integer NOT NULL REFERENCES locations(id),
  service_id integer NOT NULL REFERENCES services(id),
  staff_id integer NOT NULL REFERENCES staff(id),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  capacity integer NOT NULL CHECK (capacity > 0),
  booked_count integer NOT NULL DEFAULT 0 CHECK (booked_count >= 0),
  comment text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  CHECK (ends_at > starts_at),
  CHECK (booked_count <= capacity)
);
CREATE INDEX activities_location_time_idx ON activities(location_id, starts_at);

CREATE TABLE records (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  location_id integer NOT NULL REFERENCES locations(id),
  staff_id integer NOT NULL REFERENCES staff(id),
  client_id integer REFERENCES clients(id),
  visit_id integer REFERENCES visits(id),
  activity_id integer REFERENCES activities(id),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  source text NOT NULL CHECK (source IN ('online', 'back_office', 'api')),
  attendance smallint NOT NULL DEFAULT 0 CHECK (attendance IN (-1, 0, 1, 2)),
  confirmed boolean NOT NULL DEFAULT true,
  clients_count integer NOT NULL DEFAULT 1 CHECK (clients_count > 0),
  comment text NOT NULL DEFAULT '',
  api_id text,
  -- the record_hash handed to the client is a capability; only its SHA-256 is kept
  hash_digest text NOT NULL,
  notify_by_sms integer NOT NULL DEFAULT 0,
  notify_by_email integer NOT NULL DEFAULT 0,
  master_requested boolean NOT NULL DEFAULT true,
  custom_color text NOT NULL DEFAULT '',
  created_user_id integer REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  CHECK (ends_at > starts_at)
);
CREATE INDEX records_location_time_idx ON records(location_id, starts_at);
CREATE INDEX records_location_changed_idx ON records(location_id, updated_at);
CREATE INDEX records_client_idx ON records(client_id);
CREATE INDEX records_staff_time_idx ON records(staff_id, starts_at);

CREATE TABLE record_services (
  record_id integer NOT NULL REFERENCES records(id),
  position integer NOT NULL,
  service_id integer NOT NULL REFERENCES services(id),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  first_cost numeric(12, 2) NOT NULL DEFAULT 0,
  discount numeric(5, 2) NOT NULL DEFAULT 0,
  cost numeric(12, 2) NOT NULL DEFAULT 0,
  amount integer NOT NULL DEFAULT 1,
  PRIMARY KEY (record_id, position)
);

-- What makes double booking impossible: every live appointment or group event holds its team
-- member's time range, every appointment step holds its resource instance's range, and the
-- database refuses overlaps (EXCLUDE USING gist), whatever process or driver writes.
CREATE TABLE staff_occupancy (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  staff_id integer NOT NULL REFERENCES staff(id),
  record_id integer REFERENCES records(id),
  activity_id integer REFERENCES activities(id),
  during tstzrange NOT NULL,
  released_at timestamptz,
  CHECK ((record_id IS NULL) <> (activity_id IS NULL)),
  CONSTRAINT staff_occupancy_no_overlap EXCLUDE USING gist (staff_id WITH =, during WITH &&) WHERE (released_at IS NULL)
);
CREATE INDEX staff_occupancy_record_idx ON staff_occupancy(record_id);
CREATE INDEX staff_occupancy_activity_idx ON staff_occupancy(activity_id);

CREATE TABLE resource_occupancy (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  resource_instance_id integer NOT NULL REFERENCES resource_instances(id),
  record_id integer NOT NULL REFERENCES records(id),
  during tstzrange NOT NULL,
  released_at timestamptz,
  CONSTRAINT resource_occupancy_no_overlap EXCLUDE USING gist (resource_instance_id WITH =, during WITH &&) WHERE (released_at IS NULL)
);
CREATE INDEX resource_occupancy_record_idx ON resource_occupancy(record_id);

-- Idempotency-Key of POST /book_record: the first answer is kept and replayed.
CREATE TABLE idempotency_keys (
  scope text NOT NULL,
  key text NOT NULL,
  status_code integer,
  response jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scope, key)
);

-- Domain events written in the same transaction as the change; the job worker consumes them.
CREATE TABLE outbox_events (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  location_id integer NOT NULL,
  type text NOT NULL,
  aggregate_id integer NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  available_at timestamptz NOT NULL DEFAULT now(),
  attempts integer NOT NULL DEFAULT 0,
  processed_at timestamptz
);
CREATE INDEX outbox_events_pending_idx ON outbox_events(available_at) WHERE processed_at IS NULL;
