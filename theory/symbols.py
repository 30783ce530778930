"""Canonical symbols and the vocabulary of random quantities.

Everything symbolic in the package is written with these objects, so a statement in
:mod:`modelcollapse.theory`, a step in :mod:`modelcollapse.proofs` and a page in the docs
all mean the same thing by ``n`` or ``E[sigma_t^2]``.

Random quantities indexed by the generation (``sigma(t)``, ``X(t)``, ...) are sympy
functions of ``t``; :class:`E` is the expectation operator, which stays unevaluated
except on deterministic arguments.

Examples
--------
>>> from modelcollapse.theory.symbols import E, sigma, t, sigma0
>>> E(sigma(t)**2)
E[sigma_t**2]
>>> E(sigma0**2)  # a deterministic argument is its own mean
sigma0**2
"""

from __future__ import annotations

import sympy as sp

# --- canonical parameters (names are part of the contract, see DESIGN.md) ---------
n = sp.Symbol("n", integer=True, positive=True)
t = sp.Symbol("t", integer=True, nonnegative=True)
ddof = sp.Symbol("ddof", integer=True, nonnegative=True)
mu0 = sp.Symbol("mu0", real=True)
sigma0 = sp.Symbol("sigma0", positive=True)
K = sp.Symbol("K", integer=True, positive=True)
lam = sp.Symbol("lam", nonnegative=True)
tau = sp.Symbol("tau", positive=True)
a = sp.Symbol("a", positive=True)
R = sp.Symbol("R", nonnegative=True)
#: The schedule of sample sizes n_0, n_1, ...; ``ns[s]`` is the size used to fit generation s+1.
ns = sp.IndexedBase("n", integer=True, positive=True)
#: Summation / product index over generations.
s = sp.Symbol("s", integer=True, nonnegative=True)
#: Dummy variable of integration.
x = sp.Symbol("x", positive=True)
z = sp.Symbol("z", real=True)


def _power(tex, exp):
    """LaTeX of ``tex`` raised to ``exp`` (sympy's printer passes exp for powers of functions)."""
    return tex if exp is None else r"{%s}^{%s}" % (tex, exp)


class RandomSequence(sp.Function):
    """A random quantity indexed by the generation ``t`` (its last argument).

    Subclasses name the quantity (``_tex``, ``_text``) and its sign. A random sequence
    is never treated as a constant by :class:`E` or by the expectation rule.
    """

    nargs = 1
    _tex = "?"
    _text = "?"

    def _latex(self, printer, exp=None):
        out = r"%s_{%s}" % (self._tex, printer._print(self.args[0]))
        return _power(out, exp)

    def _sympystr(self, printer):
        arg = printer._print(self.args[0])
        if not self.args[0].is_Atom:
            arg = "{%s}" % arg
        return "%s_%s" % (self._text, arg)

    def _pretty(self, printer):
        return printer._print(sp.Symbol(self._sympystr(printer)))

    @property
    def generation(self):
        """The generation index (a sympy expression): the last argument."""
        return self.args[-1]


class sigma(RandomSequence):
    """Fitted standard deviation of generation t (sigma_0 is the original one)."""

    _tex, _text = r"\sigma", "sigma"

    def _eval_is_positive(self):
        return True

    def _eval_is_real(self):
        return True


class mu(RandomSequence):
    """Fitted mean of generation t."""

    _tex, _text = r"\mu", "mu"

    def _eval_is_real(self):
        return True


class delta(RandomSequence):
    """Drift of the fitted mean, mu_t - mu_0."""

    _tex, _text = r"\delta", "delta"

    def _latex(self, printer, exp=None):
        return _power(r"(\mu_{%s} - \mu_{0})" % printer._print(self.args[0]), exp)

    def _eval_is_real(self):
        return True


class X(RandomSequence):
    """Scaled sample variance at refit t: sum (x - xbar)^2 / sigma_t^2, chi-square(n-1)."""

    _tex, _text = r"X", "X"

    def _eval_is_positive(self):
        return True

    def _eval_is_real(self):
        return True


class Z(RandomSequence):
    """Standardised sample mean at refit t: sqrt(n) (xbar - mu_t) / sigma_t, N(0, 1)."""

    _tex, _text = r"Z", "Z"

    def _eval_is_real(self):
        return True


