package dev.vigil.targets.alertmanager;

/**
 * Vigil's notification templates, written to {@code alertmanager/templates/vigil.tmpl} when a
 * receiver uses them (a Slack receiver without its own {@code title} or {@code text}). They show
 * the annotations the rules emitter writes: {@code summary}, {@code description}, {@code runbook_url}.
 */
final class NotificationTemplates {
    static final String FILE = "vigil.tmpl";
    static final String TITLE = "{{ template \"vigil.title\" . }}";
    static final String TEXT = "{{ template \"vigil.text\" . }}";

    /**
     * The two templates' bodies, for where no template file can be loaded (an AlertmanagerConfig
     * receiver takes its title and text inline).
     */
    static final String TITLE_INLINE = "[{{ .Status | toUpper }}{{ if eq .Status \"firing\" }}:{{ .Alerts.Firing | len }}"
            + "{{ end }}] {{ .CommonLabels.alertname }}{{ with .CommonLabels.service }} ({{ . }}){{ end }}";
    static final String TEXT_INLINE = """
            {{ range .Alerts -}}
            *{{ .Labels.severity }}* {{ .Annotations.summary }}
            {{ with .Annotations.description }}{{ . }}
            {{ end }}{{ with .Annotations.runbook_url }}Runbook: {{ . }}
            {{ end }}{{ end }}""";

    static final String TEXT_OF_FILE = "{{/* Written by Vigil. Used by receivers that set no title or text of their own. */}}\n\n"
            + "{{ define \"vigil.title\" -}}\n" + TITLE_INLINE + "\n{{- end }}\n\n"
            + "{{ define \"vigil.text\" -}}\n" + TEXT_INLINE + "\n{{- end }}\n";

    private NotificationTemplates() {
    }
}
