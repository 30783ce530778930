"""Turn a model declaration and the engine's record into a proof for the kernel (untrusted).

:func:`law_of` writes a :class:`~modelcollapse.theory.model.Model` as a kernel
:class:`~modelcollapse.proofs.kernel.Law`; :func:`domains_of` writes a result's assumptions as
kernel domains; :func:`to_kernel` writes a theory relation in the kernel's vocabulary;
:func:`expectation_proof` builds, from the engine's :class:`~modelcollapse.theory.engine.MomentSystem`,
the proof of E[f(state_t)] = closed form: the law's update and initial value, the pathwise
one-step expansion, the draws' cited moments, the conditional expectation, the base cases,
induction on t for every functional of the closed system, and linearity for the target.
"""

from __future__ import annotations

from dataclasses import replace

import sympy as sp

from modelcollapse.theory import symbols as TS
from modelcollapse.theory.assumptions import (IntegerAtLeast, IntegerSequence, NonnegativeReal, OneOf, PositiveReal,
                                              Probability, RealAbove, RealInHalfOpen, RealNumber, SampleCount,
                                              SampleFraction)
from modelcollapse.theory.engine import state_domains
from modelcollapse.theory.model import State
from modelcollapse.theory.sampling_gaussian import MaxNormalVariance

from . import kernel as K
from .kernel.rules import (Algebra, AxiomInstance, CondExpect, Conjunction, Detach, DrawFact, ExpectLinear, ExpectSum,
                           Induction, LawInit, LawStep, Limit, Order, Rewrite, Shift, Specialize, SumOver,
                           Tower, VectorTotal)
from .kernel.terms import CondMutualInfo, Joint, MutualInfo


def _recipe_rule(step):
    """The kernel rule a recipe step names, with its arguments in the kernel's terms."""
    a = dict(step.args)
    if step.rule == "axiom":
        ax = K.AXIOMS[a["name"]]
        by_name = {str(p): p for p, _ in ax.patterns}
        return AxiomInstance(ax.name, {by_name[str(k)]: to_kernel(v) for k, v in a["mapping"].items()})
    makers = {"algebra": lambda: Algebra(), "rewrite": lambda: Rewrite(source=a.get("source", False)),
              "law_step": lambda: LawStep(a["variable"]),
              "draw_fact": lambda: DrawFact(a["fact"], a["draw"], a.get("order")),
              "conditional_expectation": lambda: CondExpect(), "tower": lambda: Tower(),
              "linearity": lambda: ExpectLinear(tuple(a.get("coefficients", ())), a.get("constant", 0),
                                                tuple((d, to_kernel(u)) for d, u in a.get("kept", ()))),
              "sum_over": lambda: SumOver(), "expect_sum": lambda: ExpectSum(),
              "inequality": lambda: Order(a.get("scale", 1)), "conjunction": lambda: Conjunction(),
              "modus_ponens": lambda: Detach(), "limit": lambda: Limit(),
              "law_init": lambda: LawInit(a["variable"]), "specialize": lambda: Specialize(a["symbol"], a["value"]),
              "shift": lambda: Shift(a["symbol"], a["value"]),
              "induction_from": lambda: Induction(
                  tuple(map(to_kernel, a["functionals"])), tuple(map(to_kernel, a["closed"])),
                  tuple(tuple(map(to_kernel, row)) for row in a["matrix"]), tuple(map(to_kernel, a["offset"])),
                  a.get("start", 1))}
    return makers[step.rule]()


def _induction_again(out, step):
    """The statement's induction over the same system with a recipe's closed forms, and its premises."""
    closed = {to_kernel(k): to_kernel(v) for k, v in dict(step.args)["closed"].items()}
    for s in out.steps:
        if isinstance(s.rule, Induction) and set(s.rule.functionals) == set(closed):
            return replace(s.rule, closed=tuple(closed[f] for f in s.rule.functionals)), list(s.premises)
    raise ValueError(f"no induction over {sorted(map(str, closed))} in the proof")