class pc(RandomSequence):
    """Share p_{i,t} of category i in the categorical model at generation t (args: i, t)."""

    nargs = 2
    _tex, _text = "p", "p"

    def _latex(self, printer, exp=None):
        i, g = (printer._print(a) for a in self.args)
        return _power(r"p_{%s,%s}" % (i, g), exp)

    def _sympystr(self, printer):
        i, g = (printer._print(a) for a in self.args)
        return "p_{%s,%s}" % (i, g)

    def _eval_is_nonnegative(self):
        return True

    def _eval_is_real(self):
        return True


class CE(sp.Function):
    """Conditional expectation E[Y | generation t]: CE(Y, t)."""

    nargs = 2

    def _latex(self, printer, exp=None):
        return _power(r"\mathbb{E}\left[%s \,\middle|\, \mathcal{F}_{%s}\right]" % (
            printer._print(self.args[0]), printer._print(self.args[1])), exp)

    def _sympystr(self, printer):
        return "E[%s | F_%s]" % (printer._print(self.args[0]), printer._print(self.args[1]))


#: Category index, number of categories, original distribution, MGF variable.
i = sp.Symbol("i", integer=True, positive=True)
p0 = sp.IndexedBase("p0", nonnegative=True)
# (a real symbol named s: distinct from the integer schedule index s, which never meets it)
mgf_s = sp.Symbol("s", real=True)


class State(sp.Function):
    """A declared model's random quantity. ``State(name, g, *idx)``: a declared model's state variable or draw at generation g."""

    is_commutative = True

    @classmethod
    def eval(cls, *args):
        return None

    @property
    def label(self):
        return self.args[0].name

    @property
    def generation(self):
        return self.args[1]

    def _sympystr(self, printer):
        sub = ",".join(printer.doprint(a) for a in self.args[2:] + self.args[1:2])
        return f"{self.label}_{{{sub}}}" if ("," in sub or " " in sub) else f"{self.label}_{sub}"

    def _latex(self, printer, exp=None):
        sub = ",".join(printer.doprint(a) for a in self.args[2:] + self.args[1:2])
        name = sp.latex(sp.Symbol(self.label))
        out = f"{name}_{{{sub}}}"
        return out if exp is None else f"{{{out}}}^{{{exp}}}"


def is_random(expr) -> bool:
    """True when ``expr`` contains a random sequence outside every expectation (an
    expectation is a number, whatever it is of)."""
    if not getattr(expr, "atoms", None):
        return False
    expectations = [a for a in expr.atoms(sp.Function) if isinstance(a, E)]
    if expectations:
        expr = expr.xreplace({a: sp.Dummy() for a in expectations})
    return bool(expr.atoms(RandomSequence) or expr.atoms(State))


class E(sp.Function):
    """Expectation. Unevaluated on random arguments, the identity on deterministic ones."""

    nargs = 1

    @classmethod
    def eval(cls, arg):
        if not is_random(arg):
            return arg
        return None

    def _latex(self, printer, exp=None):
        return _power(r"\mathbb{E}\left[%s\right]" % printer._print(self.args[0]), exp)

    def _sympystr(self, printer):
        return "E[%s]" % printer._print(self.args[0])

    def _pretty(self, printer):
        return printer._print(sp.Symbol("E[%s]" % sp.sstr(self.args[0])))


class Var(sp.Function):
    """Variance of a random quantity."""

    nargs = 1

    def _latex(self, printer, exp=None):
        return _power(r"\operatorname{Var}\left[%s\right]" % printer._print(self.args[0]), exp)

    def _sympystr(self, printer):
        return "Var[%s]" % printer._print(self.args[0])


class _Functional(sp.Function):
    """A named functional of two Gaussians N(a, s^2), N(b, r^2): opaque until a lemma rewrites it."""

    nargs = 4
    _tex = "?"
    _text = "?"

    def _latex(self, printer, exp=None):
        a_, s_, b_, r_ = (printer._print(v) for v in self.args)
        return _power(r"%s\left(\mathcal{N}(%s, %s^{2}) \,\|\, \mathcal{N}(%s, %s^{2})\right)" % (
            self._tex, a_, s_, b_, r_), exp)

    def _sympystr(self, printer):
        a_, s_, b_, r_ = (printer._print(v) for v in self.args)
        return "%s(N(%s, %s**2), N(%s, %s**2))" % (self._text, a_, s_, b_, r_)


