package app.nianbao.agency;

/** Administrative level of an agency, as the schema stores it. */
public enum AgencyLevel {
    NATIONAL("国家部门"), PROVINCE("省"), CITY("市"), COUNTY("县"), TOWNSHIP("乡镇"), DEPARTMENT("部门");

    private final String zh;

    AgencyLevel(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}
