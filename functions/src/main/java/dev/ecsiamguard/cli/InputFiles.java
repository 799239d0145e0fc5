package dev.ecsiamguard.cli;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads input files and names them as output shows them, the same way for every command. */
final class InputFiles {

    /** A file that cannot be read; the message says why, in the words output shows. */
    static final class Unreadable extends Exception {

        private static final long serialVersionUID = 1L;

        Unreadable(String message) {
            super(message);
        }
    }

    private final Path workingDirectory;

    InputFiles(Path workingDirectory) {
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
    }

    String read(Path file) throws Unreadable {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new Unreadable("no such file");
        } catch (MalformedInputException e) {
            throw new Unreadable("not UTF-8 text");
        } catch (IOException e) {
            throw new Unreadable("cannot read: " + e.getMessage());
        }
    }

    /** The path relative to the working directory when under it (SARIF needs repository-relative URIs). */
    String display(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(workingDirectory) ? workingDirectory.relativize(absolute) : file;
        return shown.toString().replace('\\', '/');
    }
}
