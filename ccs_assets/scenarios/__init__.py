"""One asset graph per Oracle scenario; they share the step factories."""
