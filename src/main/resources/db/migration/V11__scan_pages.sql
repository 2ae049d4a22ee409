-- A scanned report's pages as the reader straightened them, reduced for the screen, so that
-- the report page can show a cell where OCR read it. Only scans have rows here.
create table scan_page (
    report_id bigint not null,
    page      integer not null,
    width     integer not null,
    height    integer not null,
    image     bytea not null,
    primary key (report_id, page)
);

-- Where on its page each cell of a scan was read (fractions of the page), and what the
-- digits-only OCR made of a number cell and how sure it was (0–100), kept or not.
create table cell_box (
    report_id  bigint not null,
    tbl        varchar not null,
    row_code   varchar not null,
    col_code   varchar not null,
    page       integer not null,
    x          double precision not null,
    y          double precision not null,
    w          double precision not null,
    h          double precision not null,
    confidence integer,
    read_as    varchar,
    primary key (report_id, tbl, row_code, col_code)
);