def _add_claims(out, result, goals, recipes=None):
    recipes = result.derivation.facts.get("recipes", {}) if recipes is None else recipes
    finals = {}
    for name, claim in recipes.items():
        last, labels = None, {}
        for st in claim.steps:
            if st.rule == "induction":
                label = f"claim.{name}.{st.label}"
                last = labels[st.label] = out.add(label, to_kernel(st.relation), *_induction_again(out, st), st.text)
                continue
            premises = []
            for p in st.premises:
                if p == "statement":
                    premises.append("statement")
                elif p.startswith("claim:"):
                    premises.append(finals[p[6:]])
                elif p.startswith("cite:"):
                    premises.append(p)
                else:
                    premises.append(labels[p])
            label = st.label if name == "statement" and st is claim.steps[-1] else f"claim.{name}.{st.label}"
            last = labels[st.label] = out.add(label, to_kernel(st.relation), _recipe_rule(st), premises, st.text)
        finals[name] = last
        goals[name] = to_kernel(claim.relation)
    return goals

_STATE_DOMAINS = {"positive": K.Domain.real(0, lo_open=True), "nonnegative": K.Domain.real(0),
                  "unit": K.Domain.real(0, 1), "real": K.Domain.real()}


def domain_of(a) -> K.Domain:
    """The kernel domain an assumption states."""
    if getattr(a, "open_interval", None) is not None:  # a real strictly between two bounds (a level)
        return K.Domain.real(*a.open_interval, lo_open=True, hi_open=True)
    if isinstance(a, IntegerAtLeast):
        return K.Domain.integer(a.lower, getattr(a, "upper", None))
    if isinstance(a, OneOf):
        return K.Domain.finite(a.values)
    if isinstance(a, PositiveReal):
        return K.Domain.real(0, lo_open=True)
    if isinstance(a, Probability):
        return K.Domain.real(0, 1)
    if isinstance(a, NonnegativeReal):
        return K.Domain.real(0)
    if isinstance(a, RealNumber):
        return K.Domain.real()
    if isinstance(a, SampleCount):
        return K.Domain.integer(a.lower, a.size - a.lower)
    if isinstance(a, SampleFraction):
        low = sp.Integer(a.lower) / a.size
        return K.Domain.real(low, 1 - low)
    if isinstance(a, RealInHalfOpen):
        return K.Domain.real(a.bound, a.upper, lo_open=True)
    if isinstance(a, RealAbove):
        return K.Domain.real(a.bound, lo_open=True)
    if isinstance(a, IntegerSequence):
        return K.Domain.vector(K.Domain.integer(a.lower))
    if type(a).__name__ == "ProbabilityVector":
        return K.Domain.vector(K.Domain.real(0, 1, lo_open=getattr(a, "full_support", False)),
                               length=a.size if a.categories is None else a.categories, total=1)
    raise ValueError(f"no kernel domain for the assumption {a.describe()}")


def domains_of(assumptions) -> dict:
    out = {}
    for a in assumptions:
        out[a.symbol] = domain_of(a)
        if type(a).__name__ == "ProbabilityVector" and a.categories is None:
            out.setdefault(a.size, K.Domain.integer(1))
    return out


def to_kernel(expr):
    """A theory expression in the kernel's vocabulary (expectations, variances, the named Gaussian
    functionals with variances for standard deviations, declared random quantities)."""
    # A random quantity defined by a formula of the state (a divergence) is that formula.
    expr = sp.sympify(expr).replace(lambda e: callable(getattr(type(e), "definition", None)), lambda e: e.definition())
    # Words first: the theory's E is the identity on what it does not see as random.
    words = {TS.E: lambda a: K.E(a), TS.Var: lambda a: K.Var(a), TS.AlmostSurely: lambda a: K.AlmostSurely(a),
             TS.CE: lambda a, g: K.CE(a, g),
             TS.HN: lambda m, s: K.GaussEntropy(m, s ** 2),
             TS.W2sq: lambda a, s, b, r: K.GaussW2(a, s ** 2, b, r ** 2),
             TS.KLN: lambda a, s, b, r: K.GaussKL(a, s ** 2, b, r ** 2), TS.Joint: lambda *a: Joint(*a),
             TS.MutualInformation: MutualInfo, TS.ConditionalMutualInformation: CondMutualInfo,
             # -x log x as -log(x^x): the same for x > 0, and 0 at x = 0 (0^0 = 1), the convention 0 log 0 = 0,
             # with a logarithm the kernel sees defined on [0, 1] (x^x > 0 there).
             TS.negxlogx: lambda a: -sp.log(a ** a)}
    # The variance of the largest of k normals: the kernel's function, which never closes (no k <= 3 forms).
    words[MaxNormalVariance] = K.terms.MaxNormalVariance
    expr = sp.sympify(expr).replace(lambda e: type(e) in words, lambda e: words[type(e)](*e.args))
    reps = {a: K.Rand(a.args[0].name, *a.args[1:]) for a in sp.preorder_traversal(expr) if isinstance(a, State)}
    return expr.xreplace(reps)


