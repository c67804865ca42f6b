// swift-tools-version:6.0
import PackageDescription

// One-way dependencies: rodeloper -> CoachScreens -> (TerminalKit, Caseload).
// The domain (Caseload) knows no terminal; the terminal kit knows no coaching.
let package = Package(
    name: "RodeLoper",
    targets: [
        .target(
            name: "CNcursesw",
            cSettings: [.define("_XOPEN_SOURCE_EXTENDED"), .define("_DEFAULT_SOURCE")],
            linkerSettings: [.linkedLibrary("ncursesw")]
        ),
        // Resources/ is compiled into the binary, so an installed copy needs no bundle folder.
        .executableTarget(name: "ResourceEmbedder"),
        .plugin(name: "EmbedResourcesPlugin", capability: .buildTool(), dependencies: ["ResourceEmbedder"]),
        .target(name: "AppResources", plugins: ["EmbedResourcesPlugin"]),
        // The one way unsafe characters from data are escaped, shared by the domain and the terminal kit.
        .target(name: "SafeText"),
        .target(name: "Caseload", dependencies: ["AppResources", "SafeText"]),
        .target(name: "TerminalKit", dependencies: ["CNcursesw", "SafeText"]),
        .target(name: "CoachScreens", dependencies: ["TerminalKit", "Caseload", "AppResources"]),
        .executableTarget(name: "rodeloper", dependencies: ["CoachScreens", "TerminalKit", "Caseload", "SafeText"]),
        // Speed and memory over a generated large caseload; see docs/performance.md.
        .executableTarget(name: "rodeloper-bench", dependencies: ["CoachScreens", "TerminalKit", "Caseload"]),
        .testTarget(name: "CaseloadTests", dependencies: ["Caseload"]),
        .testTarget(name: "TerminalKitTests", dependencies: ["TerminalKit"]),
        .testTarget(name: "SafeTextTests", dependencies: ["SafeText"]),
        .testTarget(name: "CoachScreensTests", dependencies: ["CoachScreens", "TerminalKit", "Caseload"]),
        .testTarget(name: "EndToEndTests", dependencies: ["rodeloper"]),
    ],
    swiftLanguageModes: [.v6]
)
