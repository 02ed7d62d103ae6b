// libFuzzer calls fuzzQuery with each input; see Fuzz/Package.swift.
import FuzzSupport

runFuzzer(fuzzQuery)
