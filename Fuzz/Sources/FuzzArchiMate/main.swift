// libFuzzer calls the importer of format archimate with each input; see Fuzz/Package.swift.
import FuzzImportSupport
import FuzzSupport

runFuzzer { data, size in fuzzImport(data, size, format: .archimate, fileName: "model.xml") }
