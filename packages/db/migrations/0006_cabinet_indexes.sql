-- Personal cabinet: erasing an account unlinks its reviews, and a place page lists the
-- reviews of one location by target, newest first.
CREATE INDEX reviews_app_user_idx ON reviews(app_user_id) WHERE app_user_id IS NOT NULL;
CREATE INDEX reviews_location_target_idx ON reviews(location_id, target, created_at);
