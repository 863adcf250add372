package dev.vigil.targets.verify;

import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.compiler.source.Span;
import dev.vigil.targets.verify.TestReport.Case;
import dev.vigil.targets.verify.TestReport.Finding;
import dev.vigil.targets.verify.TestReport.Status;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A {@link TestReport} as the JUnit XML that Surefire writes and CI servers read: one
 * {@code <testsuite>} per project, a {@code <testcase>} per case, a {@code <failure>} for a failed
 * one (its findings as {@code vigil test} prints them), an {@code <error>} for a tool that could not
 * finish, {@code <skipped>} for a missing tool's, and the tool's own output in {@code <system-out>}.
 */
public final class JUnitXml {
    private JUnitXml() {
    }

    /** The file name Surefire's tooling looks for: {@code TEST-vigil-<name>.xml}. */
    public static String fileName(String name) {
        return "TEST-vigil-" + name.replaceAll("[^A-Za-z0-9._-]", "_") + ".xml";
    }

    /** Writes the report into {@code directory} (created if needed); returns the file. */
    public static Path writeTo(Path directory, TestReport report, Map<String, SourceFile> sources) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(fileName(report.name()));
        Files.writeString(file, render(report, sources), StandardCharsets.UTF_8);
        return file;
    }

    public static String render(TestReport report, Map<String, SourceFile> sources) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuite");
            x.writeAttribute("name", "vigil-" + report.name());
            x.writeAttribute("tests", String.valueOf(report.cases().size()));
            x.writeAttribute("failures", String.valueOf(report.count(Status.FAILED)));
            x.writeAttribute("errors", String.valueOf(report.count(Status.ERROR)));
            x.writeAttribute("skipped", String.valueOf(report.count(Status.SKIPPED)));
            x.writeAttribute("time", seconds(report.cases().stream().mapToLong(Case::millis).sum()));
            for (Case c : report.cases()) {
                x.writeCharacters("\n  ");
                testcase(x, c, sources);
            }
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new UncheckedIOException(new IOException(e));
        }
        return text.toString();
    }

    private static void testcase(XMLStreamWriter x, Case c, Map<String, SourceFile> sources) throws XMLStreamException {
        x.writeStartElement("testcase");
        x.writeAttribute("name", clean(c.name()));
        x.writeAttribute("classname", clean(c.suite()));
        x.writeAttribute("time", seconds(c.millis()));
        if (c.status() == Status.FAILED || c.status() == Status.ERROR) {
            x.writeCharacters("\n    ");
            x.writeStartElement(c.status() == Status.FAILED ? "failure" : "error");
            Diagnostic first = c.findings().isEmpty() ? null : c.findings().get(0).diagnostic();
            x.writeAttribute("message", first == null ? c.status().label() : clean(headline(first)));
            x.writeAttribute("type", first == null ? "vigil" : first.code());
            StringBuilder body = new StringBuilder();
            for (Finding f : c.findings()) {
                body.append(TestReports.finding(f, sources)).append('\n');
            }
            x.writeCharacters(clean(body.toString().stripTrailing()));
            x.writeEndElement();
            if (!c.output().isEmpty()) {
                x.writeCharacters("\n    ");
                x.writeStartElement("system-out");
                x.writeCharacters(clean(c.output()));
                x.writeEndElement();
            }
            x.writeCharacters("\n  ");
        } else if (c.status() == Status.SKIPPED) {
            x.writeCharacters("\n    ");
            x.writeEmptyElement("skipped");
            x.writeAttribute("message", clean(c.name()));
            x.writeCharacters("\n  ");
        }
        x.writeEndElement();
    }

    /** {@code file:line:col: message}, as a CI server shows it in a list. */
    private static String headline(Diagnostic d) {
        Span s = d.span();
        return (s.isNone() ? "" : s.file() + ":" + s.line() + ":" + s.column() + ": ") + d.message();
    }

    /** Seconds with milliseconds, as Surefire writes them ({@code 1.250}). */
    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%d.%03d", millis / 1000, millis % 1000);
    }

    /** XML 1.0 cannot hold most control characters (a tool's colour codes): they are dropped. */
    private static String clean(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().filter(cp -> cp == '\t' || cp == '\n' || cp == '\r' || cp >= 0x20 && cp != 0xFFFE && cp != 0xFFFF)
                .forEach(b::appendCodePoint);
        return b.toString();
    }
}
