"""SBML-qual (SBML Level 3 qualitative models), as written by GINsim, CellCollective and CoLoMoTo tools.

Each qualitative species is a node (maximum level 1: Boolean); each
transition gives the rule of its output: the default term's level, and
function terms whose MathML conditions lead to level 1 (or 0).  Conditions
combine (``and``, ``or``, ``not``, ``xor``) comparisons of a species with a
level (``x == 1``, ``x >= 1``, ``x != 0`` ...) and species named alone
(meaning a level of at least 1, or of the input's ``thresholdLevel``); these
become the node itself or its negation.  Other MathML (arithmetic,
``piecewise``...) is refused with a message naming the element.

A species with no transition keeps its level: it is an input (``A = A``).
bioLQM, GINsim and the CoLoMoTo tools write inputs this way, as species with
``qual:constant="true"`` and no transition, and read every constant species
back as an input; boolnet does the same, and writes its inputs so.  An
``initialLevel`` is an initial condition, not part of the rules, and is not
kept: a constant species with an initial level is still an input (bioLQM
writes an initial state onto its inputs that way).  A node whose rule is a
constant (``A = 1``) is a species whose transition has only a default term.

Reading and writing need python-libsbml (the ``sbml`` extra).  Multi-valued
species are refused with a clear error: Booleanise such models first.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from ..errors import InputError, MissingDependencyError
from ..expr import FALSE, MAX_NESTING, TRUE, And, Const, Expr, Not, Or, Var, nesting_depth
from ..model import Network, Rule, SourceLocation
from ..parsing import decode_text

__all__ = ["format_sbml", "parse_sbml", "read_sbml", "write_sbml"]


def _libsbml() -> Any:
    try:
        import libsbml
    except ImportError:
        raise MissingDependencyError("python-libsbml", "sbml", "reading and writing SBML-qual") from None
    return libsbml


class _Reader:
    """Turns one SBML-qual document into a network, with element positions in errors."""

    def __init__(self, libsbml: Any, source: str, lines: list[str]) -> None:
        self.sbml = libsbml
        self.source = source
        self.lines = lines
        self.relations: dict[int, Callable[[int, int], bool]] = {
            libsbml.AST_RELATIONAL_EQ: operator.eq,
            libsbml.AST_RELATIONAL_NEQ: operator.ne,
            libsbml.AST_RELATIONAL_GEQ: operator.ge,
            libsbml.AST_RELATIONAL_GT: operator.gt,
            libsbml.AST_RELATIONAL_LEQ: operator.le,
            libsbml.AST_RELATIONAL_LT: operator.lt,
        }

    def error(self, message: str, element: Any = None, hint: str | None = None) -> InputError:
        line = element.getLine() if element is not None else 0
        column = element.getColumn() + 1 if element is not None and line else 0  # libsbml counts from 0
        text = self.lines[line - 1] if 0 < line <= len(self.lines) else None
        return InputError(message, source=self.source, line=line, column=column, source_line=text, hint=hint)

    def read(self, document: Any) -> Network:
        if document.getNumErrors(self.sbml.LIBSBML_SEV_FATAL) or document.getNumErrors(
            self.sbml.LIBSBML_SEV_ERROR
        ):
            first = next(
                document.getError(i)
                for i in range(document.getNumErrors())
                if document.getError(i).getSeverity() >= self.sbml.LIBSBML_SEV_ERROR
            )
            line, column = first.getLine(), first.getColumn()
            text = self.lines[line - 1] if 0 < line <= len(self.lines) else None
            raise InputError(
                f"not valid SBML: {first.getShortMessage() or first.getMessage().strip()}",
                source=self.source,
                line=line,
                column=column,
                source_line=text,
            )
        model = document.getModel()
        qual = model.getPlugin("qual") if model is not None else None
        if qual is None or qual.getNumQualitativeSpecies() == 0:
            raise self.error("no qualitative species: not an SBML-qual model", model)
        species = [qual.getQualitativeSpecies(i) for i in range(qual.getNumQualitativeSpecies())]
        nodes = [s.getId() for s in species]
        for s in species:
            if s.isSetMaxLevel() and s.getMaxLevel() > 1:
                raise self.error(
                    f"species '{s.getId()}' is multi-valued (maximum level {s.getMaxLevel()})",
                    s,
                    hint="boolnet reads Boolean models; Booleanise it first (e.g. with GINsim)",
                )
        rules: dict[str, tuple[Expr, Any]] = {}
        for t in (qual.getTransition(i) for i in range(qual.getNumTransitions())):
            inputs = {t.getInput(i).getId(): t.getInput(i) for i in range(t.getNumInputs())}
            expr = self.transition_rule(t, inputs, set(nodes))
            for output in (t.getOutput(i) for i in range(t.getNumOutputs())):
                target = output.getQualitativeSpecies()
                if target in rules:
                    raise self.error(f"species '{target}' is the output of two transitions", t)
                rules[target] = (expr, t)
        built = []
        for s in species:
            node = s.getId()
            # no transition: the species keeps its level, an input (constant or not; see the module notes)
            expr, element = rules.get(node, (Var(node), s))
            line = element.getLine()
            text = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
            built.append(Rule(node, expr, SourceLocation(self.source, line, text)))
        return Network(tuple(built), name=self.source)

    def transition_rule(self, transition: Any, inputs: dict[str, Any], species: set[str]) -> Expr:
        default = transition.getDefaultTerm()
        if default is None:
            raise self.error(f"transition '{transition.getId()}' has no default term", transition)
        default_level = default.getResultLevel()
        conditions: list[Expr] = []
        for term in (transition.getFunctionTerm(i) for i in range(transition.getNumFunctionTerms())):
            if term.getResultLevel() == default_level:
                continue  # a term that gives the default level changes nothing
            if not term.isSetMath():
                raise self.error("function term without a condition", term)
            conditions.append(self.condition(term.getMath(), inputs, species, term))
        if not conditions:
            return TRUE if default_level else FALSE
        condition = _joined(Or, tuple(conditions))
        depth = nesting_depth(condition)
        if depth > MAX_NESTING:
            raise self.error(
                f"the function terms of transition '{transition.getId()}' nest {depth} levels deep; "
                f"at most {MAX_NESTING} are supported",
                transition,
            )
        return Not(condition) if default_level else condition

    def condition(self, math: Any, inputs: dict[str, Any], species: set[str], term: Any) -> Expr:
        """The Boolean condition of a function term's MathML ``math``.

        ``inputs`` maps the transition's input ids to their ``Input``
        elements: a condition may name an input instead of its species.
        """
        sbml = self.sbml
        kind = math.getType()
        children = [math.getChild(i) for i in range(math.getNumChildren())]
        if kind in (sbml.AST_LOGICAL_AND, sbml.AST_LOGICAL_OR):
            args = tuple(self.condition(c, inputs, species, term) for c in children)
            return _joined(And if kind == sbml.AST_LOGICAL_AND else Or, args)
        if kind == sbml.AST_LOGICAL_NOT and len(children) == 1:
            return Not(self.condition(children[0], inputs, species, term))
        if kind == sbml.AST_LOGICAL_XOR:
            return _parity([self.condition(c, inputs, species, term) for c in children])
        if kind == sbml.AST_NAME:
            return self.named(math.getName(), inputs, species, term)
        if kind == sbml.AST_CONSTANT_TRUE:
            return TRUE
        if kind == sbml.AST_CONSTANT_FALSE:
            return FALSE
        if kind in self.relations and len(children) == 2:
            name, level, flipped = self.operands(children, inputs, species, term)
            # the node is on exactly when "node OP level" holds for node = 1 and not for node = 0
            compare = self.relations[kind]
            on = compare(level, 1) if flipped else compare(1, level)
            off = compare(level, 0) if flipped else compare(0, level)
            if on == off:
                return Const(on)
            return Var(name) if on else Not(Var(name))
        raise self.error(
            f"unsupported MathML element '{_element_name(math)}' in a function term: "
            f"{sbml.formulaToL3String(math)}",
            term,
            hint="boolnet reads and, or, not, xor, true, false, species names, "
            "and comparisons of a species with a level",
        )

    def named(self, name: str, inputs: dict[str, Any], species: set[str], term: Any) -> Expr:
        """A species (or input id) named alone: on when its level reaches the threshold (1 if unset)."""
        threshold = 1
        if name in inputs:
            entry = inputs[name]
            name = entry.getQualitativeSpecies()
            threshold = entry.getThresholdLevel() if entry.isSetThresholdLevel() else 1
        if name not in species:
            raise self.error(f"function term refers to unknown species '{name}'", term)
        if threshold > 1:
            raise self.error(f"threshold level {threshold} of '{name}' is above its maximum level 1", term)
        return Var(name) if threshold == 1 else TRUE

    def operands(
        self, children: list[Any], inputs: dict[str, Any], species: set[str], term: Any
    ) -> tuple[str, int, bool]:
        sbml = self.sbml
        names = [c for c in children if c.getType() == sbml.AST_NAME]
        numbers = [c for c in children if c.isInteger() or c.isReal()]
        if len(names) != 1 or len(numbers) != 1:
            raise self.error(
                f"unsupported comparison in a function term: {sbml.formulaToL3String(children[0])} "
                f"and {sbml.formulaToL3String(children[1])}",
                term,
            )
        name = names[0].getName()
        name = inputs[name].getQualitativeSpecies() if name in inputs else name
        if name not in species:
            raise self.error(f"function term refers to unknown species '{name}'", term)
        number = numbers[0]
        level = int(number.getValue() if number.isReal() else number.getInteger())
        return name, level, children[0] is numbers[0]


def _joined(kind: type[And] | type[Or], args: tuple[Expr, ...]) -> Expr:
    """``kind`` of ``args``, flattened as the rule parser flattens (``a | (b | c)`` is ``a | b | c``).

    Tools that write a long disjunction as nested pairs thus give a shallow
    rule.  One argument stands alone; none is the empty conjunction (true)
    or disjunction (false).
    """
    flat: list[Expr] = []
    for arg in args:
        flat.extend(arg.args if isinstance(arg, kind) else (arg,))
    if len(flat) == 1:
        return flat[0]
    return kind(tuple(flat)) if flat else Const(kind is And)


def _parity(args: list[Expr]) -> Expr:
    """The exclusive or of ``args``: true when an odd number of them is (MathML's n-ary ``xor``)."""
    if not args:
        return FALSE
    result = args[0]
    for arg in args[1:]:
        result = Or((And((result, Not(arg))), And((Not(result), arg))))
    return result


def _element_name(math: Any) -> str:
    """The MathML name of an AST node: ``plus``, ``piecewise``, ``cn`` for a number..."""
    if math.isNumber():
        return "cn"
    return str(math.getOperatorName() or math.getName() or "?")


def parse_sbml(text: str, source: str = "<sbml>") -> Network:
    """Parse SBML-qual XML text into a :class:`Network` (node order = species order).

    Raises
    ------
    InputError
        For invalid SBML (with the line and column libsbml reports), a model
        with no qualitative species, multi-valued species, or MathML that is
        not a Boolean condition on species.
    MissingDependencyError
        When python-libsbml is not installed.
    """
    sbml = _libsbml()
    document = sbml.readSBMLFromString(text)
    try:
        return _Reader(sbml, source, text.splitlines()).read(document)
    except RecursionError:  # MathML is read by recursion, two frames a level
        raise InputError(
            "a function term's MathML nests too deep to be read (about 450 levels at most)",
            source=source,
            hint="write long conjunctions and disjunctions as one n-ary apply",
        ) from None


def read_sbml(path: str | Path) -> Network:
    """Read an SBML-qual file (see :func:`parse_sbml`)."""
    path = Path(path)
    return parse_sbml(decode_text(path.read_bytes(), str(path)), str(path))


def _math(sbml: Any, expr: Expr) -> Any:
    if isinstance(expr, Const):
        return sbml.ASTNode(sbml.AST_CONSTANT_TRUE if expr.value else sbml.AST_CONSTANT_FALSE)
    if isinstance(expr, Var):
        node = sbml.ASTNode(sbml.AST_RELATIONAL_EQ)
        name = sbml.ASTNode(sbml.AST_NAME)
        name.setName(expr.name)
        level = sbml.ASTNode(sbml.AST_INTEGER)
        level.setValue(1)
        node.addChild(name)
        node.addChild(level)
        return node
    if isinstance(expr, Not):
        node = sbml.ASTNode(sbml.AST_LOGICAL_NOT)
        node.addChild(_math(sbml, expr.arg))
        return node
    node = sbml.ASTNode(sbml.AST_LOGICAL_AND if isinstance(expr, And) else sbml.AST_LOGICAL_OR)
    for arg in expr.args:
        node.addChild(_math(sbml, arg))
    return node


def format_sbml(network: Network) -> str:
    """The SBML-qual XML of ``network`` (Level 3 Version 1, qual Version 1).

    Inputs are constant species without a transition, as bioLQM and GINsim
    write them; every other node gets one transition: only a default term
    for a constant rule, else default level 0 and a function term for level 1.
    Phenotypes are not written.  Every id is unique, as SBML requires: the
    model, compartment and transition ids step aside from node names
    (a node called ``cell`` makes the compartment ``cell_2``).
    """
    sbml = _libsbml()
    from ..graph import Sign, regulation_signs

    new_id = _id_maker(network.nodes)
    document = sbml.SBMLDocument(sbml.SBMLNamespaces(3, 1, "qual", 1))
    document.setPackageRequired("qual", True)
    model = document.createModel()
    model.setId(new_id("boolnet_model"))
    compartment = model.createCompartment()
    cell = new_id("cell")
    compartment.setId(cell)
    compartment.setConstant(True)
    qual = model.getPlugin("qual")
    for node in network.nodes:
        species = qual.createQualitativeSpecies()
        species.setId(node)
        species.setName(node)
        species.setCompartment(cell)
        species.setConstant(network.rule(node).is_input)  # bioLQM reads constant species as inputs
        species.setMaxLevel(1)
    signs = {
        Sign.ACTIVATING: sbml.INPUT_SIGN_POSITIVE,
        Sign.INHIBITING: sbml.INPUT_SIGN_NEGATIVE,
        Sign.DUAL: sbml.INPUT_SIGN_DUAL,
    }
    for rule in network.rules:
        if rule.is_input:
            continue
        transition = qual.createTransition()
        transition.setId(new_id(f"tr_{rule.target}"))
        for regulator in network.regulators(rule.target):
            entry = transition.createInput()
            entry.setId(new_id(f"tr_{rule.target}_in_{regulator}"))
            entry.setQualitativeSpecies(regulator)
            entry.setTransitionEffect(sbml.INPUT_TRANSITION_EFFECT_NONE)
            sign = regulation_signs(network, rule.target).get(regulator)
            entry.setSign(signs[sign] if sign else sbml.INPUT_SIGN_UNKNOWN)
        output = transition.createOutput()
        output.setId(new_id(f"tr_{rule.target}_out"))
        output.setQualitativeSpecies(rule.target)
        output.setTransitionEffect(sbml.OUTPUT_TRANSITION_EFFECT_ASSIGNMENT_LEVEL)
        if isinstance(rule.expr, Const):
            transition.createDefaultTerm().setResultLevel(int(rule.expr.value))
            continue
        transition.createDefaultTerm().setResultLevel(0)
        term = transition.createFunctionTerm()
        term.setResultLevel(1)
        term.setMath(_math(sbml, rule.expr))
    return str(sbml.writeSBMLToString(document))


def _id_maker(taken: Iterable[str]) -> Callable[[str], str]:
    """A function giving each wanted id, or ``id_2``, ``id_3``... if it is taken, never one twice.

    >>> new_id = _id_maker(["cell"])
    >>> new_id("cell"), new_id("cell"), new_id("tr_A")
    ('cell_2', 'cell_3', 'tr_A')
    """
    used = set(taken)

    def new_id(wanted: str) -> str:
        found, number = wanted, 1
        while found in used:
            number += 1
            found = f"{wanted}_{number}"
        used.add(found)
        return found

    return new_id


def write_sbml(network: Network, path: str | Path) -> None:
    """Write ``network`` as SBML-qual."""
    Path(path).write_text(format_sbml(network), encoding="utf-8")
