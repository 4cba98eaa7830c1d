"""Pure domain objects: no Qt, no SQL, no I/O."""
