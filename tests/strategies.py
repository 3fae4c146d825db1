"""Hypothesis strategies for random Boolean networks."""

from __future__ import annotations

from hypothesis import strategies as st

from boolnet.expr import And, Const, Expr, Not, Or, Var
from boolnet.model import Network, Rule


def expressions(names: list[str], max_leaves: int = 5) -> st.SearchStrategy[Expr]:
    leaves: st.SearchStrategy[Expr] = st.one_of(
        st.sampled_from([Var(n) for n in names]),
        st.sampled_from([Const(False), Const(True)]),
    )

    def extend(children: st.SearchStrategy[Expr]) -> st.SearchStrategy[Expr]:
        return st.one_of(
            st.builds(Not, children),
            st.builds(lambda args: And(tuple(args)), st.lists(children, min_size=2, max_size=3)),
            st.builds(lambda args: Or(tuple(args)), st.lists(children, min_size=2, max_size=3)),
        )

    return st.recursive(leaves, extend, max_leaves=max_leaves)


@st.composite
def networks(draw: st.DrawFn, min_nodes: int = 1, max_nodes: int = 6) -> Network:
    """A random network whose rules are arbitrary expressions over its own nodes."""
    size = draw(st.integers(min_nodes, max_nodes))
    names = [f"x{i}" for i in range(size)]
    rules = []
    for name in names:
        if draw(st.integers(0, 9)) == 0:
            expr: Expr = Var(name)  # an input
        else:
            expr = draw(expressions(names))
        rules.append(Rule(name, expr))
    return Network(tuple(rules))
