import Accounts
import Foundation
import LayoutDefinitions
import Portal

/// The portal's documents for the first accounts of the demo database: what `make run` shows until the
/// web portal exists. The CEAM certificate is left out: issuing it records a delivery (once only), and a
/// demo must not use up the accounts' certificates; its layout is shown with its sample data instead.
enum DemoDocuments {
    static func render(db: String, library: LayoutLibrary, renderer: DocumentRenderer, today: Day,
                       out: String, accounts: Int = 2) throws {
        let store = try SQLiteAccountStore(path: db)
        let issuer = DocumentIssuer(store: store, library: library, renderer: renderer)
        let month = try YearMonth(year: today.month == 1 ? today.year - 1 : today.year, month: today.month == 1 ? 12 : today.month - 1)
        for (index, account) in try store.accountSummaries(limit: accounts).enumerated() {
            let requests: [DocumentRequest] = [
                DocumentRequest(kind: .attestationDroits, nir13: account.nir13, today: today),
                DocumentRequest(kind: .releveMensuel, nir13: account.nir13, today: today, month: month),
                DocumentRequest(kind: .releveAnnuel, nir13: account.nir13, today: today, year: today.year - 1),
                DocumentRequest(kind: .attestationIJ, nir13: account.nir13, today: today,
                                from: today.adding(months: -12), to: today),
                DocumentRequest(kind: .releveFiscal, nir13: account.nir13, today: today),
            ]
            for request in requests {
                let path = out + "/compte-\(index + 1)-\(request.kind.rawValue).pdf"
                do {
                    let issued = try issuer.issue(request, to: path)
                    print("compte \(index + 1), \(request.kind.rawValue) : \(path) (\(issued.pages) page(s), \(issued.bytes) octets)")
                } catch {
                    print("compte \(index + 1), \(request.kind.rawValue) : refusé — \(error.reason)")
                }
            }
        }
    }
}
