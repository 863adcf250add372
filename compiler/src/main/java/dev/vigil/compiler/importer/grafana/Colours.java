package dev.vigil.compiler.importer.grafana;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Grafana colours as the names a Vigil threshold step takes. Plain names ({@code red},
 * {@code green}) are kept; shades ({@code dark-red}) and RGB values ({@code #73BF69},
 * {@code rgba(50, 172, 45, 0.97)}) become the nearest of Grafana's base hues, which the caller
 * reports as a change.
 */
final class Colours {
    private static final Pattern NAME = Pattern.compile("[a-z]+");
    private static final Pattern SHADE = Pattern.compile("(?:dark|semi-dark|light|super-light)-([a-z]+)");
    private static final Pattern HEX = Pattern.compile("#([0-9a-fA-F]{6})(?:[0-9a-fA-F]{2})?");
    private static final Pattern RGB = Pattern.compile("rgba?\\(\\s*(\\d+)\\s*,\\s*(\\d+)\\s*,\\s*(\\d+)\\s*(?:,[^)]*)?\\)");

    /** A colour name, and whether it is the colour written (not an approximation). */
    record Named(String name, boolean exact) {
    }

    private Colours() {
    }

    static Named of(String grafana) {
        String c = grafana == null ? "" : grafana.strip();
        if (NAME.matcher(c).matches()) {
            return new Named(c, true);
        }
        Matcher shade = SHADE.matcher(c);
        if (shade.matches()) {
            return new Named(shade.group(1), false);
        }
        return new Named(rgb(c).map(Colours::hue).orElse("red"), false);
    }

    private static Optional<int[]> rgb(String c) {
        Matcher hex = HEX.matcher(c);
        if (hex.matches()) {
            int v = Integer.parseInt(hex.group(1), 16);
            return Optional.of(new int[] {v >> 16, (v >> 8) & 0xff, v & 0xff});
        }
        Matcher rgb = RGB.matcher(c);
        if (rgb.matches()) {
            return Optional.of(new int[] {Integer.parseInt(rgb.group(1)), Integer.parseInt(rgb.group(2)),
                Integer.parseInt(rgb.group(3))});
        }
        return Optional.empty();
    }

    /** The base hue nearest an RGB colour. */
    private static String hue(int[] rgb) {
        int max = Math.max(rgb[0], Math.max(rgb[1], rgb[2]));
        int min = Math.min(rgb[0], Math.min(rgb[1], rgb[2]));
        double d = Math.max(1, max - min);
        double degrees = max == rgb[0] ? 60 * (((rgb[1] - rgb[2]) / d) % 6)
                : max == rgb[1] ? 60 * ((rgb[2] - rgb[0]) / d + 2) : 60 * ((rgb[0] - rgb[1]) / d + 4);
        degrees = (degrees + 360) % 360;
        if (degrees < 15 || degrees >= 345) {
            return "red";
        }
        if (degrees < 45) {
            return "orange";
        }
        if (degrees < 70) {
            return "yellow";
        }
        if (degrees < 170) {
            return "green";
        }
        return degrees < 260 ? "blue" : "purple";
    }
}
