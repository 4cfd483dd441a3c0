package newmap

// FactsAnalyzer exposes the facts pass to the tests, which check its facts.
var FactsAnalyzer = factsAnalyzer
