package app.nianbao.catalog;

/** One cell of the template, named as in codes.csv: table, row and column codes. */
public record CellCode(String table, String row, String col) {

    @Override
    public String toString() {
        return table + "." + row + "." + col;
    }
}
