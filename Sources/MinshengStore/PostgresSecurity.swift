/// What the PostgreSQL server itself enforces, whatever client is connected (the shell,
/// psql, a script): run by the database's owner after the migrations, every statement safe
/// to run again.
///
/// - The change log names the authenticated login (`session_user`), set by a trigger.
/// - Logins granted a role (`role grant`, through `minsheng_enrol`) join the group role
///   `minsheng_cadre`, which may read every table, insert and update the record tables
///   and only insert into the change log: no login but the owner may UPDATE, DELETE or
///   TRUNCATE anything.
/// - Row-level security keeps each login to the rows its grants cover: reading in any of
///   its roles' scopes, writing only in the scopes of roles that write that kind of record.
///   The owner (and a superuser) is not subject to it: it set the database up.
enum PostgresSecurity {
    /// Roles that work on the records of a community or department (cases, visits, meetings).
    static let recordWriters = "'{community,department,subdistrict}'"

    /// Tables scoped by their own `community_id` (and `department_id`, where they have one).
    static let communityTables: [(table: String, department: Bool)] = [
        ("compound", false), ("household", false), ("enterprise", false), ("cases", true), ("case_dispatch", true), ("meeting", false),
        ("assignment", false), ("pair", false), ("leader_link", false), ("visit", false),
    ]
    /// Tables scoped by the meeting they belong to, through a parent column.
    static let meetingTables: [(table: String, column: String, parent: String)] = [
        ("meeting_member", "meeting_id", "meeting"), ("attendance", "meeting_id", "meeting"), ("meeting_proxy", "meeting_id", "meeting"),
        ("item", "meeting_id", "meeting"), ("evaluation", "meeting_id", "meeting"), ("speech", "item_id", "item"), ("motion", "item_id", "item"),
        ("ballot", "motion_id", "motion"), ("secret_voter", "motion_id", "motion"), ("secret_count", "motion_id", "motion"),
        ("rating", "evaluation_id", "evaluation"), ("meeting_correction", "meeting_id", "meeting"),
        ("speaker_request", "meeting_id", "meeting"),
    ]
    /// Tables everyone enrolled reads, written by the roles named.
    static let sharedTables: [(table: String, writers: String)] = [
        ("department", "'{admin}'"), ("community", "'{admin}'"), ("subdistrict", "'{admin}'"), ("cadre", "'{admin}'"),
        ("case_policy", "'{admin}'"), ("calendar_day", "'{admin}'"), ("policy_setting", "'{admin}'"), ("assess_rule", "'{admin}'"), ("campaign", "'{subdistrict}'"),
        ("spotcheck", "'{supervisor,subdistrict}'"), ("spotcheck_case", "'{supervisor,subdistrict}'"), ("notice", "'{supervisor,subdistrict}'"),
    ]

    /// A row in the scope of the login's grants of some roles (each list an SQL array, NULL
    /// for any role): a district-wide grant, or the row's community (an SQL expression) among
    /// the grants' communities, or (when `departments` is given) its department among theirs.
    /// Each function runs once per statement (`(SELECT …)`).
    static func inScope(all: String, communities: String, departments: String?, community: String = "community_id") -> String {
        "(SELECT minsheng_all(\(all))) OR \(community) = ANY ((SELECT minsheng_communities(\(communities)))::bigint[])"
            + (departments.map { " OR department_id = ANY ((SELECT minsheng_departments(\($0)))::bigint[])" } ?? "")
    }

    /// Where a row is read: any of the login's scopes.
    static func readScope(department: Bool, community: String = "community_id") -> String {
        inScope(all: "NULL", communities: "NULL", departments: department ? "NULL" : nil, community: community)
    }

    /// Where a row is written: the scopes of the roles that write records.
    static func writeScope(department: Bool, community: String = "community_id") -> String {
        inScope(
            all: recordWriters, communities: "'{community,subdistrict}'", departments: department ? "'{department,subdistrict}'" : nil,
            community: community)
    }