def _now(model, law, g):
    """{model symbol: kernel random quantity at generation g} for the state and the draws."""
    idx = tuple(model.indices)
    out = {s: K.Rand(str(s), g, *idx) for s in model.state}
    if law is not None:
        out.update({d: K.laws.draw_rand(law, law.draw(str(d)), g) for d in model.draws})
    return out


def law_of(model) -> K.Law:
    t = model.generation
    idx = tuple(model.indices)
    state_now = _now(model, None, t)
    doms = state_domains(model)
    draws = tuple(K.Draw(str(d), getattr(law, "kernel_family", None) or law.family, tuple(sp.sympify(a).xreplace(state_now) for a in law.args))
                  for d, law in model.draws.items())
    skeleton = K.Law(model.name, t, {}, (), draws)
    now = {**state_now, **{d: K.laws.draw_rand(skeleton, skeleton.draw(str(d)), t) for d in model.draws}}
    state = tuple(K.StateVar(str(s), model.state[s], model.step[s].xreplace(now), _STATE_DOMAINS[doms[s]], idx)
                  for s in model.state)
    indices = {i: K.Domain.integer(lo, hi) for i, (lo, hi) in model.indices.items()}
    start = getattr(model, "start", {})
    state = tuple(replace(v, init=sp.sympify(v.init).xreplace({p: K.Rand(str(p), 0) for p in start})) for v in state)
    start = tuple(K.Draw(str(p), law.family, tuple(map(sp.sympify, law.args))) for p, law in start.items())
    return K.Law(model.name, t, domains_of(model.params), state, draws, indices, start)


def _generation_renamed(law, g):
    """``law`` over the generation ``g``: a statement may then hold for t >= 1 alone (its t is no
    longer the law's generation, which ranges over all integers >= 0)."""
    now = {law.generation: g}
    return replace(law, generation=g, state=tuple(replace(v, step=sp.sympify(v.step).xreplace(now)) for v in law.state),
                   draws=tuple(replace(d, args=tuple(sp.sympify(a).xreplace(now) for a in d.args)) for d in law.draws))


_FACTS = {("Normal", "power"): "normal_moments", ("ChiSquare", "power"): "chi_square_moments",
          ("ChiSquare", "log"): "chi_square_log_moment", ("Gamma", "power"): "gamma_moments",
          ("Gamma", "log"): "gamma_log_moment", ("Poisson", "ff"): "poisson_factorial_moments",
          ("Binomial", "ff"): "binomial_factorial_moments"}
#: Kernel families known by their mean alone.
_MEAN_FACTS = {"TruncatedNormalScatter": "truncated_normal_scatter_mean", "MaxNormalScatter": "max_normal_scatter_mean"}


def _draw_pieces(model, law_k, d, factor, g):
    """[(h, fact, order, multiplier)]: the draw factor as a combination of facts' arguments."""
    law = model.draws[d]
    D = K.laws.draw_rand(law_k, law_k.draw(str(d)), g)
    if isinstance(factor, sp.log):
        return [(sp.log(D), _FACTS[(law.family, "log")], None, 1)]
    m = sp.sympify(factor).as_base_exp()[1]
    family = getattr(law, "kernel_family", None)
    if family in _MEAN_FACTS:
        if m != 1:
            raise ValueError(f"the kernel cites only the mean of a {family} draw, not the power {m}")
        return [(D, _MEAN_FACTS[family], None, 1)]
    if law.family in ("Poisson", "Binomial"):
        k = int(m)
        fact = _FACTS[(law.family, "ff")]
        return [(sp.ff(D, j), fact, j, sp.functions.combinatorial.numbers.stirling(k, j))
                for j in range(1, k + 1) if sp.functions.combinatorial.numbers.stirling(k, j)] + (
            [(sp.S.One, None, None, 1)] if k == 0 else [])
    return [(D ** m, _FACTS[(law.family, "power")], m, 1)]


