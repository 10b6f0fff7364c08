-- A hold on a resource instance needs a live instance. The trigger reads the instance row with
-- FOR KEY SHARE, so a hold written while the back office removes that instance (which locks it
-- FOR UPDATE, checks its future holds, then marks it deleted) waits for the removal and is then
-- refused like an overlap (23P01: the booking answers "already booked" and the next try picks
-- another instance), instead of landing on a removed instance.
CREATE FUNCTION resource_occupancy_needs_live_instance() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM resource_instances
   WHERE id = NEW.resource_instance_id AND deleted_at IS NULL
     FOR KEY SHARE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'resource instance % has been removed', NEW.resource_instance_id
      USING ERRCODE = '23P01';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER resource_occupancy_needs_live_instance
  BEFORE INSERT ON resource_occupancy
  FOR EACH ROW EXECUTE FUNCTION resource_occupancy_needs_live_instance();