class W2sq(_Functional):
    """Squared 2-Wasserstein distance between N(a, s^2) and N(b, r^2)."""

    _tex, _text = r"W_2^2", "W2^2"


class KLN(_Functional):
    """KL divergence KL(N(a, s^2) || N(b, r^2)) in nats."""

    _tex, _text = r"\mathrm{KL}", "KL"


class HN(sp.Function):
    """Differential entropy (nats) of N(m, s^2)."""

    nargs = 2

    def _latex(self, printer, exp=None):
        return _power(r"h\left(\mathcal{N}(%s, %s^{2})\right)" % tuple(printer._print(v) for v in self.args), exp)

    def _sympystr(self, printer):
        return "h(N(%s, %s**2))" % tuple(printer._print(v) for v in self.args)


class AlmostSurely(sp.Function):
    """Marks a relation between random quantities that holds with probability one."""

    nargs = 1
    is_Boolean = True

    def _latex(self, printer, exp=None):
        return r"%s \quad \text{almost surely}" % printer._print(self.args[0])

    def _sympystr(self, printer):
        return "%s  (almost surely)" % printer._print(self.args[0])


class Joint(sp.Function):
    """The random quantities taken together, one random vector: ``(mu_t, sigma_t)``. Arguments keep a
    canonical order (the information a vector carries does not depend on its order)."""

    def __new__(cls, *args, **kw):
        return super().__new__(cls, *sorted(map(sp.sympify, args), key=sp.default_sort_key), **kw)

    @classmethod
    def eval(cls, *args):
        return None

    def _latex(self, printer, exp=None):
        return _power(r"\left(%s\right)" % ", ".join(printer._print(a) for a in self.args), exp)

    def _sympystr(self, printer):
        return "(%s)" % ", ".join(printer._print(a) for a in self.args)


class MutualInformation(sp.Function):
    """I(A; B), between two random quantities (bits where a value is computed)."""

    nargs = 2

    def _latex(self, printer, exp=None):
        return _power(r"I\left(%s;\, %s\right)" % tuple(printer._print(v) for v in self.args), exp)

    def _sympystr(self, printer):
        return "I(%s; %s)" % tuple(printer._print(v) for v in self.args)

    def _pretty(self, printer):
        return printer._print(sp.Symbol(self._sympystr(printer)))


class ConditionalMutualInformation(sp.Function):
    """I(A; B | C), the information A and B share given C."""

    nargs = 3

    def _latex(self, printer, exp=None):
        return _power(r"I\left(%s;\, %s \mid %s\right)" % tuple(printer._print(v) for v in self.args), exp)

    def _sympystr(self, printer):
        return "I(%s; %s | %s)" % tuple(printer._print(v) for v in self.args)


def normal_pdf(var, m, sd):
    """Density of N(m, sd^2) at ``var``."""
    return sp.exp(-(var - m) ** 2 / (2 * sd**2)) / sp.sqrt(2 * sp.pi * sd**2)


def chi2_pdf(var, k):
    """Density of the chi-square law with k degrees of freedom at ``var`` (> 0)."""
    return var ** (k / 2 - 1) * sp.exp(-var / 2) / (2 ** (k / 2) * sp.gamma(k / 2))


# --- categorical vocabulary beyond the shares ------------------------------------------
class lost(RandomSequence):
    """Indicator 1{p_{i,t} = 0}: category i has no mass at generation t (args: i, t)."""

    nargs = 2

    def _latex(self, printer, exp=None):
        i, g = (printer._print(a) for a in self.args)
        return _power(r"\mathbf{1}\{p_{%s,%s} = 0\}" % (i, g), exp)

    def _sympystr(self, printer):
        i, g = (printer._print(a) for a in self.args)
        return "1{p_{%s,%s} = 0}" % (i, g)

    def _eval_is_nonnegative(self):
        return True

    def _eval_is_real(self):
        return True


