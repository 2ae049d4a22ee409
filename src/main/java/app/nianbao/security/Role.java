package app.nianbao.security;

import java.util.Arrays;
import java.util.List;

/**
 * What a signed-in person may do. Each role includes the ones before it, so a user is granted
 * the authorities of every role up to theirs and views name only the least role they need.
 */
public enum Role {
    /** analysis views, reports, exports and API reads */
    VIEWER,
    /** plus import, agency edits and finding reviews */
    ANALYST,
    /** plus user accounts */
    ADMIN;

    public List<String> authorities() {
        return Arrays.stream(values()).filter(r -> r.ordinal() <= ordinal()).map(r -> "ROLE_" + r.name()).toList();
    }
}
