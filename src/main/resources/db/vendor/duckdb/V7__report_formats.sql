-- The reader reads more forms than text, HTML and PDF (Word files, Markdown from converters), so
-- report.format loses its CHECK: the Format enum that writes it keeps it valid, as V3 did for
-- figure, finding and agency. DuckDB cannot drop a constraint, so the table is rebuilt as is.
create table report_any_format (
    id             bigint primary key default nextval('report_id_seq'),
    agency_id      bigint not null,
    year           integer not null,
    template       varchar not null check (template in ('2019', '2021')),
    source_name    varchar not null,
    format         varchar not null,
    sha256         varchar not null,
    imported_at    timestamp not null,
    parser_version varchar not null,
    version        integer not null,
    source_text    varchar not null,
    unique (agency_id, year, version)
);
insert into report_any_format select * from report order by id;
drop view current_report;
drop table report;
alter table report_any_format rename to report;
create view current_report as
select r.*
from report r
where r.version = (select max(v.version) from report v where v.agency_id = r.agency_id and v.year = r.year);
