// libFuzzer calls the importer of format backstage with each input; see Fuzz/Package.swift.
import FuzzImportSupport
import FuzzSupport

runFuzzer { data, size in fuzzImport(data, size, format: .backstage, fileName: "catalog-info.yaml") }
