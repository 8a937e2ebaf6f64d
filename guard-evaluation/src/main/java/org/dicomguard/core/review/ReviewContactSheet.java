package org.dicomguard.core.review;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes an {@code index.html} contact sheet that shows review PNGs side by side with captions.
 * Stateless and thread-safe.
 */
public final class ReviewContactSheet {

    /**
     * One picture on the sheet.
     *
     * @param pngFileName file name relative to the sheet's folder
     * @param title       caption title, e.g. study and view
     * @param lines       further caption lines, may be empty
     */
    public record Entry(String pngFileName, String title, List<String> lines) {
        /** Copies the lines and rejects nulls. */
        public Entry {
            if (pngFileName == null || title == null) {
                throw new IllegalArgumentException("pngFileName and title must not be null");
            }
            lines = List.copyOf(lines);
        }
    }

    private ReviewContactSheet() {
    }

    /**
     * @param directory folder holding the PNGs; {@code index.html} is written there
     * @param sheetTitle page title
     * @param entries   pictures in display order
     * @return the written file
     * @throws UncheckedIOException when the file cannot be written
     */
    public static Path write(Path directory, String sheetTitle, List<Entry> entries) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").append(escape(sheetTitle))
                .append("</title>\n<style>body{font-family:sans-serif;background:#222;color:#eee}"
                        + "figure{display:inline-block;margin:6px;vertical-align:top}"
                        + "figcaption{font-size:12px;max-width:520px}</style></head><body>\n<h1>")
                .append(escape(sheetTitle)).append("</h1>\n<p>Green: breast mask outline. Yellow: crop box."
                        + " Right: model input tensor.</p>\n");
        for (Entry entry : entries) {
            html.append("<figure><img src=\"").append(escape(entry.pngFileName())).append("\" alt=\"")
                    .append(escape(entry.title())).append("\"><figcaption><b>").append(escape(entry.title()))
                    .append("</b>");
            for (String line : entry.lines()) {
                html.append("<br>").append(escape(line));
            }
            html.append("</figcaption></figure>\n");
        }
        html.append("</body></html>\n");
        Path file = directory.resolve("index.html");
        try {
            Files.createDirectories(directory);
            Files.writeString(file, html.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write contact sheet " + file, e);
        }
        return file;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /**
     * @param image picture to write, not modified
     * @param file  destination PNG file, replaced
     * @throws UncheckedIOException when the file cannot be written
     */
    public static void writePng(BufferedImage image, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (!ImageIO.write(image, "png", file.toFile())) {
                throw new IOException("no PNG writer available");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write review image " + file, e);
        }
    }
}
