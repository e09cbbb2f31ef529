-- Each server process caches who a session or API token belongs to (server/platform/auth/cache.ts).
-- Any change that could change such an answer tells every process through NOTIFY
-- styrbord_principal with payload '<tenant_id>:<person_id>'; each drops that person's entries.
-- Triggers rather than calls in the services, so no code path can forget; NOTIFY is delivered at
-- commit, so a rolled-back change invalidates nothing (and identical notifications of one
-- transaction arrive once). Changes that cannot make a cached answer wrong do not notify: a new
-- session or token (not cached yet), a new person, the last-seen/last-used stamps, the failed
-- sign-in counter. TG_ARGV[0] names the person column (people: id, the others: person_id).
CREATE FUNCTION principal_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM pg_notify('styrbord_principal', OLD.tenant_id || ':' || (to_jsonb(OLD) ->> TG_ARGV[0]));
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM pg_notify('styrbord_principal', NEW.tenant_id || ':' || (to_jsonb(NEW) ->> TG_ARGV[0]));
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER sessions_principal_deleted AFTER DELETE ON sessions
  FOR EACH ROW EXECUTE FUNCTION principal_changed('person_id');
--> statement-breakpoint
CREATE TRIGGER sessions_principal_updated AFTER UPDATE ON sessions
  FOR EACH ROW WHEN (
    (OLD.token_hash, OLD.tenant_id, OLD.person_id, OLD.csrf_token, OLD.method, OLD.expires_at)
    IS DISTINCT FROM (NEW.token_hash, NEW.tenant_id, NEW.person_id, NEW.csrf_token, NEW.method, NEW.expires_at)
  ) EXECUTE FUNCTION principal_changed('person_id');
--> statement-breakpoint
CREATE TRIGGER people_principal_deleted AFTER DELETE ON people
  FOR EACH ROW EXECUTE FUNCTION principal_changed('id');
--> statement-breakpoint
CREATE TRIGGER people_principal_updated AFTER UPDATE ON people
  FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION principal_changed('id');
--> statement-breakpoint
CREATE TRIGGER role_assignments_principal_changed AFTER INSERT OR UPDATE OR DELETE ON role_assignments
  FOR EACH ROW EXECUTE FUNCTION principal_changed('person_id');
--> statement-breakpoint
CREATE TRIGGER credentials_principal_inserted_or_deleted AFTER INSERT OR DELETE ON credentials
  FOR EACH ROW EXECUTE FUNCTION principal_changed('person_id');
--> statement-breakpoint
CREATE TRIGGER credentials_principal_updated AFTER UPDATE ON credentials
  FOR EACH ROW WHEN (
    (OLD.tenant_id, OLD.person_id, OLD.must_change, OLD.password_hash)
    IS DISTINCT FROM (NEW.tenant_id, NEW.person_id, NEW.must_change, NEW.password_hash)
  ) EXECUTE FUNCTION principal_changed('person_id');
--> statement-breakpoint
CREATE TRIGGER api_tokens_principal_deleted AFTER DELETE ON api_tokens
  FOR EACH ROW EXECUTE FUNCTION principal_changed('person_id');
--> statement-breakpoint
CREATE TRIGGER api_tokens_principal_updated AFTER UPDATE ON api_tokens
  FOR EACH ROW WHEN (
    (OLD.token_hash, OLD.tenant_id, OLD.person_id, OLD.expires_at, OLD.revoked_at)
    IS DISTINCT FROM (NEW.token_hash, NEW.tenant_id, NEW.person_id, NEW.expires_at, NEW.revoked_at)
  ) EXECUTE FUNCTION principal_changed('person_id');
