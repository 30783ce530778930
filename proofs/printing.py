"""How the kernel's words print (``x_t``, ``E[.]``, ``E[. | F_t]``), as text and LaTeX.

Printing is no part of the trusted kernel: this module gives its classes their printers when
:mod:`modelcollapse.proofs` is imported, before any proof is checked or reported.
"""

from __future__ import annotations

from .kernel.terms import CE, CondMutualInfo, E, Joint, MutualInfo, Rand


def _power(out, exp):
    return out if exp is None else f"{{{out}}}^{{{exp}}}"


def _subscript(rand, printer):
    """Indices first, then the generation: ``p_{i,t}``."""
    return ",".join(printer.doprint(a) for a in rand.args[2:] + rand.args[1:2])


def _rand_str(self, printer):
    sub = _subscript(self, printer)
    return f"{self.label}_{{{sub}}}" if ("," in sub or " " in sub) else f"{self.label}_{sub}"


def _rand_latex(self, printer, exp=None):
    return _power(f"{self.label}_{{{_subscript(self, printer)}}}", exp)


def _expectation_str(self, printer):
    return f"E[{printer.doprint(self.args[0])}]"


def _expectation_latex(self, printer, exp=None):
    return _power(rf"\mathbb{{E}}\left[{printer.doprint(self.args[0])}\right]", exp)


def _conditional_str(self, printer):
    return f"E[{printer.doprint(self.args[0])} | F_{printer.doprint(self.args[1])}]"


def _conditional_latex(self, printer, exp=None):
    given = rf"\mathcal{{F}}_{{{printer.doprint(self.args[1])}}}"
    return _power(rf"\mathbb{{E}}\left[{printer.doprint(self.args[0])} \mid {given}\right]", exp)


def _printer(text, tex):
    """A word printed by a pattern over its arguments' forms: (str printer, LaTeX printer)."""
    def as_str(self, printer):
        return text.format(*(printer.doprint(a) for a in self.args))

    def as_latex(self, printer, exp=None):
        return _power(tex.format(*(printer.doprint(a) for a in self.args)), exp)
    return as_str, as_latex


def _joint_str(self, printer):
    return "(" + ", ".join(printer.doprint(a) for a in self.args) + ")"


def _joint_latex(self, printer, exp=None):
    return _power(r"\left(" + ", ".join(printer.doprint(a) for a in self.args) + r"\right)", exp)


for _word, _str, _latex in ((Rand, _rand_str, _rand_latex), (E, _expectation_str, _expectation_latex),
                            (CE, _conditional_str, _conditional_latex), (Joint, _joint_str, _joint_latex),
                            (MutualInfo, *_printer("I({}; {})", r"I\left({};\, {}\right)")),
                            (CondMutualInfo, *_printer("I({}; {} | {})", r"I\left({};\, {} \mid {}\right)"))):
    _word._sympystr, _word._latex = _str, _latex
