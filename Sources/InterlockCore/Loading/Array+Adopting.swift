extension Array {
    /// Appends `items`, taking over their storage when this array is empty: a large file's million
    /// initiatives then pass from decoder to merger to portfolio without a copy.
    mutating func appendAdopting(_ items: [Element]) {
        if isEmpty { self = items } else { self += items }
    }
}
