-- One row the health check rewrites: a store that can be read but no longer written (a disk
-- remounted read-only, a full volume, a revoked grant) is down for an import, and only a write
-- tells. See StoreHealth.
create table store_probe (
    id         integer primary key,
    checked_at timestamp
);
insert into store_probe (id) values (1);

-- When reports of an agency were last written or the agency merged. Writing it first claims the
-- agency for the transaction (AgencyService.claim): DuckDB refuses a second writer of a row
-- that changed, though not of one rewritten with the value it had.
alter table agency add column written_at timestamp;
