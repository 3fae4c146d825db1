"""Prime implicants of Boolean functions, computed on their BDDs.

A prime implicant of ``f`` is a conjunction of literals that implies ``f`` and
stops doing so when any literal is dropped.  The disjunction of all primes is
the Blake canonical form of ``f``, and it makes three-valued reasoning exact:
``f`` is constantly 1 on a subspace iff some prime of ``f`` is satisfied by
the subspace's fixed nodes.  Trap-space encodings rely on that
(Klarner, Bockmayr & Siebert 2015, "Computing maximal and minimal trap spaces
of Boolean networks", Natural Computing 14:535).

The primes are computed by the recursion of Coudert & Madre (1992,
"Implicit and incremental computation of primes and essential primes of
Boolean functions", DAC), here on explicit sets memoised per BDD node: with
``x`` the top variable, ``f0``/``f1`` the cofactors and ``g = f0 & f1``,
``P(f) = P(g) | !x & (P(f0) - P(g)) | x & (P(f1) - P(g))`` (set union, difference,
and adding a literal to each implicant).  The cost follows the
BDD and the number of primes, never the ``2**k`` truth table of a rule with
``k`` regulators; a cap on the number of primes turns a blow-up into a
:class:`TooManyPrimes` the caller can handle.
"""

from __future__ import annotations

from .rulebdd import BDD, Function

__all__ = ["Implicant", "TooManyPrimes", "prime_implicants"]

Implicant = frozenset[tuple[str, bool]]
"""A conjunction of literals: (variable, value) pairs, one per variable at most."""


class TooManyPrimes(Exception):
    """The function has more prime implicants than the cap allowed."""


def prime_implicants(manager: BDD, function: Function, *, cap: int = 100_000) -> frozenset[Implicant]:
    """Every prime implicant of ``function`` (a BDD of ``manager``).

    Parameters
    ----------
    manager, function
        The BDD manager and the function.
    cap
        The largest number of primes any intermediate function may have.

    Returns
    -------
    frozenset of Implicant
        Empty for the constant 0; ``{frozenset()}`` for the constant 1.

    Raises
    ------
    TooManyPrimes
        When some intermediate set exceeds ``cap``, or the recursion builds
        more than ``20 * cap + 1000`` implicants in all.

    Notes
    -----
    Exact.  Time is polynomial in the number of distinct cofactors met and
    in the number of primes.
    """
    memo: dict[int, tuple[Function, frozenset[Implicant]]] = {}
    work = [0]  # implicants built so far: bounds the time, as the cap bounds the answer
    empty: frozenset[Implicant] = frozenset()
    one: frozenset[Implicant] = frozenset({frozenset()})

    def primes(f: Function) -> frozenset[Implicant]:
        if f == manager.false:
            return empty
        if f == manager.true:
            return one
        key = int(f)
        if key in memo:
            return memo[key][1]
        var = f.var
        low = manager.let({var: False}, f)
        high = manager.let({var: True}, f)
        common = primes(low & high)
        result = set(common)
        result.update(p | {(var, False)} for p in primes(low) - common)
        result.update(p | {(var, True)} for p in primes(high) - common)
        work[0] += len(result) + 1
        if len(result) > cap or work[0] > 20 * cap + 1000:
            raise TooManyPrimes(f"more than {cap} prime implicants")
        frozen = frozenset(result)
        memo[key] = (f, frozen)  # keeping f alive keeps its node id unique
        return frozen

    try:
        return primes(function)
    finally:
        # the recursive closure is a reference cycle; empty the memo so that no BDD
        # node outlives this call (dd's manager refuses to die with live nodes)
        memo.clear()
