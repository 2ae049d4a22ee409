package app.nianbao.agency;

/** Administrative level of an agency, as the schema stores it; the UI names it in the chosen language. */
public enum AgencyLevel {
    NATIONAL, PROVINCE, CITY, COUNTY, TOWNSHIP, DEPARTMENT
}
