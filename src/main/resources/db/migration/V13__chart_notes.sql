-- Why a number moved, said where the chart shows it: an analyst's note on a subject (a scope in
-- its written form: 'all', 'agency:12', 'level:CITY', 'region:35', 'parent:5', 'group:2'), one
-- metric or every metric (null), and a year. The subject's label is kept as the writer saw it.
create sequence chart_note_id_seq start 1;
create table chart_note (
    id            bigint primary key default nextval('chart_note_id_seq'),
    subject       varchar not null,
    subject_label varchar not null,
    metric        varchar,
    year          integer not null,
    body          varchar not null,
    created_by    varchar not null,
    created_at    timestamp not null
);
create index chart_note_subject on chart_note (subject, year);
