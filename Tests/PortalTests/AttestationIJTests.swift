import Accounts
import Portal
import Testing

@Suite("Attestation d'indemnités journalières")
struct AttestationIJTests {
    typealias F = PortalFixtures

    @Test("year 2025: ALD payments apart, every amount and total recomputed")
    func year2025() throws {
        let doc = try AttestationIJBuilder.build(store: F.store(), nir13: F.nirA, from: F.day("2025-01-01"),
                                                 to: F.day("2025-12-31"), today: F.today)
        #expect(doc.groups.count == 2)
        #expect(doc.groups[0].rows.map(\.workStopReference) == ["AM1", "AT1", "MA1"])
        #expect(doc.groups[1].rows.map(\.workStopReference) == ["AM2"])
        #expect(doc.mentions.map(\.code) == [.ijALD])
        let rows = doc.groups.flatMap(\.rows)
        for row in rows {
            // 6,2 % and 0,5 % of the gross, rounded to the cent, recomputed here with integers.
            #expect(row.gross.cents == row.dailyGross.cents * Int64(row.days))
            #expect(row.csg.cents == (row.gross.cents * 62 + 500) / 1000)
            #expect(row.crds.cents == (row.gross.cents * 5 + 500) / 1000)
            #expect(row.net.cents == row.gross.cents - row.csg.cents - row.crds.cents)
        }
        // AM1: 11 days × 40 € = 440 €, CSG 27,28 €, CRDS 2,20 €, net 410,52 €.
        #expect(rows[0].gross == F.euros(440) && rows[0].csg == F.euros(27, 28) && rows[0].crds == F.euros(2, 20))
        #expect(rows[0].net == F.euros(410, 52))
        for group in doc.groups {
            #expect(group.totals.gross.cents == group.rows.reduce(0) { $0 + $1.gross.cents })
            #expect(group.totals.net.cents == group.rows.reduce(0) { $0 + $1.net.cents })
            #expect(group.totals.days == group.rows.reduce(0) { $0 + $1.days })
        }
        #expect(doc.totals.gross == F.euros(440 + 700 + 840 + 420))
        #expect(doc.totals.days == 11 + 14 + 14 + 14)
        #expect(doc.csgRate.basisPoints == 620 && doc.crdsRate.basisPoints == 50)
    }

    @Test("October 2026: mi-temps thérapeutique mentioned, no ALD group or mention")
    func miTemps() throws {
        let doc = try AttestationIJBuilder.build(store: F.store(), nir13: F.nirA, from: F.day("2026-10-01"),
                                                 to: F.day("2026-10-31"), today: F.today)
        #expect(doc.groups.count == 1)
        #expect(doc.groups[0].rows.map(\.miTempsTherapeutique) == [true])
        #expect(doc.mentions.map(\.code) == [.miTempsTherapeutique])
    }

    @Test("the period bounds are inclusive and selected on payment date")
    func bounds() throws {
        let store = try F.store()
        let onDay = try AttestationIJBuilder.build(store: store, nir13: F.nirA, from: F.day("2025-12-31"),
                                                   to: F.day("2025-12-31"), today: F.today)
        #expect(onDay.groups.flatMap(\.rows).map(\.workStopReference) == ["MA1"])
        let noPayment = #expect(throws: Refusal.self) {
            try AttestationIJBuilder.build(store: store, nir13: F.nirA, from: F.day("2025-11-01"), to: F.day("2025-11-30"), today: F.today)
        }
        #expect(noPayment?.code == .aucunPaiement)
        #expect(noPayment?.reason == "Aucune indemnité journalière ne vous a été versée du 1er novembre 2025 au 30 novembre 2025.")
    }

    @Test("an invalid period is refused before reading the account")
    func invalidPeriod() throws {
        let error = #expect(throws: Refusal.self) {
            try AttestationIJBuilder.build(store: F.store(), nir13: "1000000000000", from: F.day("2026-11-01"),
                                           to: F.day("2026-12-01"), today: F.today)
        }
        #expect(error?.code == .periodeFuture)
    }
}
