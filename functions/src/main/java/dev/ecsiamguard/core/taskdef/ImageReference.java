package dev.ecsiamguard.core.taskdef;

import java.util.Locale;

/**
 * A container image reference split the way Docker resolves it ({@code nginx} is
 * {@code docker.io/library/nginx}), so registry rules compare what is pulled, not how it was spelled.
 *
 * @param tag the tag, or {@code null} when absent (Docker then pulls {@code latest})
 * @param digest the {@code sha256:...} digest, or {@code null}
 */
record ImageReference(String registry, String repository, String tag, String digest) {

    /**
     * The reference, or {@code null} when the text is a pipeline placeholder or not a valid reference:
     * blank, templated ({@code <IMAGE>}, {@code ${{ x }}}), with white space, or with upper case letters in
     * the repository path, which Docker rejects ({@code IMAGE_PLACEHOLDER}, {@code REPOSITORY_URI:TAG}).
     */
    static ImageReference parse(String image) {
        if (Texts.isBlank(image) || Texts.isTemplated(image)
                || image.strip().chars().anyMatch(Character::isWhitespace)) {
            return null;
        }
        String rest = image.strip();
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
        }
        String registry = "docker.io";
        String repository = rest;
        int slash = rest.indexOf('/');
        String first = slash < 0 ? "" : rest.substring(0, slash);
        if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
            registry = first.toLowerCase(Locale.ROOT);
            repository = rest.substring(slash + 1);
        } else if (slash < 0) {
            repository = "library/" + rest;
        }
        if (repository.isEmpty() || !repository.equals(repository.toLowerCase(Locale.ROOT))) {
            return null;
        }
        return new ImageReference(registry, repository, tag, digest);
    }

    /**
     * A Docker Hub reference that names a registry host instead, such as
     * {@code 123456789012.dkr.ecr.eu-west-1.amazonaws.com.dev-api}: the {@code /} after the host is missing.
     */
    boolean looksLikeMisspelledRegistry() {
        if (!registry.equals("docker.io") || !repository.startsWith("library/")) {
            return false;
        }
        String name = repository.substring("library/".length());
        return name.contains(".dkr.ecr.") || name.contains(".amazonaws.com") || name.contains(".azurecr.io")
                || name.contains(".pkg.dev") || name.startsWith("gcr.io") || name.startsWith("ghcr.io")
                || name.startsWith("quay.io");
    }

    /** {@code registry/repository[:tag][@digest]}, the form allowed-registry patterns are matched against. */
    String canonical() {
        return registry + "/" + repository + (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
    }

    boolean pinnedByDigest() {
        return digest != null && digest.startsWith("sha256:");
    }

    /** True when the tag is absent or {@code latest}, which move with every push. */
    boolean usesLatest() {
        return tag == null || tag.equalsIgnoreCase("latest");
    }

    /** True when the reference starts with the pattern; {@code *} matches within one path segment. */
    boolean matches(String pattern) {
        String p = pattern.strip().toLowerCase(Locale.ROOT);
        if (p.isEmpty()) {
            return false;
        }
        String prefix = "\\Q" + p.replace("*", "\\E[^/]*\\Q") + "\\E";
        String regex = p.endsWith("/") ? prefix + ".*" : prefix + "([/:@].*)?";
        return canonical().toLowerCase(Locale.ROOT).matches(regex);
    }
}
