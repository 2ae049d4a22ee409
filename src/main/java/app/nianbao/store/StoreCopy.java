package app.nianbao.store;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.duckdb.DuckDBConnection;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Moves a whole store — the DuckDB file a team outgrew, say — into an empty PostgreSQL store,
 * table by table through PostgreSQL's COPY, rows streamed as the source returns them. Both
 * stores carry the same migrations, so the tables and columns they share are the store; the
 * target's own rows (reference data its migrations wrote) are replaced by the source's. One
 * transaction on the target: a copy that fails leaves it as it was.
 */
public final class StoreCopy {

    /** A table copied and how many rows it holds. */
    public record Copied(String table, long rows) {
    }

    private static final int FETCH = 10_000;
    private static final long SLICE = 200_000;
    private static final int CHUNK = 1 << 20;
    private static final Set<String> NOT_COPIED = Set.of("flyway_schema_history");

    private StoreCopy() {
    }

    /**
     * Copies every shared table from source to target, then moves the
     * target's id sequences past the copied ids. The target must hold no agency or report yet.
     */
    public static List<Copied> copy(Store from, Store to, Consumer<Copied> progress) throws SQLException {
        Connection source = from.connection();
        Connection target = to.connection();
        if (!target.isWrapperFor(PGConnection.class)) {
            throw new IllegalArgumentException("目标须为 PostgreSQL 数据库 / the target must be a PostgreSQL store (--to-url jdbc:postgresql://…)");
        }
        Map<String, List<String>> targetTables = columns(target);
        Map<String, List<String>> sourceTables = columns(source);
        for (String table : List.of("agency", "report")) {
            if (to.dsl().fetchCount(DSL.table(DSL.name(table))) > 0) {
                throw new IllegalArgumentException("目标数据库已有数据（%s 表非空）；只能复制到空库 / the target already holds data (table %s): copy into an empty store"
                        .formatted(table, table));
            }
        }
        boolean autoCommit = target.getAutoCommit();
        boolean sourceAutoCommit = source.getAutoCommit();
        int sourceIsolation = source.getTransactionIsolation();
        target.setAutoCommit(false);
        // one snapshot of a source server that others may be writing to, read by cursor
        source.setAutoCommit(false);
        if (source.isWrapperFor(PGConnection.class)) {
            source.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        }
        try {
            // the schema has no foreign keys (V1 says why), so the tables go in any order
            for (String table : targetTables.keySet()) {
                to.dsl().deleteFrom(DSL.table(DSL.name(table))).execute();
            }
            List<Copied> copied = new ArrayList<>();
            for (String table : targetTables.keySet()) {
                List<String> shared = new ArrayList<>(targetTables.get(table));
                shared.retainAll(sourceTables.getOrDefault(table, List.of()));
                if (shared.isEmpty()) {
                    continue;
                }
                Copied one = new Copied(table, copyTable(from, to, table, shared));
                copied.add(one);
                progress.accept(one);
            }
            moveSequences(to, targetTables);
            target.commit();
            // the planner's statistics, which COPY leaves to autovacuum, for the first queries on the copy
            to.dsl().query("analyze").execute();
            return copied;
        } catch (SQLException | RuntimeException e) {
            target.rollback();
            throw e;
        } finally {
            target.setAutoCommit(autoCommit);
            source.rollback();
            source.setAutoCommit(sourceAutoCommit);
            if (source.isWrapperFor(PGConnection.class)) {
                source.setTransactionIsolation(sourceIsolation);
            }
        }
    }

