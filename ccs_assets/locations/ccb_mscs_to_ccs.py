"""Code location of scenario 6 (CC&B and MSCS -> CCS, steps 1-11): the target already holds the MSCS clone."""

from ..scenarios.upgrade import CCB_MSCS_TO_CCS
from . import location

defs, JOB = location(CCB_MSCS_TO_CCS)
