-- An older version made current again is stored as a new version, a copy of it; this says
-- which version it copies, who made it current, when and why.
create table report_restore (
    report_id     bigint primary key,
    restored_from bigint not null,
    restored_by   varchar not null,
    restored_at   timestamp not null,
    reason        varchar not null
);
