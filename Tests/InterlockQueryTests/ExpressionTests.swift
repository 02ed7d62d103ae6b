import InterlockQuery
import Testing

/// Every operator and function, each with its null behaviour, evaluated by `RETURN expression`.
@Suite struct ExpressionTests {
    static let literals: [(String, QueryValue)] = [
        ("1", 1), ("-7", -7), ("2.5", 2.5), ("1e2", 100.0), ("'it\\'s'", "it's"), ("'a\\tb'", "a\tb"),
        ("\"\\u00e9\"", "é"), ("true", true), ("FALSE", false), ("null", nil), ("[1, 'a', null]", [1, "a", nil]),
        ("{b: 1, a: [true]}", ["a": [true], "b": 1]), ("[]", []), ("{}", [:]), ("$p", "param"),
    ]

    static let logic: [(String, QueryValue)] = [
        ("true AND false", false), ("true AND null", nil), ("false AND null", false), ("null AND null", nil),
        ("true OR null", true), ("false OR null", nil), ("false OR false", false),
        ("true XOR false", true), ("true XOR true", false), ("true XOR null", nil),
        ("NOT true", false), ("NOT null", nil), ("NOT (1 > 2)", true),
    ]

    static let comparison: [(String, QueryValue)] = [
        ("1 = 1.0", true), ("1 = '1'", false), ("null = null", nil), ("1 <> null", nil), ("1 <> 2", true),
        ("[1, 2] = [1, 2]", true), ("[1, null] = [1, 2]", nil), ("[1, null] = [2, 2]", false),
        ("{a: 1} = {a: 1}", true), ("{a: 1} = {a: 1, b: 2}", false),
        ("1 < 2", true), ("2 <= 2", true), ("3 > 2.5", true), ("1 >= 2", false), ("'a' < 'b'", true),
        ("'B' < 'a'", true), ("false < true", true), ("1 < 'a'", nil), ("null < 1", nil), ("[1, 2] < [1, 3]", true),
        ("1 < 2 < 3", true), ("1 < 3 < 2", false), ("1 < null < 0", nil), ("2 < 1 < null", false),
        ("'2026-01-01' < '2026-02-01'", true), ("date('2026-01-31') >= '2026-01-31'", true),
        ("0.0 / 0.0 = 0.0 / 0.0", false),
    ]

    static let predicates: [(String, QueryValue)] = [
        ("null IS NULL", true), ("1 IS NULL", false), ("null IS NOT NULL", false), ("[] IS NOT NULL", true),
        ("2 IN [1, 2]", true), ("3 IN [1, 2]", false), ("3 IN [1, null]", nil), ("1 IN [1, null]", true),
        ("null IN [1]", nil), ("null IN []", false), ("1 IN null", nil), ("[1] IN [[1], [2]]", true),
        ("'abc' STARTS WITH 'ab'", true), ("'abc' STARTS WITH null", nil), ("'abc' ENDS WITH 'bc'", true),
        ("'abc' ENDS WITH 'a'", false), ("'abc' CONTAINS 'b'", true), ("null CONTAINS 'b'", nil),
        ("1 STARTS WITH 'a'", nil), ("'abc' CONTAINS ''", true),
        ("'java-17' =~ 'java-[0-9]+'", true), ("'xjava' =~ 'java'", false), ("'a' =~ null", nil),
        ("'Ab' =~ '(?i)ab'", true),
    ]

    static let arithmetic: [(String, QueryValue)] = [
        ("1 + 2", 3), ("1 + 2.5", 3.5), ("7 - 10", -3), ("3 * 4", 12), ("7 / 2", 3), ("-7 / 2", -3), ("7.0 / 2", 3.5),
        ("7 % 3", 1), ("-7 % 3", -1), ("7.5 % 2", 1.5), ("2 ^ 10", 1024.0), ("1 / 0.0", .float(.infinity)),
        ("null + 1", nil), ("1 - null", nil), ("null * null", nil), ("-null", nil), ("+3", 3),
        ("'a' + 'b'", "ab"), ("'n' + 1", "n1"), ("1.5 + 'x'", "1.5x"), ("'t' + true", "ttrue"),
        ("[1] + [2]", [1, 2]), ("[1] + 2", [1, 2]), ("0 + [1]", [0, 1]), ("[1] + null", nil),
    ]

    static let structure: [(String, QueryValue)] = [
        ("[1, 2, 3][0]", 1), ("[1, 2, 3][-1]", 3), ("[1, 2, 3][5]", nil), ("[1, 2, 3][null]", nil), ("null[0]", nil),
        ("[1, 2, 3, 4][1..3]", [2, 3]), ("[1, 2, 3][1..]", [2, 3]), ("[1, 2, 3][..-1]", [1, 2]),
        ("[1, 2, 3][-2..]", [2, 3]), ("[1, 2, 3][2..1]", []), ("[1, 2, 3][0..null]", nil), ("null[0..1]", nil),
        ("{a: {b: 2}}.a.b", 2), ("{a: 1}.z", nil), ("{a: 1}['a']", 1), ("null.x", nil),
        ("CASE WHEN 1 > 2 THEN 'x' WHEN 2 > 1 THEN 'y' ELSE 'z' END", "y"), ("CASE WHEN null THEN 1 END", nil),
        ("CASE 2 WHEN 1 THEN 'one' WHEN 2 THEN 'two' END", "two"), ("CASE null WHEN null THEN 1 ELSE 2 END", 2),
        ("[x IN [1, 2, 3, 4] WHERE x % 2 = 0 | x * 10]", [20, 40]), ("[x IN [1, 2] | x + 1]", [2, 3]),
        ("[x IN [1, null, 3] WHERE x > 1]", [3]), ("[x IN null | x]", nil), ("[x IN [[1], [2]] | x[0]]", [1, 2]),
        ("all(x IN [1, 2] WHERE x > 0)", true), ("all(x IN [1, null] WHERE x > 0)", nil), ("all(x IN [] WHERE x > 0)", true),
        ("any(x IN [1, 2] WHERE x > 1)", true), ("any(x IN [null] WHERE x > 1)", nil), ("none(x IN [1, 2] WHERE x > 5)", true),
        ("single(x IN [1, 2] WHERE x > 1)", true), ("single(x IN [2, 2] WHERE x > 1)", false),
    ]