class fixed(RandomSequence):
    """Indicator that category i eventually holds all the mass (args: i)."""

    def _latex(self, printer, exp=None):
        return _power(r"\mathbf{1}\{p_{%s,\infty} = 1\}" % printer._print(self.args[0]), exp)

    def _sympystr(self, printer):
        return "1{p_{%s,oo} = 1}" % printer._print(self.args[0])

    def _eval_is_nonnegative(self):
        return True


class Tabs(RandomSequence):
    """Absorption time: the first generation at which one category holds all the mass (arg: K)."""

    def _latex(self, printer, exp=None):
        return _power(r"T_{\mathrm{abs}}", exp)

    def _sympystr(self, printer):
        return "T_abs"

    def _eval_is_nonnegative(self):
        return True


class negxlogx(sp.Function):
    """-x log x, with the convention 0 log 0 = 0 (a term of the Shannon entropy, nats)."""

    nargs = 1

    @classmethod
    def eval(cls, arg):
        if arg.is_zero:
            return sp.S.Zero
        if arg.is_Number:
            return -arg * sp.log(arg)
        return None

    def fdiff(self, argindex=1):
        return -sp.log(self.args[0]) - 1

    def _eval_rewrite_as_log(self, arg, **kwargs):
        return -arg * sp.log(arg)

    def _latex(self, printer, exp=None):
        a = printer._print(self.args[0])
        return _power(r"\eta\left(%s\right)" % a, exp)

    def _sympystr(self, printer):
        return "eta(%s)" % printer._print(self.args[0])

    def _pretty(self, printer):
        from sympy.printing.pretty.stringpict import prettyForm
        inner = prettyForm(*printer._print(self.args[0]).parens())
        return prettyForm(*inner.left("eta"))


class WF(sp.Function):
    """WF(n, m, a, b): entry (a, b) of the m-step transition matrix of the two-category
    Wright-Fisher chain on counts {0..n} (P[a, b] = Binomial(n, a/n).pmf(b)); computed
    numerically, by :mod:`modelcollapse.numerics.wright_fisher`."""

    nargs = 4

    @classmethod
    def eval(cls, n_, m, a_, b_):
        if m == 0:
            return sp.KroneckerDelta(a_, b_)
        return None

    def _latex(self, printer, exp=None):
        n_, m, a_, b_ = (printer._print(v) for v in self.args)
        return _power(r"\left(P_{%s}^{%s}\right)_{%s,%s}" % (n_, m, a_, b_), exp)

    def _sympystr(self, printer):
        n_, m, a_, b_ = (printer._print(v) for v in self.args)
        return "(P_%s**(%s))[%s, %s]" % (n_, m, a_, b_)


class WFtau(sp.Function):
    """WFtau(n, a): mean number of steps until the two-category chain from count a hits 0 or n,
    the solution of tau = 1 + P tau on {1..n-1} with tau(0) = tau(n) = 0 (a linear solve)."""

    nargs = 2

    @classmethod
    def eval(cls, n_, a_):
        if a_ == 0 or (a_ - n_) == 0:
            return sp.S.Zero
        return None

    def _latex(self, printer, exp=None):
        n_, a_ = (printer._print(v) for v in self.args)
        return _power(r"\tau_{%s}(%s)" % (n_, a_), exp)

    def _sympystr(self, printer):
        return "tau_%s(%s)" % tuple(printer._print(v) for v in self.args)


class Eig(sp.Function):
    """Eig(k): the eigenvalue lambda_k of the one-step operator on degree-k polynomials."""

    nargs = 1

    def _latex(self, printer, exp=None):
        return _power(r"\lambda_{%s}" % printer._print(self.args[0]), exp)

    def _sympystr(self, printer):
        return "lambda_%s" % printer._print(self.args[0])


#: Order of a moment / degree of a polynomial, a count value, a PGF variable, a dummy index.
k = sp.Symbol("k", integer=True, nonnegative=True)
c = sp.Symbol("c", integer=True, nonnegative=True)
pgf_z = sp.Symbol("z", positive=True)
j = sp.Symbol("j", integer=True, nonnegative=True)
#: Zipf exponent.
zipf_s = sp.Symbol("s", positive=True)
#: A test function in the law's pmf form.
g = sp.Function("g")