    static var sql: String {
        var s = functions
        for (table, department) in communityTables {
            s += policies(table, read: readScope(department: department), write: writeScope(department: department))
        }
        for (table, column, parent) in meetingTables {
            let community = "minsheng_\(parent)_community(\(column))"
            s += policies(
                table, read: readScope(department: false, community: community), write: writeScope(department: false, community: community))
        }
        for (table, writers) in sharedTables {
            s += policies(table, read: "true", write: "(SELECT minsheng_holds(\(writers)))")
        }
        // A login reads its own grants, a supervising role all of them; only an admin grants,
        // within its own scope (through the shell, which also enrols the login): nobody
        // raises their own role.
        s += policies(
            "role_grant", read: "login = session_user OR (SELECT minsheng_holds('{subdistrict,supervisor,auditor,admin}'))",
            write: "(SELECT minsheng_all('{admin}')) OR subdistrict_id = ANY ((SELECT minsheng_subdistricts('{admin}'))::bigint[]) "
                + "OR community_id = ANY ((SELECT minsheng_communities('{admin}'))::bigint[]) OR department_id = ANY ((SELECT minsheng_departments('{admin}'))::bigint[])")
        // The log: appended to by every role but the auditor's, never changed. A login reads
        // its own entries, those of the cases it can read, the seals (they are published),
        // and, supervising, its scope's chains.
        s += """
            ALTER TABLE event ENABLE ROW LEVEL SECURITY;
            DROP POLICY IF EXISTS minsheng_read ON event;
            CREATE POLICY minsheng_read ON event FOR SELECT USING (
              login = session_user OR (SELECT minsheng_all('{subdistrict,supervisor,auditor,admin}'))
              OR chain = ANY ((SELECT minsheng_subdistricts('{subdistrict,supervisor,auditor,admin}'))::bigint[])
              OR (kind = 'case' AND EXISTS (SELECT 1 FROM cases c WHERE c.id = record_id))
              OR action = 'audit.seal');
            DROP POLICY IF EXISTS minsheng_append ON event;
            CREATE POLICY minsheng_append ON event FOR INSERT WITH CHECK ((SELECT minsheng_holds('{community,department,subdistrict,supervisor,admin}')));
            DO $$ BEGIN
              EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA %I FROM minsheng_cadre', current_schema());
              EXECUTE format('GRANT USAGE ON SCHEMA %I TO minsheng_cadre', current_schema());
              EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA %I TO minsheng_cadre', current_schema());
              EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO minsheng_cadre', current_schema());
            END $$;
            GRANT INSERT ON event TO minsheng_cadre;
            ALTER TABLE logged_row ENABLE ROW LEVEL SECURITY;
            DROP POLICY IF EXISTS minsheng_read ON logged_row;
            CREATE POLICY minsheng_read ON logged_row FOR SELECT USING (
              (SELECT minsheng_all('{subdistrict,supervisor,auditor,admin}'))
              OR chain = ANY ((SELECT minsheng_subdistricts('{subdistrict,supervisor,auditor,admin}'))::bigint[]));
            DROP POLICY IF EXISTS minsheng_append ON logged_row;
            CREATE POLICY minsheng_append ON logged_row FOR INSERT WITH CHECK ((SELECT minsheng_holds('{community,department,subdistrict,supervisor,admin}')));
            GRANT INSERT ON logged_row TO minsheng_cadre;

            """
        let writable = communityTables.map(\.table) + meetingTables.map(\.table) + sharedTables.map(\.table) + ["role_grant"]
        s += "GRANT INSERT, UPDATE ON \(writable.joined(separator: ", ")) TO minsheng_cadre;\n"
        s += phones
        return s
    }

    /// The tables with a resident's (or a cadre's) phone number, and who may read the row:
    /// as the table's own read policy says.
    static let phoneTables: [(table: String, read: String)] = ["cases", "household", "enterprise", "cadre"].map { table in
        (table, communityTables.first { $0.table == table }.map { readScope(department: $0.department) } ?? "true")
    }

