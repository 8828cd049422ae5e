"""Code location of scenario 2 (CC&B -> CCS, steps 1-9): its own graph, job and resources."""

from ..scenarios.upgrade import CCB_TO_CCS
from . import location

defs, JOB = location(CCB_TO_CCS)
