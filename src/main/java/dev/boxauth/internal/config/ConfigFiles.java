package dev.boxauth.internal.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The files a configuration was read from ({@code box.auth.config-file}, {@code box.auth.jwt.private-key-file})
 * as they were then, and how to read the configuration again: the only part of it that can change while
 * the application runs (a Kubernetes secret updated, a key pair replaced through Box's second key slot).
 * Properties and environment variables are read once.
 *
 * <p>Immutable. {@link #toString()} names the properties only: the properties it keeps may hold secrets.
 */
public final class ConfigFiles {

    /** The properties the configuration was read from, to read it again with the same rules. */
    private final Map<String, String> properties;
    /** One per file read, in the order read: what the files are compared with before a token request. */
    private final List<Stamp> stamps;

    ConfigFiles(Map<String, String> properties, List<Stamp> stamps) {
        this.properties = properties;
        this.stamps = List.copyOf(stamps);
    }

    /** The files as they were just before they were read. */
    public List<Stamp> stamps() {
        return stamps;
    }

    /** The same files as they are now: one attribute read each, no content, so cheap enough for every refresh. */
    public List<Stamp> stampsNow() {
        return stamps.stream().map(s -> Stamp.of(s.property(), s.path())).toList();
    }

    /**
     * Reads the whole configuration again, files included, through the same {@link SettingsReader}.
     *
     * @throws dev.boxauth.BoxConfigException listing every problem of the files as they are now
     */
    public Settings read() {
        return SettingsReader.read(properties);
    }

    /** The file properties, such as {@code box.auth.config-file}, for messages. */
    public String propertyNames() {
        return stamps.stream().map(Stamp::property).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return "ConfigFiles[" + propertyNames() + "]";
    }

    /**
     * One file as seen at one moment: what tells a changed file without reading it. The file key (the
     * inode) catches a Kubernetes secret update, which swaps a symbolic link to a new file, even when size
     * and time happen to match; the modification time catches a file rewritten in place.
     *
     * @param modified {@code null} when the file could not be read: it changes when the file is back
     */
    public record Stamp(String property, Path path, FileTime modified, long size, Object fileKey) {

        static Stamp of(String property, Path path) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
                return new Stamp(property, path, attributes.lastModifiedTime(), attributes.size(),
                        attributes.fileKey());
            } catch (IOException | SecurityException e) {
                return new Stamp(property, path, null, -1, null);
            }
        }

        // Written out: the generated ones are linked on their first call through method handles, which costs
        // a cold JVM's first token some 15 ms, and every token request compares stamps.
        @Override
        public boolean equals(Object other) {
            return other instanceof Stamp that && size == that.size && property.equals(that.property)
                    && path.equals(that.path) && Objects.equals(modified, that.modified)
                    && Objects.equals(fileKey, that.fileKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(property, path, modified, size, fileKey);
        }
    }
}
