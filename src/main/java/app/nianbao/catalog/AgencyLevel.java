package app.nianbao.catalog;

/** Administrative level of an agency, as the schema stores it; the UI names it in the chosen language. */
public enum AgencyLevel {
    NATIONAL, PROVINCE, CITY, COUNTY, TOWNSHIP, DEPARTMENT;

    /** The level stored under this name, or null for none or one this version does not know. */
    public static AgencyLevel ofName(String name) {
        for (AgencyLevel level : values()) {
            if (level.name().equals(name)) {
                return level;
            }
        }
        return null;
    }
}