    /** Base tables of the connection's schema and their columns in order, by lower-case name. */
    private static Map<String, List<String>> columns(Connection connection) throws SQLException {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        DatabaseMetaData meta = connection.getMetaData();
        try (ResultSet rs = meta.getTables(connection.getCatalog(), connection.getSchema(), "%", new String[] {"TABLE", "BASE TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!NOT_COPIED.contains(name)) {
                    tables.put(name, new ArrayList<>());
                }
            }
        }
        try (ResultSet rs = meta.getColumns(connection.getCatalog(), connection.getSchema(), "%", "%")) {
            while (rs.next()) {
                List<String> columns = tables.get(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                if (columns != null) {
                    columns.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return tables;
    }

    private static long copyTable(Store from, Store to, String table, List<String> columns) throws SQLException {
        List<Field<Object>> fields = columns.stream().map(c -> DSL.field(DSL.name(c))).toList();
        // COPY has no jOOQ builder: the names are rendered, quoted, by the target's dialect
        String list = String.join(", ", fields.stream().map(to.dsl()::render).toList());
        CopyIn in = to.connection().unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + to.dsl().render(DSL.name(table)) + " (" + list + ") FROM STDIN WITH (FORMAT csv)");
        try {
            StringBuilder buffer = new StringBuilder(CHUNK + 4096);
            long rows = 0;
            for (Condition slice : slices(from, table)) {
                try (var cursor = from.dsl().select(fields).from(DSL.table(DSL.name(table))).where(slice).fetchSize(FETCH).fetchLazy();
                     ResultSet rs = cursor.resultSet()) {
                    while (rs.next()) {
                        for (int i = 1; i <= columns.size(); i++) {
                            if (i > 1) {
                                buffer.append(',');
                            }
                            csv(buffer, rs.getObject(i));
                        }
                        buffer.append('\n');
                        rows++;
                        if (buffer.length() >= CHUNK) {
                            write(in, buffer);
                        }
                    }
                }
            }
            write(in, buffer);
            in.endCopy();
            return rows;
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    /**
     * The source read in parts its driver does not hold whole: DuckDB's JDBC result is
     * materialised (140 million figure rows would be 15 GB), so a DuckDB table is read in rowid
     * ranges, which it finds without a scan; PostgreSQL streams a cursor within the transaction.
     */
    private static List<Condition> slices(Store from, String table) throws SQLException {
        if (!from.connection().isWrapperFor(DuckDBConnection.class)) {
            return List.of(DSL.noCondition());
        }
        Field<Long> rowid = DSL.field(DSL.name("rowid"), Long.class);
        Long last = from.dsl().select(DSL.max(rowid)).from(DSL.table(DSL.name(table))).fetchOne(0, Long.class);
        List<Condition> slices = new ArrayList<>();
        for (long start = 0; last != null && start <= last; start += SLICE) {
            slices.add(rowid.ge(start).and(rowid.lt(start + SLICE)));
        }
        return slices;
    }

    private static void write(CopyIn in, StringBuilder buffer) throws SQLException {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        in.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }

    /** A value as PostgreSQL's CSV reads it back: unquoted empty for null, text always quoted (so "" stays an empty string). */
    private static void csv(StringBuilder out, Object value) throws SQLException {
        if (value == null) {
            return;
        }
        if (value instanceof Blob blob) {
            out.append("\\x").append(HexFormat.of().formatHex(blob.getBytes(1, (int) blob.length())));
        } else if (value instanceof byte[] bytes) {
            out.append("\\x").append(HexFormat.of().formatHex(bytes));
        } else if (value instanceof BigDecimal decimal) {
            out.append(decimal.toPlainString());
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else {
            String text = value.toString();
            out.append('"');
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                out.append(c);
                if (c == '"') {
                    out.append('"');
                }
            }
            out.append('"');
        }
    }

    /** Each sequence {@code <table>_id_seq} continues after the largest id copied into its table. */
    private static void moveSequences(Store to, Map<String, List<String>> tables) throws SQLException {
        List<String> sequences = new ArrayList<>();
        Connection target = to.connection();
        try (ResultSet rs = target.getMetaData().getTables(target.getCatalog(), target.getSchema(), "%", new String[] {"SEQUENCE"})) {
            while (rs.next()) {
                sequences.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        for (String name : sequences) {
            String table = name.endsWith("_id_seq") ? name.substring(0, name.length() - "_id_seq".length()) : null;
            if (table == null || !tables.getOrDefault(table, List.of()).contains("id")) {
                continue;
            }
            Field<Long> id = DSL.field(DSL.name(table, "id"), Long.class);
            Long max = to.dsl().select(DSL.max(id)).from(DSL.table(DSL.name(table))).fetchOne(0, Long.class);
            to.dsl().select(DSL.function("setval", Long.class, DSL.val(name), DSL.val(max == null ? 1 : max + 1), DSL.inline(false))).fetch();
        }
    }
}
