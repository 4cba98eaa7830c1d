"""Case briefs: a case bundle in, a document out (PDF, plain text). No Qt, no SQL."""