    static let functions: [(String, QueryValue)] = [
        ("size([1, 2])", 2), ("size('héllo')", 5), ("size(null)", nil), ("length('ab')", 2),
        ("coalesce(null, null, 3, 4)", 3), ("coalesce(null)", nil),
        ("toLower('AbC')", "abc"), ("toUpper('abc')", "ABC"), ("toLower(null)", nil),
        ("toString(12)", "12"), ("toString(1.5)", "1.5"), ("toString(true)", "true"), ("toString('s')", "s"), ("toString(null)", nil),
        ("toInteger('42')", 42), ("toInteger('4.7')", 4), ("toInteger(4.7)", 4), ("toInteger('x')", nil), ("toInteger(null)", nil),
        ("toFloat('2.5')", 2.5), ("toFloat(2)", 2.0), ("toFloat('x')", nil), ("toFloat(null)", nil),
        ("toBoolean('TRUE')", true), ("toBoolean('no')", nil),
        ("exists(null)", false), ("exists({a: 1}.a)", true), ("exists({a: 1}.b)", false),
        ("head([1, 2])", 1), ("head([])", nil), ("last([1, 2])", 2), ("tail([1, 2, 3])", [2, 3]), ("reverse([1, 2])", [2, 1]),
        ("reverse('abc')", "cba"), ("range(1, 4)", [1, 2, 3, 4]), ("range(0, 10, 5)", [0, 5, 10]), ("range(3, 1, -1)", [3, 2, 1]),
        ("trim('  a b ')", "a b"), ("lTrim('  a ')", "a "), ("rTrim('  a ')", "  a"), ("replace('a-b-c', '-', '+')", "a+b+c"),
        ("split('a,b,,c', ',')", ["a", "b", "", "c"]), ("substring('interlock', 5)", "lock"), ("substring('interlock', 0, 5)", "inter"),
        ("left('abc', 2)", "ab"), ("right('abc', 2)", "bc"), ("split(null, ',')", nil),
        ("abs(-3)", 3), ("abs(-2.5)", 2.5), ("ceil(1.2)", 2.0), ("floor(1.8)", 1.0), ("round(2.5)", 3.0), ("sign(-4)", -1),
        ("sqrt(16)", 4.0), ("abs(null)", nil), ("date('2024-02-29')", "2024-02-29"), ("date(null)", nil),
        ("keys({b: 1, a: 2})", ["a", "b"]), ("properties({a: 1})", ["a": 1]),
        ("labels(null)", nil), ("type(null)", nil), ("id(null)", nil), ("nodes(null)", nil), ("length(null)", nil),
    ]

    static let all: [(String, QueryValue)] = {
        var cases: [(String, QueryValue)] = []
        for group in [literals, logic, comparison, predicates, arithmetic, structure, functions] { cases += group }
        return cases
    }()

    @Test(arguments: all)
    func evaluates(_ expression: String, _ expected: QueryValue) {
        let result = value(expression, parameters: ["p": "param"])
        #expect(result == expected, "\(expression)")
        // Equivalence makes 1 and 1.0 alike: check the type too.
        #expect(result?.typeName == expected.typeName, "\(expression)")
    }

    static let failures: [(String, QueryError.Kind, String)] = [
        ("1 / 0", .runtime, "division by zero"), ("5 % 0", .runtime, "division by zero"),
        ("9223372036854775807 + 1", .runtime, "integer overflow"), ("-(-9223372036854775807 - 1)", .runtime, "integer overflow"),
        ("1 AND true", .semantic, "AND expects Booleans but got Integer"), ("NOT 'x'", .semantic, "NOT expects Booleans but got String"),
        ("true - 1", .runtime, "cannot apply '-' to Boolean and Integer"), ("{a: 1} + 1", .runtime, "cannot apply '+' to Map and Integer"),
        ("toLower(1)", .runtime, "toLower() expects a String but got Integer"), ("size(1)", .runtime, "size() expects a List or a String but got Integer"),
        ("1.x", .runtime, "cannot read property 'x' of a Integer"), ("[1][true]", .runtime, "cannot index a List with a Boolean"),
        ("date('2023-02-29')", .runtime, "date() expects YYYY-MM-DD but got '2023-02-29'"), ("'a' =~ '('", .runtime, "invalid regular expression '('"),
        ("nosuch(1)", .semantic, "unknown function 'nosuch'"), ("left('a')", .semantic, "left() takes 2 argument(s), not 1"),
        ("x", .semantic, "variable 'x' is not defined"), ("$missing", .semantic, "parameter $missing has no value; pass it with --param missing=..."),
        ("[x IN 1 | x]", .runtime, "expected a List but got Integer"), ("range(1, 2, 0)", .runtime, "range() step must not be zero"),
        ("toUpper(DISTINCT 'a')", .semantic, "DISTINCT is only allowed in aggregating functions"),
    ]

    @Test(arguments: failures)
    func fails(_ expression: String, _ kind: QueryError.Kind, _ message: String) {
        let failure = error("RETURN " + expression, on: .empty)
        #expect(failure?.kind == kind, "\(expression)")
        #expect(failure?.message == message, "\(expression)")
        #expect(failure?.position != nil, "\(expression)")
    }
}
