-- A program's service categories are their own list: services and categories are numbered
-- separately, so one list of both (allowed_service_ids) could not tell service 5 from category 5.
ALTER TABLE loyalty_programs
  ADD COLUMN allowed_service_category_ids integer[] NOT NULL DEFAULT '{}';
