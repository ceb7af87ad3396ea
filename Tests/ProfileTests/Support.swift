// The `Corpus` helper lives in Tests/TestSupport, shared by every test target.
@_exported import TestSupport