    /// Phone numbers: no login but the owner may read a phone column (column privileges);
    /// `minsheng_phone` gives the number of a row the login may read, masked, or in full
    /// while the session has revealed them — `minsheng_reveal(true)`, refused to an auditor,
    /// and every reveal kept in `minsheng_reveal`, which nobody can change.
    static var phones: String {
        let branches = phoneTables.map { t in
            "    WHEN '\(t.table)' THEN SELECT x.phone INTO p FROM \(t.table) x WHERE x.id = rid AND (\(t.read));"
        }.joined(separator: "\n")
        let digestBranches = phoneTables.map { t in
            "    WHEN '\(t.table)' THEN SELECT x.phone INTO p FROM \(t.table) x WHERE x.id = rid;"
        }.joined(separator: "\n")
        let digest = "encode(sha256(convert_to(key_text || x.phone, 'UTF8')), 'hex')"
        let manyBranches = phoneTables.map { t in
            """
                WHEN '\(t.table)' THEN
                  IF ids IS NULL THEN RETURN QUERY SELECT x.id, \(digest) FROM \(t.table) x WHERE x.phone IS NOT NULL;
                  ELSE RETURN QUERY SELECT x.id, \(digest) FROM \(t.table) x WHERE x.id = ANY (ids) AND x.phone IS NOT NULL;
                  END IF;
            """
        }.joined(separator: "\n")
        return """
            CREATE TABLE IF NOT EXISTS minsheng_reveal (
              id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
              login TEXT NOT NULL, backend TEXT NOT NULL, reveal BOOLEAN NOT NULL, at TIMESTAMPTZ NOT NULL DEFAULT now());
            REVOKE ALL ON minsheng_reveal FROM minsheng_cadre;
            GRANT SELECT ON minsheng_reveal TO minsheng_cadre;
            CREATE OR REPLACE FUNCTION minsheng_mask(p text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
              SELECT CASE WHEN p IS NULL THEN NULL WHEN length(p) < 7 THEN repeat('*', length(p))
                          ELSE left(p, 3) || '****' || right(p, 4) END
            $$;
            CREATE OR REPLACE FUNCTION minsheng_backend() RETURNS text LANGUAGE sql STABLE AS $$
              SELECT pg_backend_pid() || '@' || (SELECT backend_start FROM pg_stat_activity WHERE pid = pg_backend_pid())
            $$;
            CREATE OR REPLACE FUNCTION minsheng_reveal(p_on boolean) RETURNS void
              LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
            BEGIN
              IF p_on AND NOT minsheng_owner() AND NOT minsheng_holds('{community,department,subdistrict,supervisor,admin}') THEN
                RAISE EXCEPTION 'phone numbers are never shown in full to this login (an auditor, or no role)' USING ERRCODE = '42501';
              END IF;
              INSERT INTO minsheng_reveal (login, backend, reveal) VALUES (session_user, minsheng_backend(), p_on);
            END $$;
            DROP FUNCTION IF EXISTS minsheng_phone(oid, bigint);
            CREATE OR REPLACE FUNCTION minsheng_phone(tbl text, rid bigint) RETURNS text
              LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
            DECLARE p text;
            BEGIN
              CASE tbl
            \(branches)
                ELSE RETURN NULL;
              END CASE;
              IF p IS NOT NULL AND COALESCE((SELECT r.reveal FROM minsheng_reveal r
                   WHERE r.login = session_user AND r.backend = minsheng_backend() ORDER BY r.id DESC LIMIT 1), false) THEN
                RETURN p;
              END IF;
              RETURN minsheng_mask(p);
            END $$;
            -- A phone number in a row's image for the log: keyed by a secret nobody but the
            -- owner reads, so an image never gives a number away, not even to a brute force.
            CREATE TABLE IF NOT EXISTS minsheng_secret (k text NOT NULL);
            INSERT INTO minsheng_secret SELECT gen_random_uuid()::text || gen_random_uuid()::text WHERE NOT EXISTS (SELECT 1 FROM minsheng_secret);
            REVOKE ALL ON minsheng_secret FROM minsheng_cadre;
            ALTER TABLE minsheng_secret ENABLE ROW LEVEL SECURITY;
            -- A row's phone number in its image for the log: a digest keyed by that secret, the
            -- same for every login (an image must not depend on who wrote or reads it); without
            -- the key it tells nothing but whether two numbers are equal. One row (a command's):
            CREATE OR REPLACE FUNCTION minsheng_phone_digest(tbl text, rid bigint) RETURNS text
              LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
            DECLARE p text;
            BEGIN
              -- A statement per table, not one built at each call: its plan is kept.
              CASE tbl
            \(digestBranches)
                ELSE RETURN NULL;
              END CASE;
              IF p IS NULL THEN RETURN NULL; END IF;
              RETURN encode(sha256(convert_to((SELECT k FROM minsheng_secret LIMIT 1) || p, 'UTF8')), 'hex');
            END $$;
            -- Many rows at once (`ids`, or NULL for every row of the table; an import's, `audit
            -- verify`'s), each with its number: the key read once, no call per row.
            -- Planned for the rows asked at each call: a plan kept from when the table was
            -- small would scan the whole table ever after.
            CREATE OR REPLACE FUNCTION minsheng_phone_digests(tbl text, ids bigint[]) RETURNS TABLE (id bigint, digest text)
              LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path FROM CURRENT SET plan_cache_mode = force_custom_plan AS $$
            DECLARE key_text text := (SELECT s.k FROM minsheng_secret s LIMIT 1);
            BEGIN
              CASE tbl
            \(manyBranches)
                ELSE RETURN;
              END CASE;
            END $$;
            DO $$ DECLARE t text; cols text; BEGIN
              FOREACH t IN ARRAY ARRAY[\(phoneTables.map { "'\($0.table)'" }.joined(separator: ", "))] LOOP
                EXECUTE format('REVOKE SELECT ON %I FROM minsheng_cadre', t);
                SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position) INTO cols
                  FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = t AND column_name <> 'phone';
                EXECUTE format('GRANT SELECT (%s) ON %I TO minsheng_cadre', cols, t);
              END LOOP;
            END $$;

            """
    }

