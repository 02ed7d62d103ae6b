// libFuzzer calls fuzzDecode with each input; see Fuzz/Package.swift.
import FuzzSupport

runFuzzer(fuzzDecode)
