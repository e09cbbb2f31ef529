-- TRUNCATE fires no row triggers, so 0001's refusal of UPDATE and DELETE did not cover it: refuse
-- it per statement too (also when it arrives through TRUNCATE … CASCADE from tenants).
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();