    /// Row-level security on `table`: rows are read where `read` holds; inserted, and
    /// updated (what a writing command locks, it must be able to read), where `write` holds.
    static func policies(_ table: String, read: String, write: String) -> String {
        """
        ALTER TABLE \(table) ENABLE ROW LEVEL SECURITY;
        DROP POLICY IF EXISTS minsheng_read ON \(table);
        CREATE POLICY minsheng_read ON \(table) FOR SELECT USING (\(read));
        DROP POLICY IF EXISTS minsheng_insert ON \(table);
        CREATE POLICY minsheng_insert ON \(table) FOR INSERT WITH CHECK (\(write));
        DROP POLICY IF EXISTS minsheng_update ON \(table);
        CREATE POLICY minsheng_update ON \(table) FOR UPDATE USING (\(read)) WITH CHECK (\(write));

        """
    }

    /// `minsheng_communities` / `minsheng_departments`: the ids of the units the login's
    /// grants of some roles cover — those granted, and those in a subdistrict granted.
    static func unitsFunction(_ name: String, table: String, column: String) -> String {
        """
        CREATE OR REPLACE FUNCTION minsheng_\(name)(roles text[]) RETURNS bigint[]
          LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
          SELECT COALESCE(array_agg(u.id), '{}') FROM \(table) u
          WHERE u.id IN (SELECT \(column) FROM minsheng_held(roles))
             OR u.subdistrict_id IN (SELECT subdistrict_id FROM minsheng_held(roles) WHERE community_id IS NULL AND department_id IS NULL)
        $$;
        """
    }