_AXIOM_OF = {K.Var: "variance", K.GaussEntropy: "gaussian_entropy", K.GaussW2: "gaussian_w2",
             K.GaussKL: "gaussian_kl"}


class _Steps:
    """Steps with unique labels; a relation already proved by the same rule is not added twice."""

    def __init__(self):
        self.steps, self._seen = [], {}

    def add(self, label, relation, rule, premises=(), text=""):
        key = (sp.srepr(relation), repr(rule), tuple(premises))
        if key in self._seen:
            return self._seen[key]
        self.steps.append(K.Step(label, relation, rule, tuple(premises), text))
        self._seen[key] = label
        return label

    def relation(self, label):
        return next(s.relation for s in self.steps if s.label == label)


def _moment_chain(out, model, law, system, prefix):
    """Steps proving E[target] = value for one MomentSystem; returns the final label."""
    t = model.generation
    now = _now(model, law, t)
    nxt, first = _now(model, None, t + 1), _now(model, None, 0)
    law_labels = [out.add(f"law.{s}", sp.Eq(nxt[s], law.variable(str(s)).step, evaluate=False),
                          LawStep(str(s)), text="the declared update") for s in model.state]
    init_labels = [out.add(f"init.{s}", sp.Eq(first[s], model.state[s], evaluate=False), LawInit(str(s)),
                           text="the declared initial value") for s in model.state]
    now = {s: v for s, v in now.items() if s in model.state}
    phis = [sp.sympify(p).xreplace(now) for p in system.basis]
    premises, walks = [], []
    for j, (phi, terms) in enumerate(zip(phis, system.expansions)):
        T, V, used = sp.S.Zero, sp.S.Zero, []
        for term in terms:
            pieces = [[(sp.S.One, None, None, 1)]]
            for d, factor in term.draws.items():
                pieces.append(_draw_pieces(model, law, d, factor, t))
            combos = [[]]
            for options in pieces:
                combos = [c + [o] for c in combos for o in options]
            base = (term.coefficient * term.monomial).xreplace(now)
            for combo in combos:
                h_prod, v_prod = base, base
                for h, fact, order, mult in combo:
                    h_prod *= mult * h
                    if fact is None:
                        v_prod *= mult
                        continue
                    draw = next(str(a.label) for a in sp.preorder_traversal(h) if isinstance(a, K.Rand))
                    inst, _ = K.laws.fact_instance(law, fact, draw, t, order)
                    used.append(out.add(f"fact.{fact}.{draw}.{order}", inst, DrawFact(fact, draw, order),
                                        text=f"{fact} of {draw}"))
                    v_prod *= mult * inst.rhs
                T += h_prod
                V += v_prod
        at1 = phi.xreplace({t: t + 1})
        path = out.add(f"{prefix}phi{j}.pathwise", sp.Eq(at1, T, evaluate=False), Rewrite(), law_labels,
                       text="the update pushed through, expanded")
        ce = out.add(f"{prefix}phi{j}.conditional", sp.Eq(K.CE(T, t), V, evaluate=False), CondExpect(),
                     sorted(set(used)), text="independent draws, each replaced by its moment")
        premises.append(out.add(f"{prefix}phi{j}.one_step", sp.Eq(K.CE(at1, t), V, evaluate=False),
                                Rewrite(source=True), [path, ce], text="one step in conditional expectation"))
        walks.append(path)
        premises.append(out.add(f"{prefix}phi{j}.base", sp.Eq(phi.xreplace({t: 0}), to_kernel(system.initial[j]),
                                                               evaluate=False),
                                Rewrite(), init_labels, text="generation 0"))
    induction = dict(functionals=tuple(phis), closed=tuple(map(to_kernel, system.closed)),
                     matrix=tuple(tuple(map(to_kernel, r)) for r in system.matrix),
                     offset=tuple(map(to_kernel, system.offset)))
    premises += walks
    ind_labels = [out.add(f"{prefix}phi{j}.closed", sp.Eq(K.E(phi), to_kernel(system.closed[j]), evaluate=False),
                          Induction(**induction), premises, text="induction on t over the closed system")
                  for j, phi in enumerate(phis)]
    target = sp.sympify(system.target).xreplace(now)
    return out.add(f"{prefix}value", sp.Eq(K.E(target), to_kernel(system.value), evaluate=False),
                   ExpectLinear(tuple(map(to_kernel, system.weights)), to_kernel(system.constant)), ind_labels,
                   text="linearity of expectation")


