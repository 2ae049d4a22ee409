package app.nianbao.parse;

/** The input is not a report the reader can use; the message says why, in Chinese and English. */
public class UnreadableReportException extends Exception {

    public UnreadableReportException(String zh, String en) {
        super(zh + " / " + en);
    }
}
