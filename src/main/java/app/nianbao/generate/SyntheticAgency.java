package app.nianbao.generate;

import app.nianbao.catalog.AgencyLevel;

/**
 * One generated reporting unit. {@code parent} is the index of its parent in the generated list
 * (−1 for none); {@code size} is its typical yearly number of new applications.
 */
public record SyntheticAgency(int index, String name, AgencyLevel level, String regionCode, String regionName, int parent,
                              double size) {

    /** Marks every generated name, so that none can be mistaken for a real agency. */
    public static final String MARK = "（模拟）";
}
