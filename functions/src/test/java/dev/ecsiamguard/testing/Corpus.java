package dev.ecsiamguard.testing;

import java.nio.file.Path;

/**
 * Where the shared corpus of real-world documents lives: {@code -Dcorpus.dir}, {@code ECS_IAM_GUARD_CORPUS}, or
 * {@code ../../shared/corpus} from the functions module; tests skip themselves when it is absent.
 */
public final class Corpus {

    private Corpus() {
    }

    public static Path dir() {
        String configured = System.getProperty("corpus.dir", System.getenv("ECS_IAM_GUARD_CORPUS"));
        return Path.of(configured == null || configured.isBlank() ? "../../shared/corpus" : configured);
    }
}
