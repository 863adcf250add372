package dev.vigil.targets.catalogue;

import dev.vigil.compiler.model.AlertWindows;
import dev.vigil.compiler.model.Links;
import dev.vigil.compiler.model.QueryText;
import dev.vigil.compiler.model.Slo;
import dev.vigil.compiler.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What several pages show the same way: a table of alerts, an SLO's objective in words, where a thing is declared. */
final class OtherPages {
    private OtherPages() {
    }

    /** One row per alert: its name (linked), severity as text and summary. */
    static Block.Table alertTable(String caption, List<Site.AlertEntry> alerts) {
        List<List<List<Inline>>> rows = new ArrayList<>();
        for (Site.AlertEntry e : alerts) {
            rows.add(List.of(List.of(Inline.codeLink(Links.alertPage(e.alert().name()), e.alert().name())),
                    Inline.text(e.alert().severity() == null ? "none" : e.alert().severity().name()),
                    e.alert().summary() == null ? List.of() : List.of(new Inline.Prose(e.alert().summary()))));
        }
        return new Block.Table(caption, List.of("Alert", "Severity", "Summary"), rows);
    }

    /** "Declared at {@code file:line}." for what a source file wrote. */
    static Optional<Block> declaredAt(Site site, Span span) {
        String source = site.source(span);
        return source.isEmpty() ? Optional.empty() : Optional.of(new Block.Paragraph(List.of(
                new Inline.Text("Declared at "), new Inline.Code(source), new Inline.Text("."))));
    }

    /** {@code 99.9% over 30d}. */
    static String objective(Slo slo) {
        return (slo.objectivePercent() == null ? "?" : QueryText.number(slo.objectivePercent()) + "%") + " over "
                + AlertWindows.format(slo.windowMillis());
    }
}
