package dev.vigil.compiler.diff;

import java.util.List;

/**
 * What changed between two compiled projects: per service, then the project's own changes (routing,
 * settings), then the impacts, and the templates that changed, each once with its reach. {@code before}
 * and {@code after} name the two sides for the reader (a directory, a git revision, {@code working tree}).
 */
public record DiffReport(String before, String after, List<ServiceDiff> services, List<Change> project,
        List<Impact> impacts, List<TemplateChange> templates) {
    public DiffReport {
        services = List.copyOf(services);
        project = List.copyOf(project);
        impacts = List.copyOf(impacts);
        templates = List.copyOf(templates);
    }

    /** This report with the sides named {@code newBefore} and {@code newAfter}. */
    public DiffReport named(String newBefore, String newAfter) {
        return new DiffReport(newBefore, newAfter, services, project, impacts, templates);
    }

    /** Whether anything changed that {@code --fail-on breaking} refuses. */
    public boolean breaking() {
        return impacts.stream().anyMatch(Impact::breaking);
    }

    public long breakingCount() {
        return impacts.stream().filter(Impact::breaking).count();
    }

    public int changeCount() {
        return services.stream().mapToInt(s -> s.changes().size()).sum() + project.size();
    }

    public boolean isEmpty() {
        return changeCount() == 0 && impacts.isEmpty() && templates.isEmpty();
    }
}
