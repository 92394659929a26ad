package dev.evals4j.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A dataset found on the class path, in a directory or inside a jar.
 *
 * @param name the resource name, used in row locations
 * @param url where the class loader found it
 */
record ClassPathResource(String name, URL url) implements DatasetResource {

    ClassPathResource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
    }

    @Override
    public String origin() {
        return "from the class path, " + url;
    }

    @Override
    public DatasetFile file() {
        try {
            return new DatasetFile(name, url.toURI(), true);
        } catch (URISyntaxException e) {
            return new DatasetFile(name, URI.create("classpath:/" + name.replace(" ", "%20")), true);
        }
    }

    @Override
    public InputStream openStream() throws IOException {
        return url.openStream();
    }

    @Override
    public Optional<String> fingerprint() {
        if ("file".equals(url.getProtocol())) {
            try {
                return new FileResource(name, Path.of(url.toURI())).fingerprint();
            } catch (URISyntaxException | IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        try {
            URLConnection connection = url.openConnection();
            long size = connection.getContentLengthLong();
            long modified = connection.getLastModified();
            return size < 0 || modified <= 0
                    ? Optional.empty()
                    : Optional.of(DatasetResource.sizeAndModified(size, modified));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
