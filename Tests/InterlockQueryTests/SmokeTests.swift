import InterlockQuery
import Testing

@Test func smoke() {
    #expect(value("1 + 2") == 3)
    let result = rows("MATCH (i:Initiative)-[:DEPENDS_ON]->(j) RETURN i.id, j.id ORDER BY i.id")
    #expect(result == [["a", "b"], ["b", "c"], ["c", "a"], ["d", "c"]])
}
