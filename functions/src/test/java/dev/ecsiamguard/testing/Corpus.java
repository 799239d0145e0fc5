package dev.ecsiamguard.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the shared corpus of real-world documents lives, outside the repository: {@code -Dcorpus.dir}, else
 * {@code ECS_IAM_GUARD_CORPUS}, else {@code ../../shared/corpus} from the functions module. Tests skip themselves
 * (never fail) when it is absent.
 */
public final class Corpus {

    private Corpus() {
    }

    public static Path dir() {
        String configured = System.getProperty("corpus.dir", System.getenv("ECS_IAM_GUARD_CORPUS"));
        return Path.of(configured == null || configured.isBlank() ? "../../shared/corpus" : configured);
    }

    public static boolean present() {
        return Files.isDirectory(dir());
    }
}
