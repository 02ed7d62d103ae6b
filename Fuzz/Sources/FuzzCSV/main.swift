// libFuzzer calls the importer of format csv with each input; see Fuzz/Package.swift.
import FuzzImportSupport
import FuzzSupport

runFuzzer { data, size in fuzzImport(data, size, format: .csv, fileName: "initiatives.csv") }
