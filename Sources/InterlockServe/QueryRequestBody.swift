import Foundation
import InterlockQuery

/// The body of `POST /api/query`: `{"query": "MATCH ...", "parameters": {"name": value}}`,
/// parameter values being strings, numbers, booleans, null or lists of them.
struct QueryRequestBody {
    /// The query text.
    var text: String
    /// The values of `$name` parameters.
    var parameters: [String: QueryValue]

    /// Reads a body.
    ///
    /// - Throws: `ServeError` 400 naming what is wrong with it.
    init(json: Data) throws(ServeError) {
        let decoded: Wire
        do {
            decoded = try JSONDecoder().decode(Wire.self, from: json)
        } catch {
            throw .badParameter(
                "The body must be a JSON object {\"query\": text, \"parameters\": {name: value}}, values being strings, numbers, booleans, null or lists of them.")
        }
        text = decoded.query
        parameters = (decoded.parameters ?? [:]).mapValues(\.value)
    }

    private struct Wire: Decodable {
        var query: String
        var parameters: [String: Parameter]?
    }

    /// A parameter value: a scalar or a flat list of scalars, so that decoding never recurses.
    private struct Parameter: Decodable {
        var value: QueryValue

        init(from decoder: any Decoder) throws {
            if let scalar = try? Scalar(from: decoder) {
                value = scalar.value
            } else {
                var list = try decoder.unkeyedContainer()
                var values: [QueryValue] = []
                while !list.isAtEnd { values.append(try list.decode(Scalar.self).value) }
                value = .list(values)
            }
        }
    }

    private struct Scalar: Decodable {
        var value: QueryValue

        init(from decoder: any Decoder) throws {
            let single = try decoder.singleValueContainer()
            if single.decodeNil() {
                value = .null
            } else if let truth = try? single.decode(Bool.self) {
                value = .boolean(truth)
            } else if let integer = try? single.decode(Int.self) {
                value = .integer(integer)
            } else if let number = try? single.decode(Double.self) {
                value = .float(number)
            } else {
                value = .string(try single.decode(String.self))
            }
        }
    }
}
