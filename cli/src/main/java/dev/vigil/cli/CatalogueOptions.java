package dev.vigil.cli;

import dev.vigil.compiler.CompileOptions;
import dev.vigil.compiler.model.WebUrl;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The catalogue's address, for {@code check} and {@code build} alike: set by the build, it turns the catalogue on
 * as {@code catalogue { base_url }} does, so the two commands judge the same output.
 */
final class CatalogueOptions {
    @Option(names = "--catalogue-url", paramLabel = "URL", description = "Build the catalogue (site/ and mkdocs/) "
            + "published at URL; every runbook_url then points at its alert's page. Same as the sources' "
            + "`catalogue { base_url }`, which may then not be set too.")
    String baseUrl;

    CompileOptions addTo(CompileOptions options, CommandLine commandLine) {
        if (baseUrl == null) {
            return options;
        }
        WebUrl.problem(baseUrl).ifPresent(problem -> {
            throw new CommandLine.ParameterException(commandLine, "--catalogue-url is not a web address: it "
                    + problem + ".");
        });
        return options.withCatalogue(baseUrl.strip());
    }
}
