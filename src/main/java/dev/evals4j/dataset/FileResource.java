package dev.evals4j.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.Optional;

/**
 * A dataset file on the file system.
 *
 * @param name the name used in row locations
 * @param path the file
 */
record FileResource(String name, Path path) implements DatasetResource {

    FileResource {
        Objects.requireNonNull(name, "name");
        path = path.toAbsolutePath().normalize();
    }

    @Override
    public String origin() {
        return "at " + path;
    }

    @Override
    public DatasetFile file() {
        return new DatasetFile(name, path.toUri(), false);
    }

    @Override
    public InputStream openStream() throws IOException {
        return Files.newInputStream(path);
    }

    @Override
    public Optional<String> fingerprint() {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            return Optional.of(DatasetResource.sizeAndModified(
                    attributes.size(), attributes.lastModifiedTime().toMillis()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