    /// The scope functions the policies call: each reads `role_grant` as its owner (no
    /// policy recursion) for the session's login, once per statement (they are STABLE and
    /// their arguments constant). A NULL role list means any role.
    static var functions: String {
        """
        CREATE OR REPLACE FUNCTION minsheng_owner() RETURNS boolean
          LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
          SELECT COALESCE((SELECT rolsuper FROM pg_roles WHERE rolname = session_user), false)
              OR pg_has_role(session_user, (SELECT tableowner FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'event'), 'MEMBER')
        $$;
        -- The wall-clock time of the transaction (UTC); a privileged login may fix it (tests).
        -- PL/pgSQL, as the functions every append calls: its plans are kept by the session
        -- (an SQL function called from a statement is planned again at every call).
        CREATE OR REPLACE FUNCTION minsheng_wall() RETURNS text
          LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
        BEGIN
          IF COALESCE(current_setting('minsheng.wall_clock', true), '') <> '' AND minsheng_owner() THEN
            RETURN current_setting('minsheng.wall_clock', true);
          END IF;
          RETURN to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"');
        END $$;
        CREATE OR REPLACE FUNCTION minsheng_event_login() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          -- The log names the authenticated login and the server's time, never values the client sent.
          -- The clock read here unless a test fixed it: no call of a SECURITY DEFINER function
          -- (and its change of settings) for each row of an import's thousands.
          NEW.login := session_user;
          IF COALESCE(current_setting('minsheng.wall_clock', true), '') = '' THEN
            NEW.wall := to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"');
          ELSE
            NEW.wall := minsheng_wall();
          END IF;
          RETURN NEW;
        END $$;
        DROP TRIGGER IF EXISTS event_login ON event;
        CREATE TRIGGER event_login BEFORE INSERT ON event FOR EACH ROW EXECUTE FUNCTION minsheng_event_login();

        DO $$ BEGIN
          IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'minsheng_cadre') THEN CREATE ROLE minsheng_cadre NOLOGIN; END IF;
        END $$;

        CREATE OR REPLACE FUNCTION minsheng_held(roles text[]) RETURNS SETOF role_grant
          LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
          SELECT * FROM role_grant WHERE login = session_user AND revoked_at IS NULL AND (roles IS NULL OR role = ANY (roles))
        $$;
        CREATE OR REPLACE FUNCTION minsheng_holds(roles text[]) RETURNS boolean
          LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
          SELECT EXISTS (SELECT 1 FROM minsheng_held(roles))
        $$;
        CREATE OR REPLACE FUNCTION minsheng_all(roles text[]) RETURNS boolean
          LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
          SELECT EXISTS (SELECT 1 FROM minsheng_held(roles) WHERE subdistrict_id IS NULL AND community_id IS NULL AND department_id IS NULL)
        $$;
        CREATE OR REPLACE FUNCTION minsheng_subdistricts(roles text[]) RETURNS bigint[]
          LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
          SELECT COALESCE(array_agg(subdistrict_id), '{}') FROM minsheng_held(roles) WHERE subdistrict_id IS NOT NULL
        $$;
        \(unitsFunction("communities", table: "community", column: "community_id"))
        \(unitsFunction("departments", table: "department", column: "department_id"))
        CREATE OR REPLACE FUNCTION minsheng_meeting_community(m bigint) RETURNS bigint
          LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$ SELECT community_id FROM meeting WHERE id = m $$;
        CREATE OR REPLACE FUNCTION minsheng_item_community(i bigint) RETURNS bigint
          LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
          SELECT m.community_id FROM item i JOIN meeting m ON m.id = i.meeting_id WHERE i.id = $1
        $$;
        CREATE OR REPLACE FUNCTION minsheng_motion_community(v bigint) RETURNS bigint
          LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
          SELECT m.community_id FROM motion v JOIN item i ON i.id = v.item_id JOIN meeting m ON m.id = i.meeting_id WHERE v.id = $1
        $$;
        CREATE OR REPLACE FUNCTION minsheng_evaluation_community(e bigint) RETURNS bigint
          LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
          SELECT m.community_id FROM evaluation e JOIN meeting m ON m.id = e.meeting_id WHERE e.id = $1
        $$;

        -- The head of a chain, for an append: a login may not read every entry of its chain.
        CREATE OR REPLACE FUNCTION minsheng_chain_head(c bigint) RETURNS TABLE (link bigint, hash text)
          LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
          SELECT e.link, e.hash FROM event e WHERE e.chain = c ORDER BY e.link DESC LIMIT 1
        $$;

        -- The head of a chain for an append, with the clock the entry will carry: the chain
        -- locked first (until the transaction ends; only appends to the same chain wait), then
        -- its head read as it is once locked (a volatile function reads with a new snapshot).
        CREATE OR REPLACE FUNCTION minsheng_append_head(c bigint, OUT link bigint, OUT hash text, OUT wall text)
          LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path FROM CURRENT AS $$
        BEGIN
          PERFORM pg_advisory_xact_lock(7, CAST(c AS INTEGER));
          SELECT e.link, e.hash INTO link, hash FROM event e WHERE e.chain = c ORDER BY e.link DESC LIMIT 1;
          wall := minsheng_wall();
        END $$;

        -- The chains a login verifies: every one (NULL) for the owner and district-wide
        -- supervising roles, else its subdistricts'.
        CREATE OR REPLACE FUNCTION minsheng_verifiable_chains() RETURNS bigint[]
          LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
          SELECT CASE WHEN minsheng_owner() OR minsheng_all('{subdistrict,supervisor,auditor,admin}') THEN NULL
                      ELSE minsheng_subdistricts('{subdistrict,supervisor,auditor,admin}') END
        $$;

        CREATE OR REPLACE FUNCTION minsheng_entry_hash(c bigint, l bigint) RETURNS text
          LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
          SELECT e.hash FROM event e WHERE e.chain = c AND e.link = l
        $$;

        -- Granting a role: only the owner or an admin, only to a login that exists; the login
        -- joins minsheng_cadre (a superuser needs nothing).
        CREATE OR REPLACE FUNCTION minsheng_enrol(p_login text) RETURNS void
          LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
        BEGIN
          IF NOT (minsheng_holds('{admin}') OR minsheng_owner()) THEN
            RAISE EXCEPTION 'only an admin grants roles' USING ERRCODE = '42501';
          END IF;
          IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_login AND rolcanlogin) THEN
            RAISE EXCEPTION 'there is no login named % on this server (create it first: CREATE ROLE "%" LOGIN …)', p_login, p_login
              USING ERRCODE = '42704';
          END IF;
          IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = p_login) THEN
            EXECUTE format('GRANT minsheng_cadre TO %I', p_login);
          END IF;
        END $$;
        REVOKE ALL ON FUNCTION minsheng_enrol(text) FROM PUBLIC;
        GRANT EXECUTE ON FUNCTION minsheng_enrol(text) TO minsheng_cadre;

        """
    }
}
