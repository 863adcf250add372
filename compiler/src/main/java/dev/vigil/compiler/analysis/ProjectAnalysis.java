package dev.vigil.compiler.analysis;

import dev.vigil.compiler.model.Project;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Project-wide analysis that several checks need, computed once per validation run and on first
 * use: label inference over every query, the vector-matching findings, and the grouping and
 * matching labels no input can have. Not thread-safe; the
 * checks of a run use it one after another.
 */
public final class ProjectAnalysis {
    private final Project project;
    private LabelInference labels;
    private Map<Matches.Kind, List<Matches.Finding>> matches;
    private List<ClauseLabels.Finding> clauseLabels;

    public ProjectAnalysis(Project project) {
        this.project = project;
    }

    public LabelInference labels() {
        if (labels == null) {
            labels = LabelInference.forProject(project);
        }
        return labels;
    }

    /** The project's vector-matching findings of {@code kind}, in query order. */
    public List<Matches.Finding> matches(Matches.Kind kind) {
        if (matches == null) {
            Map<Matches.Kind, List<Matches.Finding>> all = new EnumMap<>(Matches.Kind.class);
            Matches.inProject(project, labels(), f -> all.computeIfAbsent(f.kind(), k -> new ArrayList<>()).add(f));
            matches = all;
        }
        return matches.getOrDefault(kind, List.of());
    }

    /** The project's {@code by}/{@code without}/{@code on}/{@code ignoring} labels that no input can have, in query order. */
    public List<ClauseLabels.Finding> clauseLabels() {
        if (clauseLabels == null) {
            List<ClauseLabels.Finding> all = new ArrayList<>();
            ClauseLabels.inProject(project, labels(), all::add);
            clauseLabels = List.copyOf(all);
        }
        return clauseLabels;
    }
}
