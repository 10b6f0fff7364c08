-- Foundation: tenants (chains, locations), partners, back-office users and their access, catalog.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE chains (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  title text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE locations (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  chain_id integer NOT NULL REFERENCES chains(id),
  title text NOT NULL,
  short_descr text NOT NULL DEFAULT '',
  description text NOT NULL DEFAULT '',
  country text NOT NULL DEFAULT '',
  city text NOT NULL DEFAULT '',
  address text NOT NULL DEFAULT '',
  zip text NOT NULL DEFAULT '',
  coordinate_lat double precision,
  coordinate_lon double precision,
  timezone text NOT NULL,
  phone text NOT NULL DEFAULT '',
  phones text[] NOT NULL DEFAULT '{}',
  email text NOT NULL DEFAULT '',
  site text NOT NULL DEFAULT '',
  social jsonb NOT NULL DEFAULT '{}',
  schedule text NOT NULL DEFAULT '',
  logo text NOT NULL DEFAULT '',
  currency text NOT NULL DEFAULT 'EUR',
  active boolean NOT NULL DEFAULT true,
  phone_confirmation boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);
CREATE INDEX locations_chain_idx ON locations(chain_id);

CREATE TABLE partners (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);

CREATE TABLE users (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  login text NOT NULL UNIQUE,
  password_hash text NOT NULL,
  name text NOT NULL DEFAULT '',
  phone text NOT NULL DEFAULT '',
  email text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE user_tokens (
  token_hash text PRIMARY KEY,
  user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
CREATE INDEX user_tokens_user_idx ON user_tokens(user_id);

-- A grant is either for a whole chain or for one location; the role decides the rights.
CREATE TABLE user_access (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  chain_id integer REFERENCES chains(id),
  location_id integer REFERENCES locations(id),
  role text NOT NULL CHECK (role IN ('owner', 'administrator', 'staff')),
  CHECK ((chain_id IS NULL) <> (location_id IS NULL))
);
CREATE UNIQUE INDEX user_access_chain_uq ON user_access(user_id, chain_id) WHERE chain_id IS NOT NULL;
CREATE UNIQUE INDEX user_access_location_uq ON user_access(user_id, location_id) WHERE location_id IS NOT NULL;

CREATE TABLE positions (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  location_id integer NOT NULL REFERENCES locations(id),
  title text NOT NULL,
  deleted_at timestamptz
);
CREATE INDEX positions_location_idx ON positions(location_id);

CREATE TABLE staff (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  location_id integer NOT NULL REFERENCES locations(id),
  user_id integer REFERENCES users(id),
  name text NOT NULL,
  specialization text NOT NULL DEFAULT '',
  information text NOT NULL DEFAULT '',
  avatar text NOT NULL DEFAULT '',
  position_id integer REFERENCES positions(id),
  rating numeric(3, 2) NOT NULL DEFAULT 0,
  votes_count integer NOT NULL DEFAULT 0,
  weight integer NOT NULL DEFAULT 0,
  bookable boolean NOT NULL DEFAULT true,
  hidden boolean NOT NULL DEFAULT false,
  fired boolean NOT NULL DEFAULT false,
  api_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);
CREATE INDEX staff_location_idx ON staff(location_id);

CREATE TABLE service_categories (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  location_id integer NOT NULL REFERENCES locations(id),
  title text NOT NULL,
  weight integer NOT NULL DEFAULT 0,
  api_id text,
  deleted_at timestamptz
);
CREATE INDEX service_categories_location_idx ON service_categories(location_id);

CREATE TABLE services (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  location_id integer NOT NULL REFERENCES locations(id),
  category_id integer REFERENCES service_categories(id),
  title text NOT NULL,
  comment text NOT NULL DEFAULT '',
  price_min numeric(12, 2) NOT NULL DEFAULT 0,
  price_max numeric(12, 2) NOT NULL DEFAULT 0,
  discount numeric(5, 2) NOT NULL DEFAULT 0,
  duration_seconds integer NOT NULL CHECK (duration_seconds > 0),
  online_bookable boolean NOT NULL DEFAULT true,
  weight integer NOT NULL DEFAULT 0,
  api_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  CHECK (price_max >= price_min)
);
CREATE INDEX services_location_idx ON services(location_id);

-- Who provides a service, with that team member's own duration and price when they differ.
CREATE TABLE service_staff (
  service_id integer NOT NULL REFERENCES services(id),
  staff_id integer NOT NULL REFERENCES staff(id),
  duration_seconds integer CHECK (duration_seconds > 0),
  price numeric(12, 2),
  PRIMARY KEY (service_id, staff_id)
);
CREATE INDEX service_staff_staff_idx ON service_staff(staff_id);

CREATE TABLE resources (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  location_id integer NOT NULL REFERENCES locations(id),
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  deleted_at timestamptz
);
CREATE INDEX resources_location_idx ON resources(location_id);

-- The physical rooms/chairs/devices of a resource type; each is in at most one appointment at a time.
CREATE TABLE resource_instances (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  resource_id integer NOT NULL REFERENCES resources(id),
  title text NOT NULL,
  deleted_at timestamptz
);
CREATE INDEX resource_instances_resource_idx ON resource_instances(resource_id);

CREATE TABLE service_resources (
  service_id integer NOT NULL REFERENCES services(id),
  resource_id integer NOT NULL REFERENCES resources(id),
  PRIMARY KEY (service_id, resource_id)
);
