import Foundation
@_exported import TestSupport
import Testing

@Test func corpusIsPresentWhenRequired() {
  if Corpus.required {
    #expect(Corpus.available, "CI must have ../shared/corpus beside the package")
  } else if !Corpus.available {
    print("note: ../shared/corpus not found; corpus tests are skipped on this machine")
  }
}