def _outermost(expr, classes):
    found = []

    def walk(e):
        if isinstance(e, classes):
            found.append(e)
            return
        for a in e.args:
            if isinstance(a, sp.Basic):
                walk(a)
    walk(sp.sympify(expr))
    return found


def _expectation_steps(out, model, law, result, atom, k):
    """Steps proving E[arg] = value for one expectation atom (kernel form); returns (label, locals)."""
    from modelcollapse.theory.engine import derive

    back = {v: s for s, v in _now(model, None, model.generation).items()}
    sums, rest = [], sp.S.Zero
    for term in sp.Add.make_args(sp.expand(atom.args[0])):
        found = [f for f in sp.Mul.make_args(term) if isinstance(f, sp.Sum)]
        if found:
            # A constant factor inside the sum (-2 p0_i p_i) comes out, so the summand can be seen >= 0.
            inner, (S,) = sp.S.One, found
            constant, summand = S.function.as_coeff_Mul()
            if constant < 0:
                inner, S = constant, sp.Sum(summand, *S.limits)
            sums.append((inner * sp.Mul(*[f for f in sp.Mul.make_args(term) if f is not found[0]]), S))
        else:
            rest += term
    if not sums:
        system = derive(model, atom.args[0].xreplace(back), result.assumptions)
        return _moment_chain(out, model, law, system, f"e{k}."), ()
    labels, coefficients, local = [], [], set()
    for j, (c, S) in enumerate(sums):
        i = S.limits[0][0]
        local.add(i)
        system = derive(model, S.function.xreplace(back), result.assumptions)
        one = _moment_chain(out, model, law, system, f"e{k}.s{j}.")
        F = to_kernel(system.value)
        linear = out.add(f"e{k}.s{j}.linearity", sp.Eq(K.E(S), sp.Sum(K.E(S.function), *S.limits), evaluate=False),
                         ExpectSum(), text="expectation of a finite sum")
        summed = out.add(f"e{k}.s{j}.summed", sp.Eq(sp.Sum(K.E(S.function), *S.limits), sp.Sum(F, *S.limits),
                                                    evaluate=False), SumOver(), [one], text="for every category")
        labels.append(out.add(f"e{k}.s{j}", sp.Eq(K.E(S), sp.Sum(F, *S.limits), evaluate=False), Rewrite(),
                              [linear, summed]))
        coefficients.append(c)
    constant = rest
    if rest.free_symbols & set(back):
        system = derive(model, rest.xreplace(back), result.assumptions)
        labels.append(_moment_chain(out, model, law, system, f"e{k}.rest."))
        coefficients.append(1)
        constant = 0
    value = constant + sum((c * out.relation(lab).rhs for c, lab in zip(coefficients, labels)), sp.S.Zero)
    label = out.add(f"e{k}", sp.Eq(atom, value, evaluate=False), ExpectLinear(tuple(coefficients), constant), labels,
                    text="linearity of expectation")
    return label, tuple(local)


def _recipe_proof(result, model, law):
    """A result whose statement is proved by its recipe alone."""
    out = _Steps()
    # The statement's recipe first: the claims' recipes may build on it.
    goals = _add_claims(out, result, {}, recipes={"statement": result.derivation.facts["recipe"],
                                                  **result.derivation.facts.get("recipes", {})})
    if domains_of(result.assumptions).get(law.generation, K.Domain.integer(0)) != K.Domain.integer(0):
        law = _generation_renamed(law, sp.Symbol("g", integer=True, nonnegative=True))
    domains = _domains(result, law, goals)
    return K.Proof(result.id, goals, domains, out.steps, law, ())


