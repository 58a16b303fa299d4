import Accounts
import Portal
import Testing

@Suite("Certificat provisoire CEAM")
struct CEAMTests {
    typealias F = PortalFixtures

    @Test("delivered once, valid three months, recorded in the store")
    func deliveredOnce() throws {
        let store = try F.store()
        let doc = try CertificatProvisoireCEAMBuilder.issue(store: store, nir13: F.nirA, beneficiaryRank: 1,
                                                            departure: F.day("2026-12-01"), today: F.today)
        #expect(doc.validFrom == F.today && doc.validTo == F.day("2027-02-25"))
        #expect(doc.beneficiary.firstName == "Élodie")
        #expect(doc.nir.nir13 == F.nirA)
        #expect(try store.ceamCertificates(nir13: F.nirA).map(\.deliveredOn) == [F.today])
        let again = #expect(throws: Refusal.self) {
            try CertificatProvisoireCEAMBuilder.issue(store: store, nir13: F.nirA, beneficiaryRank: 1,
                                                      departure: F.day("2026-12-05"), today: F.day("2026-11-28"))
        }
        #expect(again?.code == .certificatDejaDelivre)
        #expect(again?.reason == "Un certificat provisoire a déjà été délivré en ligne le 26 novembre 2026 pour Élodie : il ne peut l'être qu'une fois, contactez votre caisse.")
        #expect(try store.ceamCertificates(nir13: F.nirA).count == 1)
    }

    @Test("concurrent requests for one beneficiary: exactly one certificate")
    func concurrent() async throws {
        let store = try F.store()
        let outcomes = await withTaskGroup(of: Refusal.Code?.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    do throws(Refusal) {
                        _ = try CertificatProvisoireCEAMBuilder.issue(store: store, nir13: F.nirA, beneficiaryRank: 3,
                                                                      departure: F.day("2026-12-01"), today: F.today)
                        return nil
                    } catch { return error.code }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(outcomes.filter { $0 == nil }.count == 1)
        #expect(outcomes.filter { $0 == .certificatDejaDelivre }.count == 7)
        #expect(try store.ceamCertificates(nir13: F.nirA).map(\.beneficiaryRank) == [3])
    }

    @Test("refused for closed rights or a departure out of the window, and nothing is recorded")
    func refusals() throws {
        let store = try F.store()
        let zoe = #expect(throws: Refusal.self) {
            try CertificatProvisoireCEAMBuilder.issue(store: store, nir13: F.nirA, beneficiaryRank: 2,
                                                      departure: F.day("2026-12-01"), today: F.today)
        }
        #expect(zoe?.reason == "Les droits de Zoé sont fermés depuis le 31 mars 2026 : le certificat provisoire ne peut pas être délivré.")
        let far = #expect(throws: Refusal.self) {
            try CertificatProvisoireCEAMBuilder.issue(store: store, nir13: F.nirA, beneficiaryRank: 1,
                                                      departure: F.day("2027-01-15"), today: F.today)
        }
        #expect(far?.code == .departTropLointain)
        #expect(try store.ceamCertificates(nir13: F.nirA).isEmpty)
    }
}
