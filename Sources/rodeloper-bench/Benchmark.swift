import Foundation

struct Benchmark {
    init(arguments: [String]) throws {}
    func run() throws {}
}
