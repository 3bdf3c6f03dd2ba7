/// An array of `count` copies of `value`, as `Array(repeating:count:)` makes it. That initialiser allocates
/// through a path not specialised for the element type, which looks the type up at run time — several hundred
/// instructions an array (thousands for an optional struct), and the readers make several such arrays per
/// report and a dozen small ones per table; reserving capacity is specialised.
func filledArray<T>(_ value: T, count: Int) -> [T] {
    var array: [T] = []
    array.reserveCapacity(count)
    array.append(contentsOf: repeatElement(value, count: count))
    return array
}
