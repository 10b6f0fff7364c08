-- Services and service categories draw their ids from one sequence, as in Altegio, where one
-- list (a loyalty program's allowed_service_ids, say) may hold both and an id says which it is.
-- Ids given before this migration may still collide; for those the service wins unless the
-- category is named explicitly (allowed_service_category_ids).
CREATE SEQUENCE catalog_item_ids AS integer;
SELECT setval(
  'catalog_item_ids',
  greatest(
    (SELECT coalesce(max(id), 0) FROM services),
    (SELECT coalesce(max(id), 0) FROM service_categories)
  ) + 1,
  false
);
ALTER TABLE services ALTER COLUMN id DROP IDENTITY;
ALTER TABLE services ALTER COLUMN id SET DEFAULT nextval('catalog_item_ids');
ALTER TABLE service_categories ALTER COLUMN id DROP IDENTITY;
ALTER TABLE service_categories ALTER COLUMN id SET DEFAULT nextval('catalog_item_ids');
