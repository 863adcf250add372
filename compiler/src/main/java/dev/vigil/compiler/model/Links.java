package dev.vigil.compiler.model;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The names and links that outputs share: a runbook's file name and the {@code runbook_url} that
 * points at it, a dashboard's (or panel's) {@code dashboard_url}. Emitters write files by these
 * names and lowering writes the links, so the two cannot disagree.
 */
public final class Links {
    private Links() {
    }

    /** Windows device names, which no file may have whatever its extension. */
    private static final Pattern DEVICE = Pattern.compile("(?i)(CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])(\\..*)?");

    /** Whether {@code segment} (a file or folder name, with or without extension) is a Windows device name. */
    public static boolean isDeviceName(String segment) {
        return DEVICE.matcher(segment).matches();
    }

    /** {@code name} as one safe path segment: characters other than letters, digits, {@code ._-} become {@code _}. */
    public static String segment(String name) {
        String cleaned = name.replaceAll("[^A-Za-z0-9._-]", "_");
        if (cleaned.isEmpty() || cleaned.chars().allMatch(c -> c == '.')) {
            cleaned = "_" + cleaned;
        }
        return cleaned;
    }

    /** The runbook's file name inside its service's runbook folder. */
    public static String runbookFile(String alert) {
        return segment(alert) + ".md";
    }

    /**
     * A name as one lower-case URL segment of the catalogue: letters and digits lower-cased, runs of
     * anything else but {@code _ . -} one {@code -}, no {@code -} or {@code .} at either end. An alert's
     * page is found by its name typed in lower case ({@code KubePodCrashLooping}: {@code kubepodcrashlooping}).
     */
    public static String slug(String name) {
        String s = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-")
                .replaceAll("^[-.]+|[-.]+$", "");
        return s.isEmpty() ? "_" : s;
    }

    /** The catalogue page of an alert, relative to the site's root: flat, so moving it between services breaks no link. */
    public static String alertPage(String alert) {
        return "alerts/" + slug(alert) + "/";
    }

    /** A service's catalogue page. */
    public static String servicePage(String service) {
        return "services/" + slug(service) + "/";
    }

    /** An SLO's catalogue page: SLO names are a service's own. */
    public static String sloPage(String service, String slo) {
        return "slos/" + slug(service) + "/" + slug(slo) + "/";
    }

    /** A receiver's catalogue page. */
    public static String receiverPage(String receiver) {
        return "receivers/" + slug(receiver) + "/";
    }

    /** A dashboard's catalogue page, by its uid as Grafana's URLs are. */
    public static String dashboardPage(String uid) {
        return "dashboards/" + slug(uid) + "/";
    }

    /** {@code url} without one trailing {@code /}, so a path can be appended. */
    public static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /**
     * Where the alert's runbook is published: its catalogue page when the project has a catalogue, else
     * the Markdown file under the service's {@code runbooks} link, when it has one.
     */
    public static Optional<String> runbookUrl(Project project, Service service, String alert) {
        Catalogue catalogue = project.settings().catalogue();
        return catalogue != null ? Optional.of(catalogue.url(alertPage(alert))) : runbookUrl(service, alert);
    }

    /** Where the alert's Markdown runbook is published, when the service has a {@code runbooks} link. */
    public static Optional<String> runbookUrl(Service service, String alert) {
        String base = service.links().get("runbooks");
        return base == null ? Optional.empty() : Optional.of(trimSlash(base) + "/" + runbookFile(alert));
    }

    /**
     * The dashboard a reference written in service {@code from} names, or the panel ({@code ?viewPanel=ID}), when
     * the dashboard exists and its service has a {@code dashboards} link. The name resolves as
     * {@link DashboardNames} says (own service first, else the one other service), as the Grafana output does.
     */
    public static Optional<String> dashboardUrl(DashboardNames names, Service from, Ref ref) {
        if (ref == null || !(names.resolve(from.name(), ref.name()) instanceof DashboardNames.Found f)) {
            return Optional.empty();
        }
        Service owner = Objects.requireNonNullElse(names.service(f.service()), from);
        String base = owner.links().get("dashboards");
        if (base == null) {
            return Optional.empty();
        }
        Integer panel = ref.member() == null ? null : PanelIds.of(f.dashboard()).get(ref.member());
        return Optional.of(trimSlash(base) + "/" + f.dashboard().uid() + (panel == null ? "" : "?viewPanel=" + panel));
    }
}
