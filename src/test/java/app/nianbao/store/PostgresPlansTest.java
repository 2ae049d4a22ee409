package app.nianbao.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import app.nianbao.OnPostgres;
import app.nianbao.PostgresStore;
import app.nianbao.SpringTestBase;

/** The lookups every import, report page and check makes use an index on PostgreSQL, never a scan of the table. */
@OnPostgres
class PostgresPlansTest extends SpringTestBase {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresStore.store(registry);
    }

    @Autowired
    DataSource dataSource;

    private String plan(String query) {
        JdbcTemplate sql = new JdbcTemplate(dataSource);
        // the samples make small tables, which a planner would rather scan: ask it to price what it has
        return sql.execute((java.sql.Connection c) -> {
            try (var s = c.createStatement()) {
                s.execute("set enable_seqscan = off");
                StringBuilder out = new StringBuilder();
                try (var rs = s.executeQuery("explain " + query)) {
                    while (rs.next()) {
                        out.append(rs.getString(1)).append('\n');
                    }
                }
                s.execute("set enable_seqscan = on");
                return out.toString();
            }
        });
    }

    @Test
    void hot_lookups_read_an_index() {
        for (String query : List.of("select id from report where sha256 = 'x'", "select * from figure where report_id = 1",
                "select * from finding where report_id = 1", "select max(version) from report where agency_id = 1 and year = 2024",
                "select count(*) from current_cells where year = 2024")) {
            assertThat(plan(query)).as(query).containsIgnoringCase("index").doesNotContain("Seq Scan");
        }
    }
}
