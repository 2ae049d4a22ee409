-- When each report (version) was published and how that is known — user, page-meta, pdf-meta,
-- text (the sign-off date) or collected — for the publication register. Null where no source says.
alter table report add column published_on date;
alter table report add column date_source varchar;
-- PostgreSQL fixed the columns of r.* when the view was made; both stores get it anew
drop view current_report;
create view current_report as
select r.*
from report r
where r.version = (select max(v.version) from report v where v.agency_id = r.agency_id and v.year = r.year);
