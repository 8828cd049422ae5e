"""Steps of the upgrade scenarios (2 and 5): a CC&B database as the source, its keys kept."""
