-- The reader reads more forms than text, HTML and PDF (Word files, Markdown from converters):
-- report.format loses its CHECK, which the Format enum that writes it keeps valid.
alter table report drop constraint if exists report_format_check;
