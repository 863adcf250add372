package dev.vigil.targets.catalogue;

import dev.vigil.compiler.model.Links;
import dev.vigil.compiler.model.Service;
import java.util.ArrayList;
import java.util.List;

/** The home page: counts, services, and the alerts that need attention. */
final class HomePages {
    private HomePages() {
    }

    static Page home(Site site) {
        List<Block> b = new ArrayList<>();
        b.add(new Block.Fields(List.of(
                new Block.Field("Services", Inline.text(String.valueOf(site.project().services().size()))),
                new Block.Field("Alerts", Inline.text(String.valueOf(site.alerts().size()))))));
        b.add(AlertPages.heading("services", "Services"));
        List<Block.Item> services = new ArrayList<>();
        for (Service s : site.project().services()) {
            services.add(new Block.Item(List.of(Inline.codeLink(Links.servicePage(s.name()), s.name()),
                    new Inline.Text(": " + site.alertsOf(s).size() + " alerts"))));
        }
        b.add(new Block.Items(false, services));
        return new Page("", site.catalogue().title(), Page.Kind.HOME, b);
    }
}
