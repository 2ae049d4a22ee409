-- No foreign keys: DuckDB checks them eagerly on UPDATE of referenced rows, which would
-- forbid agency merges and re-versioning inside one transaction. Services keep references whole.

create sequence agency_id_seq start 1;
create table agency (
    id              bigint primary key default nextval('agency_id_seq'),
    name            varchar not null,
    -- the name with spaces, punctuation and long/short forms folded, for matching
    normalized_name varchar not null unique,
    level           varchar check (level in ('NATIONAL', 'PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP', 'DEPARTMENT')),
    region_code     varchar,
    region_name     varchar,
    parent_id       bigint,
    synthetic       boolean not null default false
);

create table agency_alias (
    agency_id        bigint not null,
    alias            varchar not null,
    normalized_alias varchar primary key
);

create sequence report_id_seq start 1;
create table report (
    id             bigint primary key default nextval('report_id_seq'),
    agency_id      bigint not null,
    year           integer not null,
    template       varchar not null check (template in ('2019', '2021')),
    source_name    varchar not null,
    format         varchar not null check (format in ('text', 'html', 'pdf')),
    sha256         varchar not null,
    imported_at    timestamp not null,
    parser_version varchar not null,
    -- a re-import of the same agency and year is a new version; the highest one is current
    version        integer not null,
    -- the text the reader saw, line by line, so a cell's source line can be shown
    source_text    varchar not null,
    unique (agency_id, year, version)
);

create table figure (
    report_id bigint not null,
    tbl       varchar not null,
    row_code  varchar not null,
    col_code  varchar not null,
    value     decimal(24, 6),
    kind      varchar not null check (kind in ('number', 'blank', 'inferred', 'repaired', 'text')),
    raw       varchar,
    source    varchar,
    primary key (report_id, tbl, row_code, col_code)
);

create sequence finding_id_seq start 1;
create table finding (
    id             bigint primary key default nextval('finding_id_seq'),
    report_id      bigint not null,
    rule           varchar not null,
    severity       varchar not null check (severity in ('error', 'warning', 'info')),
    tbl            varchar,
    row_code       varchar,
    col_code       varchar,
    expected       decimal(24, 6),
    actual         decimal(24, 6),
    message        varchar not null,
    review_status  varchar not null default 'open' check (review_status in ('open', 'confirmed', 'dismissed')),
    review_comment varchar,
    reviewed_by    varchar,
    reviewed_at    timestamp
);

create view current_report as
select r.*
from report r
where r.version = (select max(v.version) from report v where v.agency_id = r.agency_id and v.year = r.year);

-- Table 3 of every current report as one wide row: what the analytics read most.
create view report_t3_wide as
select f.report_id,
       sum(f.value) filter (where f.row_code = 'new_received' and f.col_code = 'total')    as new_received,
       sum(f.value) filter (where f.row_code = 'carried_over' and f.col_code = 'total')    as carried_over,
       sum(f.value) filter (where f.row_code = 'granted' and f.col_code = 'total')         as granted,
       sum(f.value) filter (where f.row_code = 'partial' and f.col_code = 'total')         as partial,
       sum(f.value) filter (where f.row_code like 'refused_%' and f.col_code = 'total')    as refused,
       sum(f.value) filter (where f.row_code like 'unable_%' and f.col_code = 'total')     as unable,
       sum(f.value) filter (where f.row_code like 'ignored_%' and f.col_code = 'total')    as ignored,
       sum(f.value) filter (where f.row_code like 'other%' and f.col_code = 'total')       as other,
       sum(f.value) filter (where f.row_code = 'total_processed' and f.col_code = 'total') as total_processed,
       sum(f.value) filter (where f.row_code = 'carried_forward' and f.col_code = 'total') as carried_forward
from figure f
where f.tbl = 't3'
group by f.report_id;
