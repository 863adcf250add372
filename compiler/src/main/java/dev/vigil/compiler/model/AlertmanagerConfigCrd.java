package dev.vigil.compiler.model;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What prometheus-operator's {@code AlertmanagerConfig} (monitoring.coreos.com/v1alpha1) can hold of
 * Vigil's routing, shared by the check that reports the rest and the emitter that writes it: the
 * receiver types the CRD has, and how a secret's {@code *_file} path names a Kubernetes Secret.
 */
public final class AlertmanagerConfigCrd {
    /** Where prometheus-operator mounts each Secret of an Alertmanager's {@code spec.secrets}. */
    public static final String SECRETS_DIR = "/etc/alertmanager/secrets/";

    /** The receiver types with a {@code *Configs} list in the CRD (v0.93.0): not Jira, Mattermost or incident.io. */
    private static final Set<Routing.ReceiverType> SUPPORTED = EnumSet.complementOf(EnumSet.of(
            Routing.ReceiverType.JIRA, Routing.ReceiverType.MATTERMOST, Routing.ReceiverType.INCIDENTIO));

    private static final Pattern SECRET_NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    /** A Secret's data key ({@code IsConfigMapKey}). */
    private static final Pattern SECRET_KEY = Pattern.compile("[-._a-zA-Z0-9]+");

    private AlertmanagerConfigCrd() {
    }

    /** A key of a Kubernetes Secret in the AlertmanagerConfig's namespace. */
    public record SecretRef(String name, String key) {
    }

    public static boolean supports(Routing.ReceiverType type) {
        return SUPPORTED.contains(type);
    }

    /**
     * The Secret a file path stands for: its directory's last segment is the Secret, the file name its
     * key. {@code /etc/alertmanager/secrets/slack/api-url} is key {@code api-url} of Secret
     * {@code slack}, which is where prometheus-operator mounts that key when the Alertmanager lists the
     * Secret, so one path serves both the plain configuration and the resource.
     */
    public static Optional<SecretRef> secretRef(String path) {
        return problem(path).isPresent() ? Optional.empty() : Optional.of(split(path));
    }

    /** Why {@code path} names no Secret, one clause without a full stop; empty when it names one. */
    public static Optional<String> problem(String path) {
        if (path.endsWith("/") || path.lastIndexOf('/') <= 0) {
            return Optional.of("the path needs a directory, which names the Secret, and a file, which names its key");
        }
        SecretRef ref = split(path);
        if (ref.name().length() > 253 || !SECRET_NAME.matcher(ref.name()).matches()) {
            return Optional.of("its directory `" + ref.name() + "` is not a Secret name (a DNS subdomain: lower-case "
                    + "letters, digits, `-` and `.`)");
        }
        if (ref.key().length() > 253 || !SECRET_KEY.matcher(ref.key()).matches()) {
            return Optional.of("its file name `" + ref.key() + "` is not a Secret key (letters, digits, `-`, `_` and `.`)");
        }
        return Optional.empty();
    }

    private static SecretRef split(String path) {
        int file = path.lastIndexOf('/');
        String dir = path.substring(0, file);
        return new SecretRef(dir.substring(dir.lastIndexOf('/') + 1), path.substring(file + 1));
    }
}
