"""What every lesson does first, in one call: validate its parameters and set its language.

A lesson's cell after the ``parameters`` cell reads::

    SPEC = ParamSpec(language=language_param(), region=region_param(PROVINCES), ...)
    P = start_lesson(globals(), SPEC)

:func:`start_lesson` checks the parameters (one :class:`~helpers.params.ParameterError` naming
every bad value and the allowed ones), writes the coerced values back (``"zh-CN"`` becomes
``"zh"``, ``"河北"`` becomes ``"Hebei"``), sets the run's language for every catalogue look-up
(:func:`helpers.i18n.set_language`) and the kit's figure style (with the CJK font when the
language is Chinese). Nothing else: the analysis stays in the lesson.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from helpers import i18n
from helpers.params import Param, Params, ParamSpec, check_params

__all__ = ["start_lesson"]


def start_lesson(ns: dict[str, Any], spec: ParamSpec | Mapping[str, Param],
                 *, style: bool = True) -> Params:
    """Validate the lesson's parameters in ``ns`` (its ``globals()``) and set its language.

    Args:
        ns: the notebook's namespace; coerced values are written back into it.
        spec: the lesson's parameters (its ``language`` parameter sets the run's language).
        style: also apply the kit's figure style (:func:`helpers.plots.use_kit_style`).

    Returns:
        The validated parameters (:class:`~helpers.params.Params`).
    """
    __tracebackhide__ = True
    params = check_params(ns, spec)
    i18n.set_language(params.get("language", "en"))
    if style:
        from helpers import plots  # late: matplotlib is only needed once a lesson draws

        plots.use_kit_style()
    return params
