-- Back-office browser sessions. The back office is a partner application like any integration,
-- but its token lives in a browser: so each signed-in session gets its own partner token, tied
-- to the user who signed in and revoked at sign-out, instead of one installation-wide secret
-- shipped to every browser. Changes made through such a partner are the back office's
-- ('back_office' appointments, the "created in calendar" notification rules).
ALTER TABLE partners ADD COLUMN back_office_user_id integer REFERENCES users(id) ON DELETE CASCADE;
CREATE INDEX partners_back_office_user_idx ON partners(back_office_user_id)
  WHERE back_office_user_id IS NOT NULL;
