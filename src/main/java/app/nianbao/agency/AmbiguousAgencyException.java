package app.nianbao.agency;

import java.util.List;

/** A name that could be one of several stored agencies, or a longer/shorter form of one: the user decides. */
public class AmbiguousAgencyException extends RuntimeException {

    public AmbiguousAgencyException(String name, List<String> candidates) {
        super("机构名称「%s」可能是已有机构 %s 之一，请明确指定（--agency 或导入页面选择） / the agency name \"%s\" may be one of %s: name it explicitly"
                .formatted(name, candidates, name, candidates));
    }
}
