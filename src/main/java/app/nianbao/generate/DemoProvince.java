package app.nianbao.generate;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import app.nianbao.imports.BundledReportsImported;

/**
 * The demo province beside the bundled reports on a fresh store ({@code nianbao.demo.synthetic-agencies}
 * agencies, 0 for none, names marked （模拟）), so that roll-ups, peer comparisons and funnels have
 * many agencies to show. It answers the import's event: the import pipeline does not depend on
 * the generator, and a store that was not fresh is never given one.
 */
@Component
class DemoProvince {

    private static final Logger LOG = LoggerFactory.getLogger(DemoProvince.class);

    private final DataSource dataSource;
    private final int agencies;

    DemoProvince(DataSource dataSource, @Value("${nianbao.demo.synthetic-agencies:0}") int agencies) {
        this.dataSource = dataSource;
        this.agencies = agencies;
    }

    @EventListener
    void add(BundledReportsImported fresh) throws SQLException {
        if (agencies <= 0) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            if (!SyntheticStore.supports(connection)) {
                LOG.info("模拟数据只写入 DuckDB 存储，已跳过 / the synthetic demo province is written to DuckDB stores only; skipped");
                return;
            }
            var written = SyntheticStore.generate(connection, GenerateOptions.sevenYears(agencies, 1, 0.02), done -> { });
            LOG.info("模拟数据 / synthetic demo province: {} agencies, {} reports (names end in （模拟）)", written.agencies(),
                    written.reports());
        }
    }
}
