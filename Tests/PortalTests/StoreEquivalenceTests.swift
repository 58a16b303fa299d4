import Accounts
import Portal
import Testing

/// Every document built from the SQLite store equals the one built from the in-memory store:
/// the builders depend on the protocol only, as a PostgreSQL backend will require.
@Suite("Builders are store-agnostic")
struct StoreEquivalenceTests {
    typealias F = PortalFixtures

    @Test("the six documents are equal whichever store they are read from")
    func sameDocuments() throws {
        let sql = try F.store(), memory = try F.memoryStore()
        func both<T: Equatable>(_ build: (any AccountStore) throws -> T) throws {
            let a = try build(sql), b = try build(memory)
            #expect(a == b)
        }
        try both { try AttestationDroitsBuilder.build(store: $0, nir13: F.nirA, scope: .family, today: F.day("2026-03-31")) }
        try both { try AttestationIJBuilder.build(store: $0, nir13: F.nirA, from: F.day("2025-01-01"), to: F.day("2025-12-31"), today: F.today) }
        try both { try ReleveMensuelBuilder.build(store: $0, nir13: F.nirA, month: YearMonth(year: 2026, month: 10), today: F.today) }
        try both { try ReleveAnnuelBuilder.build(store: $0, nir13: F.nirA, year: 2025, today: F.today) }
        try both { try ReleveFiscalBuilder.build(store: $0, nir13: F.nirA, today: F.day("2026-03-15")) }
        try both {
            try CertificatProvisoireCEAMBuilder.issue(store: $0, nir13: F.nirA, beneficiaryRank: 3,
                                                      departure: F.day("2026-12-01"), today: F.today)
        }
        // And both refuse the second certificate the same way.
        for store in [sql, memory] as [any AccountStore] {
            let again = #expect(throws: Refusal.self) {
                try CertificatProvisoireCEAMBuilder.issue(store: store, nir13: F.nirA, beneficiaryRank: 3,
                                                          departure: F.day("2026-12-01"), today: F.today)
            }
            #expect(again?.code == .certificatDejaDelivre)
        }
    }
}
