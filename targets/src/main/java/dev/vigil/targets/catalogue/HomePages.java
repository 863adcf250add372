package dev.vigil.targets.catalogue;

import dev.vigil.compiler.model.Links;
import dev.vigil.compiler.model.Origin;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.Service;
import java.util.ArrayList;
import java.util.List;

/** The home page: counts, the alerts that need attention (nobody hears them, nothing says what to do), and the services. */
final class HomePages {
    private HomePages() {
    }

    static Page home(Site site, RouteTree tree) {
        List<Block> b = new ArrayList<>();
        List<Service> services = site.project().services();
        b.add(new Block.Fields(List.of(
                count("Services", services.size()),
                count("Alerts", site.alerts().size()),
                count("SLOs", services.stream().mapToInt(s -> s.slos().size()).sum()),
                count("Dashboards", services.stream().mapToInt(s -> s.dashboards().size()).sum()),
                count("Receivers", site.project().routing().receivers().size()),
                count("Routes", tree.all().size()))));
        b.add(AlertPages.heading("unheard", "Alerts that reach no person"));
        if (tree.all().isEmpty()) {
            b.add(new Block.Paragraph(Inline.text("The project declares no routes: where its alerts go is decided "
                    + "outside it.")));
        } else {
            List<Block.Item> unheard = new ArrayList<>();
            for (Site.AlertEntry e : unheard(site, tree)) {
                List<String> receivers = tree.receivers(e.alert().name());
                List<Inline> text = new ArrayList<>(List.of(alertLink(e)));
                text.add(new Inline.Text(receivers.isEmpty() ? ": reaches no receiver"
                        : ": reaches only " + String.join(", ", receivers) + ", which hand alerts to a program"));
                unheard.add(new Block.Item(text));
            }
            b.add(unheard.isEmpty() ? new Block.Paragraph(Inline.text("Every alert reaches a receiver that tells a person."))
                    : new Block.Items(false, unheard));
        }
        b.add(AlertPages.heading("no-runbook", "Alerts without runbook content"));
        List<Block.Item> bare = withoutRunbook(site).stream().map(e -> new Block.Item(List.of(alertLink(e)))).toList();
        b.add(bare.isEmpty() ? new Block.Paragraph(Inline.text("Every alert says what it means or what to do."))
                : new Block.Items(false, bare));
        b.add(AlertPages.heading("services", "Services"));
        List<Block.Item> items = new ArrayList<>();
        for (Service s : services) {
            int n = site.alertsOf(s).size();
            items.add(new Block.Item(List.of(Inline.codeLink(Links.servicePage(s.name()), s.name()),
                    new Inline.Text(": " + n + (n == 1 ? " alert" : " alerts")))));
        }
        b.add(items.isEmpty() ? new Block.Paragraph(Inline.text("The project declares no services."))
                : new Block.Items(false, items));
        return new Page("", site.catalogue().title(), Page.Kind.HOME, b);
    }

    /** The alerts no receiver that tells a person hears: they reach none, or only webhooks. */
    static List<Site.AlertEntry> unheard(Site site, RouteTree tree) {
        return site.alerts().stream()
                .filter(e -> tree.receivers(e.alert().name()).stream().noneMatch(tree::human)).toList();
    }

    /**
     * The alerts whose runbook has no meaning, triage or remediation and that link no runbook kept elsewhere.
     * An SLO's burn-rate alerts are left out: Vigil writes their runbook from the SLO.
     */
    static List<Site.AlertEntry> withoutRunbook(Site site) {
        return site.alerts().stream().filter(e -> {
            Rule.Runbook rb = e.alert().runbook();
            boolean burn = e.alert().origin() instanceof Origin.FromSlo from && from.burn() != null;
            return !burn && rb.meaning() == null && rb.triage().isEmpty() && rb.remediations().isEmpty()
                    && rb.url() == null;
        }).toList();
    }

    private static Inline alertLink(Site.AlertEntry e) {
        return Inline.codeLink(Links.alertPage(e.alert().name()), e.alert().name());
    }

    private static Block.Field count(String label, int n) {
        return new Block.Field(label, Inline.text(String.valueOf(n)));
    }
}
