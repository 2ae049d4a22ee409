package app.nianbao.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every statistic against the values SciPy computed in spec/stats-reference.json, to 1e-9 relative. */
class StatisticsReferenceTest {

    private static final JsonNode REFERENCE = load();

    private static JsonNode load() {
        try (InputStream in = StatisticsReferenceTest.class.getResourceAsStream("/spec/stats-reference.json")) {
            return new ObjectMapper().readTree(in);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static List<JsonNode> trends() {
        return StreamSupport.stream(REFERENCE.get("trends").spliterator(), false).toList();
    }

    private static void close(double actual, JsonNode expected) {
        double e = expected.asDouble();
        assertThat(actual).isCloseTo(e, within(Math.max(1e-12, Math.abs(e) * 1e-9)));
    }

    @ParameterizedTest
    @MethodSource("trends")
    void trends_match_scipy(JsonNode reference) {
        int[] years = StreamSupport.stream(reference.get("years").spliterator(), false).mapToInt(JsonNode::asInt).toArray();
        double[] values = StreamSupport.stream(reference.get("values").spliterator(), false).mapToDouble(JsonNode::asDouble).toArray();

        Trend trend = Trend.of(years, values);

        JsonNode ols = reference.get("ols");
        close(trend.ols().slope(), ols.get("slope"));
        close(trend.ols().intercept(), ols.get("intercept"));
        close(trend.ols().rSquared(), ols.get("r_squared"));
        close(trend.ols().pValue(), ols.get("p_value"));
        close(trend.ols().slopeCi95Low(), ols.get("slope_ci95_low"));
        close(trend.ols().slopeCi95High(), ols.get("slope_ci95_high"));
        JsonNode mk = reference.get("mann_kendall");
        assertThat(trend.mannKendall().s()).isEqualTo(mk.get("s").asLong());
        close(trend.mannKendall().varS(), mk.get("var_s"));
        close(trend.mannKendall().z(), mk.get("z"));
        close(trend.mannKendall().pValue(), mk.get("p_value"));
        close(trend.mannKendall().senSlope(), mk.get("sen_slope"));
        close(trend.cagr().orElseThrow(), reference.get("cagr"));
        assertThat(trend.assessable()).isEqualTo(years.length >= 4);
    }

    @Test
    void funnel_limits_and_z_scores_match_scipy() {
        JsonNode funnel = REFERENCE.get("funnel");
        List<Funnel.Unit> units = new ArrayList<>();
        funnel.get("units").forEach(u -> units.add(new Funnel.Unit(u.get("unit").asText(), u.get("events").asLong(), u.get("n").asLong())));

        Funnel result = Funnel.of(units);

        close(result.pooledRate(), funnel.get("pooled_rate"));
        for (int i = 0; i < units.size(); i++) {
            JsonNode expected = funnel.get("units").get(i);
            Funnel.Point point = result.points().get(i);
            close(point.rate(), expected.get("rate"));
            close(point.z(), expected.get("z"));
            close(point.lower95(), expected.get("lower95"));
            close(point.upper95(), expected.get("upper95"));
            close(point.lower998(), expected.get("lower998"));
            close(point.upper998(), expected.get("upper998"));
        }
        assertThat(result.points()).filteredOn(Funnel.Point::outside998).extracting(p -> p.unit().name())
                .containsExactlyInAnyOrder("A", "D", "E", "G");
    }

    @Test
    void percentiles_and_percentile_ranks_match_numpy_and_scipy() {
        JsonNode reference = REFERENCE.get("percentiles");
        double[] values = StreamSupport.stream(reference.get("values").spliterator(), false).mapToDouble(JsonNode::asDouble).toArray();

        PeerPercentiles percentiles = PeerPercentiles.of(values);

        close(percentiles.p10(), reference.get("p10"));
        close(percentiles.p25(), reference.get("p25"));
        close(percentiles.p50(), reference.get("p50"));
        close(percentiles.p75(), reference.get("p75"));
        close(percentiles.p90(), reference.get("p90"));
        reference.get("ranks").forEach(r -> close(percentiles.rankOf(r.get("x").asDouble()), r.get("percentile_rank")));
    }

    @Test
    void a_series_that_starts_at_zero_has_no_growth_rate_and_three_years_are_not_assessable() {
        Trend trend = Trend.of(new int[]{2021, 2022, 2023}, new double[]{0, 4, 9});

        assertThat(trend.cagr()).isEmpty();
        assertThat(trend.assessable()).isFalse();
        assertThat(PeerPercentiles.rankable(29, PeerPercentiles.DEFAULT_MIN_N)).isFalse();
    }
}