def _domains(result, law, goals):
    domains = domains_of(result.assumptions)
    # Symbols the statement holds for all of, beyond the result's parameters (an earlier generation k).
    domains.update(domains_of(result.derivation.facts.get("for_all", ())))
    # The law's parameters, its generation and its indices range over the law's domains where
    # the result does not name them (the statement holds for all of them).
    for sym, dom in law.params.items():
        domains.setdefault(sym, dom)
    free = set().union(*[sp.sympify(g).free_symbols for g in goals.values()])
    domains.setdefault(law.generation, K.Domain.integer(0))
    for i, dom in law.indices.items():
        if i in free:
            domains.setdefault(i, dom)
    return domains


def claims_proof(result) -> K.Proof:
    """The kernel proof of the claims ``result.proved_claims`` of a result whose value has a declared
    status (an exact computation): their recipes alone, under the law of the model the derivation
    names (``facts["law"]``), over the result's assumptions with those of ``facts["for_all"]`` in their
    place; the law's indices the goals do not name are the proof's locals (a sum's index)."""
    facts = result.derivation.facts
    law = law_of(facts["law"])
    out = _Steps()
    goals = _add_claims(out, result, {}, recipes={name: facts["recipes"][name] for name in result.proved_claims})
    domains = _domains(result, law, goals)
    free = set().union(*[sp.sympify(g).free_symbols for g in goals.values()])
    local = tuple(sorted((i for i in law.indices if i not in free), key=str))
    domains.update({i: law.indices[i] for i in local})
    return K.Proof(result.id, goals, domains, out.steps, law, local)


def result_proof(result) -> K.Proof:
    """The kernel proof of a result the engine derived from ``result.model`` (or, for a result with a
    declared status, of its proved claims: :func:`claims_proof`)."""
    if result.status:
        return claims_proof(result)
    model = result.model
    law = law_of(model)
    if "recipe" in result.derivation.facts:
        return _recipe_proof(result, model, law)
    out = _Steps()
    goal = to_kernel(result.statement)
    lhs = goal.lhs
    # Definitions: each named functional (inside or outside E) by its axiom.
    definitions = []
    for word in sorted({w for w in sp.preorder_traversal(lhs) if type(w) in _AXIOM_OF}, key=sp.default_sort_key):
        ax = K.AXIOMS[_AXIOM_OF[type(word)]]
        mapping = {p: a for (p, _), a in zip(ax.patterns, word.args)}
        definitions.append((ax, mapping, K.axioms.instance(ax, mapping, set())[0]))
    expanded = lhs
    for _ in range(4):
        expanded = expanded.xreplace({inst.lhs: inst.rhs for _, _, inst in definitions})
    local, proved = set(), {}
    for k, atom in enumerate(sorted(_outermost(expanded, (K.E,)), key=sp.default_sort_key)):
        proved[atom], loc = _expectation_steps(out, model, law, result, atom, k)
        local |= set(loc)
    # A definition that needs a word shown finite (the variance: E(Y^2)) cites that word's proved value.
    labels = [out.add(f"definition.{j}", inst, AxiomInstance(ax.name, mapping),
                      [proved[w.xreplace(mapping)] for w in ax.finite], text=f"definition ({ax.name})")
              for j, (ax, mapping, inst) in enumerate(definitions)] + list(proved.values())
    domains = domains_of(result.assumptions)
    # The law's parameters the result does not name still range over the law's domains.
    for sym, dom in law.params.items():
        domains.setdefault(sym, dom)
    for i in local:
        lo, hi = model.indices[i]
        domains[i] = K.Domain.integer(lo, hi)
    for a in result.assumptions:
        dom = domains[a.symbol]
        if dom.kind == "vector" and dom.total is not None and model.indices:
            i = next(iter(model.indices))
            labels.append(out.add(f"total.{a.name}", sp.Eq(sp.Sum(a.symbol[i], (i, 1, dom.length)), dom.total),
                                  VectorTotal(), text=f"{a.name} sums to {dom.total}"))
    out.add("statement", goal, Rewrite(), labels, text="the definitions and the expectations substituted")
    goals = _add_claims(out, result, {"statement": goal})
    return K.Proof(result.id, goals, domains, out.steps, law, tuple(sorted(local, key=str)))


expectation_proof = result_proof
