package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.jooq.impl.DSL;
import org.jooq.tools.jdbc.JDBCUtils;

import app.nianbao.report.Rollups;

/**
 * Fills the yearly roll-ups (V14) of a store that had reports before they existed, with the same
 * sums the writers keep from now on. A migration in Java because the sums are the metrics'
 * definitions, which live in code; it runs once per store, inside Flyway's transaction.
 */
public class V15__FillRollups extends BaseJavaMigration {

    @Override
    public void migrate(Context context) {
        Rollups.rebuild(DSL.using(context.getConnection(), JDBCUtils.dialect(context.getConnection())));
    }
}
