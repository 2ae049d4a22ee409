package app.nianbao.generate;

import java.util.List;

import app.nianbao.figures.Figures;
import app.nianbao.figures.Finding;

/**
 * One generated agency with its reports (index i is the year firstYear + i), the checks' findings
 * on each, and the defects put into them.
 */
record GeneratedAgency(SyntheticAgency agency, int firstYear, List<Figures> reports, List<List<Finding>> findings,
                       List<InjectedError> errors) {
}
