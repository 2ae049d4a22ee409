-- PostgreSQL only: a row store scans a whole table for a lookup it has no index for. Every
-- import asks report for hashes and for an agency's versions, every report page and check reads
-- figure and finding by report, and yearly charts filter current_cells by year. DuckDB answers
-- these from its column segments' min/max and keeps ART indexes in memory, so it does without.
create index report_sha256 on report (sha256);
create index report_agency_year on report (agency_id, year);
create index figure_report on figure (report_id);
create index finding_report on finding (report_id);
create index current_cells_year on current_cells (year);
