// libFuzzer calls fuzzYAML with each input; see Fuzz/Package.swift.
import FuzzSupport

runFuzzer(fuzzYAML)
