package org.dicomguard.samples.cli;

import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Converter for options and parameters that name an input: a file or folder that must exist and be
 * readable. A missing or unreadable one is a usage error (exit 2) naming the option and the path,
 * before the command starts any work.
 */
final class ExistingPath implements CommandLine.ITypeConverter<Path> {

    /** Creates the converter; picocli instantiates it. */
    ExistingPath() {
    }

    @Override
    public Path convert(String value) {
        Path path;
        try {
            path = Path.of(value);
        } catch (InvalidPathException e) {
            throw new CommandLine.TypeConversionException("not a valid path: " + value);
        }
        if (!Files.exists(path)) {
            throw new CommandLine.TypeConversionException("no such file or folder: " + value);
        }
        if (!Files.isReadable(path)) {
            throw new CommandLine.TypeConversionException("permission denied: " + value);
        }
        return path;
    }
}
