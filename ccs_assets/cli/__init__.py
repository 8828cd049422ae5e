"""The ccs-migrate command line: what a user does without the UI."""
