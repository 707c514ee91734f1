-- Counsel on the clinic's PostgreSQL server (15 or later), step 1 of 3: the database and
-- its two roles. Run it once, as PostgreSQL's administrator, on the server:
--
--     sudo -u postgres psql -v ON_ERROR_STOP=1 -f scripts/postgresql-setup.sql
--
-- It can be run again safely: what already exists is left as it is.
--
-- Two roles, so that the computers in the exam rooms can never change a signed record:
--
--   counsel_owner  owns the tables. Counsel runs as this role only to create the tables
--                  (step 2) and after an update of Counsel that changes them. Keep its
--                  password with IT, not on the exam-room computers.
--   counsel_app    what every Counsel window signs in as. Step 3 (postgresql-grants.sql)
--                  gives it only what the app needs: read and add records and audit
--                  entries, change or delete unsigned drafts. It cannot change or delete a
--                  signed record or an audit entry, and cannot empty (TRUNCATE) any table.
--
-- Different names: add -v db=NAME -v owner=NAME -v app=NAME to the command (and use the
-- same names in steps 2 and 3).
--
-- Passwords are not written here (this file would then hold them). Set them afterwards;
-- psql asks for each one without showing it and sends it to the server already hashed:
--
--     sudo -u postgres psql -c '\password counsel_owner'
--     sudo -u postgres psql -c '\password counsel_app'

\if :{?db}
\else
  \set db counsel
\endif
\if :{?owner}
\else
  \set owner counsel_owner
\endif
\if :{?app}
\else
  \set app counsel_app
\endif

-- Passwords are stored as SCRAM-SHA-256 hashes (PostgreSQL's default since version 14).
SET password_encryption = 'scram-sha-256';

-- The roles: they can sign in, and nothing more (no superuser, no creating databases or roles).
SELECT format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE', :'owner')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'owner') \gexec
SELECT format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE', :'app')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'app') \gexec

-- The database, in UTF-8 (patients' names in every language), owned by the owner role.
SELECT format('CREATE DATABASE %I OWNER %I ENCODING %L TEMPLATE template0', :'db', :'owner', 'UTF8')
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec

-- Only the two roles may connect to it (and the administrator, who always can).
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
GRANT CONNECT ON DATABASE :"db" TO :"owner", :"app";
-- The app role may not make tables, temporary or not, anywhere in it.
REVOKE TEMPORARY ON DATABASE :"db" FROM :"app";

\connect :"db"

-- Counsel's tables go in the schema "public" of this database, which the owner role owns:
-- no other role may create anything in it; the app role may only use what is granted.
ALTER SCHEMA public OWNER TO :"owner";
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO :"app";

-- Tables the owner role creates later are readable and appendable by the app role from the
-- start: SELECT and INSERT only (no UPDATE, DELETE or TRUNCATE). Step 3 adds changing and
-- deleting unsigned drafts, and nothing else.
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public
  REVOKE ALL ON TABLES FROM PUBLIC;
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public
  GRANT SELECT, INSERT ON TABLES TO :"app";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public
  GRANT USAGE, SELECT ON SEQUENCES TO :"app";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public
  REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public
  GRANT EXECUTE ON FUNCTIONS TO :"app";

\echo Done: database :db, owner role :owner, app role :app.
\echo Next: set both passwords (see the top of this file), then create the tables (step 2).
