package app.nianbao.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import app.nianbao.catalog.AgencyLevel;

/**
 * A synthetic administrative hierarchy of exactly N units, shaped like a real one: national
 * departments, provinces with their departments, cities, counties, townships and the
 * departments at each level. Sizes are heavy-tailed: most units receive a handful of
 * applications a year, a few receive thousands.
 */
final class Hierarchy {

    private static final String[] SYLLABLES = {"东", "西", "南", "北", "中", "安", "平", "宁", "和", "兴", "永", "新", "长",
            "清", "明", "华", "丰", "泰", "嘉", "瑞", "德", "福", "康", "乐", "吉", "庆", "顺", "昌", "盛", "元", "文"};
    private static final String[] DEPARTMENTS = {"发展和改革委员会", "教育局", "公安局", "民政局", "司法局", "财政局",
            "人力资源和社会保障局", "自然资源局", "生态环境局", "住房和城乡建设局", "交通运输局", "水利局", "农业农村局", "商务局",
            "文化和旅游局", "卫生健康委员会", "应急管理局", "审计局", "市场监督管理局", "统计局", "医疗保障局", "城市管理局",
            "退役军人事务局", "信访局", "林业局", "科学技术局", "工业和信息化局", "体育局"};
    /** Median yearly new applications by level, from the bundled real reports' order of magnitude. */
    private static final double[] MEDIAN_SIZE = {120, 400, 150, 40, 1.5, 6};

    private final Random random;
    private final int target;
    private final List<SyntheticAgency> units = new ArrayList<>();

    private Hierarchy(int target, Random random) {
        this.target = target;
        this.random = random;
    }

    static List<SyntheticAgency> of(int agencies, Random random) {
        Hierarchy hierarchy = new Hierarchy(agencies, random);
        hierarchy.build();
        return hierarchy.units;
    }

    private void build() {
        int nationalDepartments = target >= 5000 ? target / 1000 : 0;
        int provinces = Math.max(1, Math.min(31, Math.round(target / 3200f)));
        for (int d = 0; d < nationalDepartments && room(); d++) {
            add("国家" + department(d), AgencyLevel.NATIONAL, "S00", "全国", -1);
        }
        int perProvince = (target - units.size()) / provinces;
        for (int p = 0; p < provinces && room(); p++) {
            int budget = p == provinces - 1 ? target - units.size() : perProvince;
            province(p, budget);
        }
    }

    private void province(int p, int budget) {
        String name = SYLLABLES[p % SYLLABLES.length] + "川省";
        String code = "S%02d".formatted(p + 1);
        int government = add(name + "人民政府", AgencyLevel.PROVINCE, code, name, -1);
        int departments = Math.max(3, Math.round(budget * 0.02f));
        departments(name, code, government, departments);
        int rest = budget - 1 - departments;
        int cities = Math.max(1, Math.round(rest / 320f));
        for (int c = 0; c < cities && room(); c++) {
            city(name, code, government, c, c == cities - 1 ? rest - (cities - 1) * (rest / cities) : rest / cities);
        }
    }

    private void city(String province, String provinceCode, int parent, int c, int budget) {
        String region = province + pair(c) + "市";
        String code = provinceCode + "%02d".formatted(c + 1);
        int government = add(region + "人民政府", AgencyLevel.CITY, code, region, parent);
        int departments = Math.max(2, Math.round(budget * 0.12f));
        departments(region, code, government, departments);
        int rest = budget - 1 - departments;
        int counties = Math.max(1, Math.round(rest / 34f));
        for (int k = 0; k < counties && room(); k++) {
            county(region, code, government, k, k == counties - 1 ? rest - (counties - 1) * (rest / counties) : rest / counties);
        }
    }

    private void county(String city, String cityCode, int parent, int k, int budget) {
        String region = city + pair(k + 7) + "县";
        String code = cityCode + "%02d".formatted(k + 1);
        int government = add(region + "人民政府", AgencyLevel.COUNTY, code, region, parent);
        int departments = Math.round((budget - 1) * 0.7f);
        departments(region, code, government, departments);
        for (int t = 0; t < budget - 1 - departments && room(); t++) {
            String township = region + pair(t + 13) + "镇";
            add(township + "人民政府", AgencyLevel.TOWNSHIP, code + "%03d".formatted(t + 1), township, government);
        }
    }

    private void departments(String region, String code, int government, int count) {
        for (int d = 0; d < count && room(); d++) {
            add(region + department(d), AgencyLevel.DEPARTMENT, code, region, government);
        }
    }

    private static String department(int d) {
        String name = DEPARTMENTS[d % DEPARTMENTS.length];
        return d < DEPARTMENTS.length ? name : name + "第" + (d / DEPARTMENTS.length + 1) + "分局";
    }

    /** Two syllables, distinct for the first 961 indexes. */
    private static String pair(int i) {
        return SYLLABLES[i % SYLLABLES.length] + SYLLABLES[(i / SYLLABLES.length + 7 * i + 3) % SYLLABLES.length];
    }

    private boolean room() {
        return units.size() < target;
    }

    private int add(String name, AgencyLevel level, String regionCode, String regionName, int parent) {
        if (!room()) {
            return parent;
        }
        double size = MEDIAN_SIZE[level.ordinal()] * Math.exp(1.3 * random.nextGaussian());
        int index = units.size();
        units.add(new SyntheticAgency(index, name + SyntheticAgency.MARK, level, regionCode, regionName, parent, size));
        return index;
    }
}
