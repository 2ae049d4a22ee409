-- Who must publish. kind: the deadline rule an agency falls under when a user or a roster set it
-- (government or department; null: inferred from the name and level). first_expected and
-- last_expected: the years a roster expects reports for (null: from the first stored report on,
-- with no end).
alter table agency add column kind varchar;
alter table agency add column first_expected integer;
alter table agency add column last_expected integer;

-- A report version whose source changed after it was first published, and one the source took down.
alter table report add column changed_on date;
alter table report add column withdrawn_on date;
drop view current_report;
create view current_report as
select r.*
from report r
where r.version = (select max(v.version) from report v where v.agency_id = r.agency_id and v.year = r.year);

-- What the collector has seen of each source URL: a report page, a report file, or a list page's link.
create sequence source_page_id_seq start 1;
create table source_page (
    id           bigint primary key default nextval('source_page_id_seq'),
    url          varchar not null unique,
    -- the agency the source list names, as written there
    agency_name  varchar,
    -- the list page the link was found on; null for a URL the source list names itself
    list_url     varchar,
    first_seen   timestamp not null,
    last_seen    timestamp not null,
    last_changed timestamp,
    -- when it answered 404/410 or its link left the list page, and which of the two
    gone_on      timestamp,
    gone_reason  varchar,
    sha256       varchar,
    -- the report version its bytes last became, if they were a report
    report_id    bigint
);
