-- A writer's roll-up differences, staged so that one UPDATE … FROM and one INSERT merge them into
-- rollup (report.Rollups): DuckDB takes rows through its appender quickly but plans a multi-row
-- upsert slowly (250 ms for 8,000 rows against 6 ms for the merge). Each writer deletes its rows
-- before it commits, so the committed table stays empty and no writer sees another's rows.
create table rollup_delta (
    unit  varchar(40) not null,
    year  integer not null,
    name  varchar(200) not null,
    total double precision not null,
    n     bigint not null
);
