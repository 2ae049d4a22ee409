-- Saved peer groups: a name for a chosen set of agencies, to reopen in any analysis view.
create sequence agency_group_id_seq start 1;
create table agency_group (
    id         bigint primary key default nextval('agency_group_id_seq'),
    name       varchar not null unique,
    created_by varchar,
    created_at timestamp not null
);

create table agency_group_member (
    group_id  bigint not null,
    agency_id bigint not null,
    primary key (group_id, agency_id)
);
