package dev.vigil.cli;

/** How diagnostics are printed. */
enum OutputFormat {
    text,
    json
}
