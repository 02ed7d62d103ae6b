// libFuzzer calls fuzzJSON with each input; see Fuzz/Package.swift.
import FuzzSupport

runFuzzer(fuzzJSON)
