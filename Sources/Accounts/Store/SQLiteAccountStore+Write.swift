/// The write side: caisses, whole accounts (the seed's unit), and the one write the portal makes
/// (recording a delivered CEAM certificate).
extension SQLiteAccountStore {
    public func insert(_ caisse: Caisse) throws {
        try locked { db in
            try db.run("INSERT INTO caisse (code, name, street, postal_code, city) VALUES (?, ?, ?, ?, ?)",
                       [.text(caisse.code), .text(caisse.name), .text(caisse.address.street),
                        .text(caisse.address.postalCode), .text(caisse.address.city)], field: "caisse")
        }
    }

    /// Inserts accounts in one transaction: all or none. Each account is validated first
    /// (`Account.validate()`); errors name the account's index and the field.
    public func insert(_ accounts: [Account]) throws {
        try locked { db in
            try db.transaction {
                for (index, account) in accounts.enumerated() {
                    try AccountsError.scoped("accounts[\(index)]") {
                        try account.validate()
                        try Self.write(account, db)
                    }
                }
            }
        }
    }

    public func insert(_ account: Account) throws { try insert([account]) }

    public func recordCEAMCertificate(_ certificate: CEAMCertificate, nir13: String) throws {
        try locked { db in
            guard let id = try Self.insuredID(db, nir13: nir13) else {
                throw AccountsError(.notFound, field: "nir13", reason: "aucun compte pour ce NIR")
            }
            do {
                try Self.write(certificate, insuredID: id, db, field: "ceamCertificate")
            } catch let error as AccountsError where error.code == .duplicate {
                throw AccountsError(.alreadyDelivered, field: "ceamCertificate.beneficiaryRank",
                                    reason: "un certificat provisoire a déjà été délivré pour le rang \(certificate.beneficiaryRank)")
            } catch let error as AccountsError where error.code == .constraintViolation {
                throw AccountsError(.unknownBeneficiary, field: "ceamCertificate.beneficiaryRank",
                                    reason: "aucun bénéficiaire de rang \(certificate.beneficiaryRank)")
            }
        }
    }

    private static func write(_ account: Account, _ db: SQLiteConnection) throws {
        let p = account.insured
        try db.run("""
            INSERT INTO insured (nir13, nir_key, last_name, usage_name, first_name, sex, birth_date, street,
                postal_code, city, email, iban_masked, caisse_code, medecin_traitant, complementaire)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [.text(p.nir.nir13), .int(p.nir.key), .text(p.lastName), .optional(p.usageName), .text(p.firstName),
                  .int(p.sex.rawValue), .day(p.birthDate), .text(p.address.street), .text(p.address.postalCode),
                  .text(p.address.city), .optional(p.email), .optional(p.bankAccount?.text), .text(p.caisseCode),
                  .optional(p.medecinTraitant), .optional(p.complementaire)], field: "insured")
        let id = db.lastInsertRowID
        if !account.beneficiaries.isEmpty {
            // One statement lookup per table and account, not per row.
            let statement = try db.statement("""
                INSERT INTO beneficiary (insured_id, rank, relationship, first_name, last_name, birth_date)
                VALUES (?, ?, ?, ?, ?, ?)
                """)
            for (i, b) in account.beneficiaries.enumerated() {
                try statement.execute([.int(id), .int(b.rank), .text(b.relationship.rawValue), .text(b.firstName), .text(b.lastName),
                      .day(b.birthDate)], field: "beneficiaries[\(i)]")
            }
        }
        if !account.rightsPeriods.isEmpty {
            // One statement lookup per table and account, not per row.
            let statement = try db.statement("""
                INSERT INTO rights_period (insured_id, rank, open_from, open_to, ald_since, ald_exoneration, css)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
            for (i, r) in account.rightsPeriods.enumerated() {
                try statement.execute([.int(id), .int(r.beneficiaryRank), .day(r.openFrom), .day(r.openTo), .day(r.ald?.since),
                      .bool(r.ald?.exonerationTicketModerateur ?? false), .bool(r.complementaireSanteSolidaire)],
                field: "rightsPeriods[\(i)]")
            }
        }
        if !account.carePayments.isEmpty {
            // One statement lookup per table and account, not per row.
            let statement = try db.statement("""
                INSERT INTO care_payment (insured_id, rank, care_date, payment_date, kind, act, professional,
                    amount_paid, base, rate_bp, reimbursed, participation, franchise, paid_to, dossier)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for (i, c) in account.carePayments.enumerated() {
                try statement.execute([.int(id), .int(c.beneficiaryRank), .day(c.careDate), .day(c.paymentDate), .text(c.kind.rawValue),
                      .text(c.act), .text(c.professional), .money(c.amountPaid), .money(c.base), .int(c.rate.basisPoints),
                      .money(c.reimbursed), .money(c.participationForfaitaire), .money(c.franchise),
                      .text(c.paidTo.rawValue), .text(c.dossier)], field: "carePayments[\(i)]")
            }
        }
        if !account.dailyAllowances.isEmpty {
            // One statement lookup per table and account, not per row.
            let statement = try db.statement("""
                INSERT INTO daily_allowance (insured_id, work_stop_ref, period_from, period_to, days, daily_gross,
                    gross, csg, crds, net, payment_date, cause, ald, mi_temps)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for (i, a) in account.dailyAllowances.enumerated() {
                try statement.execute([.int(id), .text(a.workStopReference), .day(a.from), .day(a.to), .int(a.days), .money(a.dailyGross),
                      .money(a.gross), .money(a.csg), .money(a.crds), .money(a.net), .day(a.paymentDate),
                      .text(a.cause.rawValue), .bool(a.ald), .bool(a.miTempsTherapeutique)],
                field: "dailyAllowances[\(i)]")
            }
        }
        if !account.invalidityPayments.isEmpty {
            // One statement lookup per table and account, not per row.
            let statement = try db.statement("""
                INSERT INTO invalidity_payment (insured_id, month, payment_date, category, gross, net, taxable)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
            for (i, v) in account.invalidityPayments.enumerated() {
                try statement.execute([.int(id), .int(v.month.year * 100 + v.month.month), .day(v.paymentDate), .int(v.category),
                      .money(v.gross), .money(v.net), .money(v.taxable)], field: "invalidityPayments[\(i)]")
            }
        }
        for (i, c) in account.ceamCards.enumerated() {
            try db.run("INSERT INTO ceam_card (card_number, insured_id, rank, expiry) VALUES (?, ?, ?, ?)",
                       [.text(c.cardNumber), .int(id), .int(c.beneficiaryRank), .day(c.expiry)], field: "ceamCards[\(i)]")
        }
        for (i, c) in account.ceamCertificates.enumerated() {
            try write(c, insuredID: id, db, field: "ceamCertificates[\(i)]")
        }
    }

    private static func write(_ c: CEAMCertificate, insuredID: Int64, _ db: SQLiteConnection, field: String) throws {
        try db.run("""
            INSERT INTO ceam_certificate (insured_id, rank, delivered_on, valid_from, valid_to) VALUES (?, ?, ?, ?, ?)
            """, [.int(insuredID), .int(c.beneficiaryRank), .day(c.deliveredOn), .day(c.validFrom), .day(c.validTo)],
            field: field)
    }
}
