-- People who sign in to the web application. The command line works on the local file and
-- needs no account.
create table app_user (
    username      varchar primary key,
    password_hash varchar not null,
    role          varchar not null check (role in ('VIEWER', 'ANALYST', 'ADMIN')),
    enabled       boolean not null default true,
    created_at    timestamp not null
);
