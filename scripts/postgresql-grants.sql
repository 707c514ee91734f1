-- Counsel on the clinic's PostgreSQL server, step 3 of 3: what the app role may do with
-- the tables Counsel created in step 2. Run it as the owner role, after step 2, and again
-- after every update of Counsel that says it changed the tables:
--
--     psql "postgresql://counsel_owner@db-host/counsel?sslmode=verify-full" \
--          -v ON_ERROR_STOP=1 -f scripts/postgresql-grants.sql
--
-- It can be run again safely: it first takes away everything, then grants exactly this:
--
--   every table    SELECT (read); INSERT (add) into records, audit, audit_signatures and
--                  clinic_certificates (the public part of the key a room signs with).
--   records        UPDATE and DELETE as well, but only of rows whose status is
--                  'in_progress' (unsigned drafts, saved after every change, and deleted
--                  from the Records window). A signed, withdrawn or corrected record is out
--                  of the app role's reach, and Counsel's triggers refuse such changes too.
--   no table       UPDATE or DELETE of audit entries or signatures, TRUNCATE of anything,
--                  or changing the tables themselves. listed_status (each record's status,
--                  start and search key, for sorting and searching the list) is written
--                  only by Counsel's triggers, which run as the owner: the app role only
--                  reads it.
--
-- If the app role has another name, add -v app=NAME (as in step 1).

\if :{?app}
\else
  \set app counsel_app
\endif

SET client_min_messages = warning;  -- no notices about policies not there yet
BEGIN;

-- Everything the app role or anyone else had on Counsel's tables, taken away.
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC, :"app";

-- Read everything; add records, audit entries and their signatures. (The table of the
-- schema's version and the one saying where signing began are only read.)
GRANT SELECT ON ALL TABLES IN SCHEMA public TO :"app";
GRANT INSERT ON records, audit, audit_signatures, clinic_certificates TO :"app";

-- Change and delete records, limited below to unsigned drafts, row by row.
GRANT UPDATE, DELETE ON records TO :"app";
ALTER TABLE records ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS counsel_read ON records;
DROP POLICY IF EXISTS counsel_add ON records;
DROP POLICY IF EXISTS counsel_change_drafts ON records;
DROP POLICY IF EXISTS counsel_delete_drafts ON records;
CREATE POLICY counsel_read ON records FOR SELECT TO :"app" USING (true);
CREATE POLICY counsel_add ON records FOR INSERT TO :"app" WITH CHECK (true);
-- A draft may become signed (its row is then sealed): the check applies to the row before.
CREATE POLICY counsel_change_drafts ON records FOR UPDATE TO :"app"
  USING (status = 'in_progress') WITH CHECK (true);
CREATE POLICY counsel_delete_drafts ON records FOR DELETE TO :"app"
  USING (status = 'in_progress');

COMMIT;

\echo Done: the app role :app can read and add records and audit entries, and change
\echo or delete unsigned drafts only. Every exam-room computer signs in as :app.
