package app.nianbao.export;

/**
 * The one set of colours every chart draws with (Tableau 10, which stays apart for the common
 * kinds of colour blindness and in greyscale print): series take them in order; a few carry a
 * meaning the views keep the same everywhere (green for what was granted or on time, red for
 * refused, missing or outside the 99.8 % limits, grey for what is not counted).
 */
public final class Palette {

    public static final String BLUE = "#1f77b4";
    public static final String ORANGE = "#ff7f0e";
    public static final String GREEN = "#2ca02c";
    public static final String RED = "#d62728";
    public static final String PURPLE = "#9467bd";
    public static final String BROWN = "#8c564b";
    public static final String PINK = "#e377c2";
    public static final String GREY = "#7f7f7f";
    public static final String LIGHT_GREEN = "#98df8a";
    public static final String LIGHT_GREY = "#c7c7c7";
    public static final String BLACK = "#000000";

    private static final String[] SERIES = {BLUE, ORANGE, GREEN, RED, PURPLE, BROWN, PINK, GREY};

    private Palette() {
    }

    /** The colour of the i-th series of a chart, repeating after eight. */
    public static String series(int i) {
        return SERIES[Math.floorMod(i, SERIES.length)];
    }
}
