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

    static final String TEXT_OF_FILE = """
            {{/* Written by Vigil. Used by receivers that set no title or text of their own. */}}

            {{ define "vigil.title" -}}
            [{{ .Status | toUpper }}{{ if eq .Status "firing" }}:{{ .Alerts.Firing | len }}{{ end }}] \
            {{ .CommonLabels.alertname }}{{ with .CommonLabels.service }} ({{ . }}){{ end }}
            {{- end }}

            {{ define "vigil.text" -}}
            {{ range .Alerts -}}
            *{{ .Labels.severity }}* {{ .Annotations.summary }}
            {{ with .Annotations.description }}{{ . }}
            {{ end }}{{ with .Annotations.runbook_url }}Runbook: {{ . }}
            {{ end }}{{ end }}
            {{- end }}
            """;

    private NotificationTemplates() {
    }
}
