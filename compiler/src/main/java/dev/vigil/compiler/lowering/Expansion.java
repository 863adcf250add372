package dev.vigil.compiler.lowering;

import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Service;

/**
 * One kind of generated code: it reads a service's declarations and adds the ordinary model objects
 * they stand for (rule groups, dashboards, tests), each with an {@link dev.vigil.compiler.model.Origin}
 * and a span at the declaration. Expansions run in order, each on the services the last one left.
 */
interface Expansion {
    Service expand(Project project, Service service, DiagnosticSink sink);
}
