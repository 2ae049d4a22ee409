-- Yearly sums of every metric per scope unit ('all', 'level:COUNTY', …), kept by every writer of
-- current_cells in its own transaction (report.Rollups); V15 fills them for a store that has reports.
create table rollup (
    unit varchar(40) not null,
    year integer not null,
    name varchar(200) not null,
    total double precision not null,
    n bigint not null,
    primary key (unit, year, name)
);
