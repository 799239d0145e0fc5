package dev.ecsiamguard.core.github;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A `sub` claim GitHub issued, in the name form `repo:ORG/REPO:CONTEXT` or the immutable form
 * `repo:ORG@ID/REPO@ID:CONTEXT`. Parsing a subject from an event never accepts wildcards.
 */
public record GitHubSubject(String text, String owner, Optional<String> ownerId, String repository,
                            Optional<String> repositoryId, String context) {

    private static final Pattern SUBJECT = Pattern.compile(
            "repo:([A-Za-z0-9-]{1,39})(?:@([0-9]{1,20}))?/([A-Za-z0-9._-]{1,100})(?:@([0-9]{1,20}))?:(.+)");

    public static GitHubSubject parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("subject is empty");
        }
        if (text.indexOf('*') >= 0 || text.indexOf('?') >= 0 || text.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("subject `" + text + "` is malformed: wildcards and spaces never "
                    + "appear in a token GitHub issued");
        }
        Matcher m = SUBJECT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("subject `" + text + "` is malformed: expected `repo:OWNER/REPO:...`"
                    + " or `repo:OWNER@ID/REPO@ID:...`");
        }
        return new GitHubSubject(text, m.group(1), Optional.ofNullable(m.group(2)), m.group(3),
                Optional.ofNullable(m.group(4)), m.group(5));
    }

    public boolean sameOwner(String otherOwner) {
        return owner.toLowerCase(Locale.ROOT).equals(otherOwner.toLowerCase(Locale.ROOT));
    }

    public String fullName() {
        return owner + "/" + repository;
    }
}
