package app.nianbao;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Runs a store or analytics test class a second time against PostgreSQL, when
 * NIANBAO_TEST_POSTGRES names a server (`.ci/run` starts one): the same migrations, jOOQ queries
 * and assertions as on DuckDB. Subclasses add {@link PostgresStore#store} as their DynamicPropertySource.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@EnabledIfEnvironmentVariable(named = OnPostgres.ENV, matches = "jdbc:postgresql:.+")
public @interface OnPostgres {

    String ENV = "NIANBAO_TEST_POSTGRES";
}
