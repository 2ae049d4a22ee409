package app.nianbao.parse;

/** The input is not a report the reader can use; the message says why, in Chinese and English. */
public class UnreadableReportException extends Exception {

    public UnreadableReportException(String zh, String en) {
        super(zh + " / " + en);
    }

    /**
     * Why the reader itself broke on an input, in words rather than a class name: a document
     * nested deeper than the reader goes (a hostile page of 10,000 nested tags), one too large
     * for memory, or the failure's own message.
     */
    public static String reasonOf(Throwable failure) {
        if (failure instanceof StackOverflowError) {
            return "报告嵌套过深，无法读取 / the document is nested too deeply to read";
        }
        if (failure instanceof OutOfMemoryError) {
            return "报告过大，内存不足以读取 / the document needs more memory than the reader has";
        }
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return "读取失败 / the reader failed: " + message;
    }
}
