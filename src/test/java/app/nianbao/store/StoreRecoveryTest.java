package app.nianbao.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import app.nianbao.Samples;
import app.nianbao.SpringTestBase;
import app.nianbao.imports.ImportOutcome;
import app.nianbao.imports.ImportService;
import app.nianbao.parse.ReadOptions;
import app.nianbao.security.SystemIdentity;

/**
 * A store whose folder turns read-only under a running server (a disk remounted, a full volume)
 * and then writable again, on a store of its own so that the other tests never see it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@AutoConfigureMockMvc
class StoreRecoveryTest {

    private static final Path DIR = ReadOnlyFolder.create();

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        SpringTestBase.freshStore(registry, DIR.resolve("recovery.duckdb"), "recovery-password");
    }

    @Autowired
    ImportService imports;

    @Autowired
    DSLContext dsl;

    @Autowired
    MockMvc mvc;

    private byte[] report(int year) {
        return Samples.text(Samples.SEED).replace("2022 年政府信息", year + " 年政府信息").getBytes(StandardCharsets.UTF_8);
    }

    private int health() throws Exception {
        return mvc.perform(get("/actuator/health")).andReturn().getResponse().getStatus();
    }

    /** The health answer once it has settled: the probe runs at most every {@link StoreHealth#EVERY}. */
    private int healthSettlingOn(int expected) throws Exception {
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        int status = health();
        while (status != expected && System.nanoTime() < until) {
            Thread.sleep(200);
            status = health();
        }
        return status;
    }

    @Test
    void a_store_that_turns_read_only_fails_each_file_with_its_reason_reports_down_and_heals_when_writable() throws Exception {
        ReadOptions agency = new ReadOptions("只读恢复测试办公室", null, null);
        assertThat(SystemIdentity.call(() -> imports.importBytes("a.txt", report(2042), agency)).status()).isEqualTo(ImportOutcome.Status.IMPORTED);
        assertThat(healthSettlingOn(200)).isEqualTo(200);

        List<ImportOutcome> whileReadOnly;
        int healthWhileReadOnly;
        try (ReadOnlyFolder readOnly = ReadOnlyFolder.of(DIR)) {
            whileReadOnly = List.of(SystemIdentity.call(() -> imports.importBytes("b.txt", report(2043), agency)), SystemIdentity.call(() -> imports.importBytes("c.txt", report(2044), agency)));
            healthWhileReadOnly = healthSettlingOn(503);
        }
        int healthAfter = healthSettlingOn(200);
        ImportOutcome after = SystemIdentity.call(() -> imports.importBytes("b.txt", report(2043), agency));

        assertThat(whileReadOnly).allSatisfy(o -> {
            assertThat(o.status()).isEqualTo(ImportOutcome.Status.FAILED);
            assertThat(o.reason()).contains("存储失败").contains("recovery.duckdb");
        });
        assertThat(healthWhileReadOnly).isEqualTo(503);
        assertThat(healthAfter).isEqualTo(200);
        // the connections that saw the refusal are gone: the same file lands once the folder is writable again
        assertThat(after.status()).isEqualTo(ImportOutcome.Status.IMPORTED);
        assertThat(dsl.fetch("select r.year from report r join agency a on a.id = r.agency_id where a.name = ? order by r.year",
                "只读恢复测试办公室").getValues(0, Integer.class)).containsExactly(2042, 2043);
    }
}
