// swift-tools-version:6.1
// Paperasse: document generation and attestation service.
// Module direction (see docs/architecture.md): C shims → PDFSyntax/Typography/Graphics → PDFRender
// → LayoutDefinitions/LayoutEngine → Accounts → Portal → paperasse.
import PackageDescription

let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    // Generic typed writers and small helpers cross module boundaries on hot paths: let the optimiser
    // specialise and inline them in release builds.
    .unsafeFlags(["-cross-module-optimization"], .when(configuration: .release)),
]

let package = Package(
    name: "Paperasse",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "paperasse", targets: ["paperasse"]),
        .library(name: "PDFRender", targets: ["PDFRender"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
    ],
    targets: [
        // System-library shims, one per C library, found with pkg-config.
        .systemLibrary(name: "CHarfBuzz", pkgConfig: "harfbuzz-subset",
                       providers: [.apt(["libharfbuzz-dev"])]),
        .systemLibrary(name: "CFreeType", pkgConfig: "freetype2",
                       providers: [.apt(["libfreetype-dev"])]),
        .systemLibrary(name: "CPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),
        .systemLibrary(name: "CDeflate", pkgConfig: "libdeflate", providers: [.apt(["libdeflate-dev"])]),
        .systemLibrary(name: "CMalloc"),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CQRencode", pkgConfig: "libqrencode",
                       providers: [.apt(["libqrencode-dev"])]),

        // The PDF engine: knows nothing of insurance.
        .target(name: "PDFSyntax", swiftSettings: strict),
        .target(name: "Graphics", swiftSettings: strict),
        .target(name: "Typography", dependencies: ["CHarfBuzz", "CFreeType", "Graphics"], swiftSettings: strict),
        // Day counts and civil dates, for the account store and the engine alike.
        .target(name: "CivilDays", swiftSettings: strict),
        .target(name: "PDFRender",
                dependencies: ["PDFSyntax", "Graphics", "Typography", "CivilDays", "CPNG", "CDeflate", "CMalloc"],
                swiftSettings: strict),

        // Layout: declarative definitions and the engine that turns them into frames.
        .target(name: "LayoutDefinitions", dependencies: ["Yams", .product(name: "Crypto", package: "swift-crypto")], swiftSettings: strict),
        .target(name: "Barcodes", dependencies: ["CQRencode"], swiftSettings: strict),
        .target(name: "LayoutEngine",
                dependencies: ["LayoutDefinitions", "Graphics", "Typography", "Barcodes"],
                swiftSettings: strict),

        // Account data and the portal's business rules.
        .target(name: "Accounts", dependencies: ["CivilDays", "CSQLite"], swiftSettings: strict),
        .target(name: "Portal",
                dependencies: ["Accounts", "LayoutEngine", "LayoutDefinitions", "PDFRender",
                               .product(name: "Crypto", package: "swift-crypto")],
                swiftSettings: strict),

        .executableTarget(name: "paperasse",
                          dependencies: ["Portal", "Accounts", "LayoutEngine", "LayoutDefinitions",
                                         "PDFRender", "Typography", "Graphics",
                                         .product(name: "ArgumentParser", package: "swift-argument-parser")],
                          swiftSettings: strict),
        .executableTarget(name: "paperasse-bench", dependencies: ["PDFRender", "Typography", "Graphics", "LayoutEngine", "LayoutDefinitions", "Accounts", "Portal"],
                          path: "bench/Sources/paperasse-bench", swiftSettings: strict),

        .target(name: "TestSupport", path: "Tests/TestSupport", swiftSettings: strict),
        .testTarget(name: "PDFSyntaxTests", dependencies: ["PDFSyntax", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "TypographyTests", dependencies: ["Typography", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "PDFRenderTests",
                    dependencies: ["PDFRender", "Typography", "Graphics", "TestSupport"],
                    swiftSettings: strict),
        .testTarget(name: "LayoutDefinitionsTests", dependencies: ["LayoutDefinitions", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "LayoutEngineTests", dependencies: ["LayoutEngine", "PDFRender", "TestSupport", "Portal", "LayoutDefinitions"],
                    exclude: ["Goldens", "References", "README.md"], swiftSettings: strict),
        .testTarget(name: "AccountsTests", dependencies: ["Accounts", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "PortalTests", dependencies: ["Portal", "TestSupport"], swiftSettings: strict),
    ]
)
