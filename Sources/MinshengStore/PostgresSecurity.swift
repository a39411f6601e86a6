/// What the PostgreSQL server itself enforces, whatever client is connected (the shell,
/// psql, a script): run after the migrations, every statement safe to run again.
enum PostgresSecurity {
    static let sql = """
        CREATE OR REPLACE FUNCTION minsheng_event_login() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          -- The log names the authenticated login, never a value the client sent.
          NEW.login := session_user;
          RETURN NEW;
        END $$;
        DROP TRIGGER IF EXISTS event_login ON event;
        CREATE TRIGGER event_login BEFORE INSERT ON event
          FOR EACH ROW EXECUTE FUNCTION minsheng_event_login();
        """
}
