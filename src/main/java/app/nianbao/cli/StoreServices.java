package app.nianbao.cli;

import org.jooq.DSLContext;

import app.nianbao.agency.AgencyService;
import app.nianbao.check.CheckService;
import app.nianbao.imports.ImportService;
import app.nianbao.report.ReportBatch;
import app.nianbao.report.ReportService;

/**
 * The services the server gets from Spring, wired the same way over the command line's one
 * connection: each is made once per command, never inside a transaction, and a transaction any
 * of them opens on the connection is the one the others write in.
 */
public record StoreServices(DSLContext dsl, ReportBatch batch, AgencyService agencies, ReportService reports, CheckService checks) {

    public static StoreServices over(DSLContext dsl) {
        ReportBatch batch = new ReportBatch(dsl);
        ReportService reports = new ReportService(dsl, batch);
        return new StoreServices(dsl, batch, new AgencyService(dsl), reports, new CheckService(dsl, reports, batch));
    }

    public ImportService imports(long maxBytes) {
        return new ImportService(dsl, agencies, reports, batch, maxBytes);
    }

    public ImportService imports() {
        return imports(ImportService.DEFAULT_MAX_BYTES);
    }
}
