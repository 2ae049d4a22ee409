-- Charts of one agency or a few read their rows by agency; PostgreSQL, a row store, needs the
-- index to avoid scanning every report's wide row. DuckDB gains little but loses nothing.
create index current_cells_agency on current_cells (agency_id);
