// libFuzzer calls the importer of format xlsx with each input; see Fuzz/Package.swift.
import FuzzImportSupport
import FuzzSupport

runFuzzer { data, size in fuzzImport(data, size, format: .xlsx, fileName: "plan.xlsx") }
