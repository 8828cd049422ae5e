"""Code location of scenario 5 (CC&B -> CC&B Cloud Service, master and transactional data, steps 1-5)."""

from ..scenarios.upgrade import CCB_TO_CLOUD
from . import location

defs, JOB = location(CCB_TO_CLOUD)
