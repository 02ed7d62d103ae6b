import ArgumentParser
import Foundation
import InterlockCore
import InterlockInterop

extension ImportFormat: ExpressibleByArgument {}

/// `interlock import`: turns an ArchiMate model, a spreadsheet or a Backstage catalog into a
/// portfolio file that `check` accepts unchanged.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import a portfolio from ArchiMate, a spreadsheet or a Backstage catalog, as Interlock YAML.",
        discussion: """
        The result starts with a comment naming the source; a summary goes to standard error \
        (what each type was mapped to, what was skipped, references left unresolved). Every \
        command also reads these files directly with --from FORMAT. Mapping tables and mapping \
        files: docs/interop.md.

        Examples:
          interlock import archimate model.xml -o portfolio.yaml
          interlock import archimate landscape.xml --as ApplicationComponent=initiative -o portfolio.yaml
          interlock import xlsx projects.xlsx --mapping map.yaml -o portfolio.yaml
          interlock import leanix leanix-export.xlsx -o portfolio.yaml
        """
    )

    @Argument(help: ArgumentHelp("The format of the files: \(ImportFormat.allCases.map(\.rawValue).joined(separator: ", ")).",
                                 valueName: "format"))
    var format: ImportFormat

    @Argument(help: ArgumentHelp("The files to import.", valueName: "file"))
    var paths: [String]

    @OptionGroup var mapping: ImportMappingOptions

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp(
        "The portfolio file to write (atomically); default: standard output.", valueName: "file"))
    var output: String?

    func validate() throws {
        if paths.isEmpty { throw ValidationError("Give at least one file to import.") }
        try mapping.validate()
    }

    func run() throws {
        let imported = try mapping.importPortfolio(paths, format: format)
        let header = [
            "Imported by `interlock import \(format.rawValue)` from \(paths.joined(separator: ", ")).",
            "Mapping: docs/interop.md. Edit the source and import again, or keep this file as the portfolio.",
        ]
        let text = PortfolioYAMLWriter.text(of: imported, header: header)
        // The file must be one `check` accepts: a writer fault is caught here, not by the user.
        do {
            _ = try PortfolioLoader.load(text: text, file: output ?? "<import>")
        } catch {
            throw CommandFailure.badInput("the imported portfolio does not load (an Interlock bug, please report it): \(error)")
        }
        try OutputDestination(path: output).write(text)
    }
}

/// How imported files are mapped: `--as` overrides of the format's table and the spreadsheet
/// mapping file. Shared by `import`
/// and every command's `--from`.
struct ImportMappingOptions: ParsableArguments {
    @Option(name: .customLong("as"), help: ArgumentHelp(
        "Map a source type to a kind, overriding the format's table (ApplicationComponent=initiative, "
            + "BusinessProcess=capability, Group=unit, Other=skip). Repeatable.",
        valueName: "type=kind"))
    var overrides: [String] = []

    @Option(help: ArgumentHelp(
        "A YAML file mapping spreadsheet sheets and columns to kinds and fields (csv, xlsx; replaces the built-in one of leanix, ardoq).",
        valueName: "file"))
    var mapping: String?

    func validate() throws {
        do {
            _ = try ImportOptions.overrides(overrides)
        } catch {
            throw ValidationError(error.message)
        }
    }

    /// Imports `paths` as `format`, printing the summary to standard error; an unreadable file
    /// or an import without initiatives is exit code 2 with its message.
    func importPortfolio(_ paths: [String], format: ImportFormat) throws -> ImportedPortfolio {
        do {
            let options = ImportOptions(overrides: try ImportOptions.overrides(overrides),
                                        mapping: try mapping.map { path throws(ImportError) in try SpreadsheetMapping.load(path: path) })
            let imported = try PortfolioImporter.importFiles(paths, format: format, options: options)
            for line in imported.summary.lines { printToStandardError("import: \(line)") }
            return imported
        } catch {
            throw CommandFailure.badInput(error.message)
        }
    }
}
