package dev.vigil.compiler.analysis;

import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.Paren;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/** Small helpers over PromQL trees that several checks share. */
public final class Exprs {
    private Exprs() {
    }

    /** {@code e} without the parentheses around it. */
    public static Expr strip(Expr e) {
        Expr cur = e;
        while (cur instanceof Paren p) {
            cur = p.expr();
        }
        return cur;
    }

    /** Whether two expressions are the same query, ignoring positions and outer parentheses. */
    public static boolean same(Expr a, Expr b) {
        return a != null && b != null && strip(a).equals(strip(b));
    }

    /** Every node of {@code root}, parents before children, without recursion. */
    public static void forEach(Expr root, Consumer<Expr> visit) {
        if (root == null) {
            return;
        }
        Deque<Expr> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Expr e = todo.pop();
            visit.accept(e);
            List<Expr> children = e.children();
            for (int i = children.size() - 1; i >= 0; i--) {
                todo.push(children.get(i));
            }
        }
    }
}
