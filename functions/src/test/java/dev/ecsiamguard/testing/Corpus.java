package dev.ecsiamguard.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared policy corpus outside the repository: {@code -Dcorpus.dir=...}, else {@code ECS_IAM_GUARD_CORPUS},
 * else {@code ../../shared/corpus} from the functions module. Tests skip (never fail) when it is absent.
 */
public final class Corpus {

    private Corpus() {
    }

    public static Path dir() {
        String configured = System.getProperty("corpus.dir", System.getenv("ECS_IAM_GUARD_CORPUS"));
        return configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "corpus");
    }

    public static boolean present() {
        return Files.isDirectory(dir());
    }
}
