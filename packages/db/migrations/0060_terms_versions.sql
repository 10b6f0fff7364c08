-- The texts of each version of the terms, kept the first time the version is served or accepted:
-- what a client who accepted a version (app_user_consents.version) was shown, in each language.
-- A version of the operator's texts is a digest of them, so a version never has two texts.
CREATE TABLE terms_versions (
  kind text NOT NULL CHECK (kind IN ('user_agreement', 'data_processing')),
  version text NOT NULL,
  language text NOT NULL,
  source text NOT NULL CHECK (source IN ('operator', 'default')),
  title text NOT NULL,
  body text NOT NULL,
  first_seen_at timestamptz NOT NULL,
  PRIMARY KEY (kind, version, language)
);
