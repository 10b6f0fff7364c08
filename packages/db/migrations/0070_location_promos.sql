-- The location's promotional block, shown in the client app (home and place page) and on the
-- online booking page. A location has one or none: it is set while promo_title is not null.
ALTER TABLE locations
  ADD COLUMN promo_title text,
  ADD COLUMN promo_text text NOT NULL DEFAULT '',
  ADD COLUMN promo_link_url text,
  ADD CONSTRAINT locations_promo_link_needs_title CHECK (promo_title IS NOT NULL OR promo_link_url IS NULL);
